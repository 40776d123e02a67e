import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalStack } from '../../bin/local/stack';
import { startControlServer } from './control-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    controlUrl: string;
    stackEnv: Record<string, string>;
  }
}

let stack: LocalStack | undefined;
let control: { close(): Promise<void> } | undefined;

/** A port nobody listens on now: the SPA origin must be known before the stack starts (CSRF). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts the whole local stack once for the integration, security and browser tests. */
export async function setup(project: TestProject): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  stack = await startLocalStack({
    stage: 'test',
    port: await freePort(),
    host: '127.0.0.1',
    web: 'dist',
    seedDemoData: true,
    runJobTimers: false,
    verboseHandlers: Boolean(process.env.EES_TEST_LOG),
    log: process.env.EES_TEST_LOG ? (line) => console.log(line) : undefined,
  });
  const controlServer = await startControlServer(stack);
  control = controlServer;
  project.provide('baseUrl', stack.url);
  project.provide('controlUrl', controlServer.url);
  project.provide('stackEnv', stack.env);
}

export async function teardown(): Promise<void> {
  await control?.close();
  await stack?.stop();
}
