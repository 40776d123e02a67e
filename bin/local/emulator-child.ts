/**
 * Entry point of the child processes that host the Node-based emulators (s3rver,
 * aws-ses-v2-local, cognito-local). `emulators.ts` starts this file rather than each
 * package's CLI because a wrapper lets us:
 * - report readiness (and the bound port) over IPC instead of scraping log lines;
 * - exit as soon as the IPC channel closes, so a child never outlives a parent that was
 *   killed with SIGKILL (no orphan emulator holding a port);
 * - forward s3rver's object events, which it only emits in-process, to the parent (the
 *   local runner turns them into S3 notifications for the inbound-bucket trigger).
 * s3rver must run under `node --openssl-legacy-provider` (its ListObjectsV2 pagination
 * fails with a 500 otherwise), one more reason for it to live in its own process.
 */
import { createRequire } from 'node:module';

export type EmulatorChildKind = 's3' | 'ses' | 'cognito';

export interface EmulatorChildConfig {
  readonly kind: EmulatorChildKind;
  readonly host: string;
  readonly port: number;
  /** s3: data directory; cognito: the working directory under which it keeps `.cognito/`. */
  readonly directory?: string;
}

export type EmulatorChildMessage =
  { readonly type: 'ready'; readonly port: number } | { readonly type: 's3-event'; readonly event: unknown };

// The emulators are CommonJS packages without type declarations: load them with require.
const require = createRequire(import.meta.url);

interface ListeningServer {
  address(): { port: number } | string | null;
}

function send(message: EmulatorChildMessage): void {
  process.send?.(message);
}

function boundPort(server: ListeningServer, fallback: number): number {
  const address = server.address();
  return address !== null && typeof address === 'object' ? address.port : fallback;
}

async function startS3(config: EmulatorChildConfig): Promise<number> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
    on(event: 'event', listener: (event: unknown) => void): void;
    run(): Promise<{ port: number }>;
  };
  const server = new S3rver({
    address: config.host,
    port: config.port,
    directory: config.directory,
    // It logs every request; the parent only wants failures (stderr tail on crash).
    silent: true,
    // Our clients use path-style URLs; vhost parsing of "127.0.0.1" is pointless.
    vhostBuckets: false,
  });
  server.on('event', (event) => send({ type: 's3-event', event }));
  const address = await server.run();
  return address.port;
}

async function startSes(config: EmulatorChildConfig): Promise<number> {
  const module = require('aws-ses-v2-local') as {
    default: (config: { host: string; port: number }) => Promise<ListeningServer>;
  };
  // GetAccount (SES v2) answers this document; the health route probes SES with that call.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify({
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'FR',
      MailType: 'TRANSACTIONAL',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'Espace Entreprise Santé (local)',
      WebsiteURL: 'http://localhost:3000',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: [] },
  });
  const server = await module.default({ host: config.host, port: config.port });
  return boundPort(server, config.port);
}

async function startCognito(config: EmulatorChildConfig): Promise<number> {
  if (config.directory === undefined) throw new Error('cognito-local needs a directory');
  // cognito-local keeps its config and pools under "./.cognito" relative to the cwd, and
  // reads PORT/HOST when its config module loads: both must be in place before require.
  process.chdir(config.directory);
  process.env.PORT = String(config.port);
  process.env.HOST = config.host;
  const cognitoRequire = createRequire(require.resolve('cognito-local'));
  const pino = cognitoRequire('pino') as {
    (options: Record<string, unknown>, destination: unknown): unknown;
    destination(fd: number): unknown;
  };
  // Its CLI logs every call at info level; warnings and errors (to stderr) are enough here.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const { createDefaultServer } = require('cognito-local') as {
    createDefaultServer(logger: unknown): Promise<{ start(): Promise<ListeningServer> }>;
  };
  const server = await (await createDefaultServer(logger)).start();
  return boundPort(server, config.port);
}

async function main(): Promise<void> {
  // Passed as the first argument by emulators.ts (this file is never imported for values).
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('missing emulator child configuration argument');
  const config = JSON.parse(raw) as EmulatorChildConfig;
  // The parent is gone (even killed with SIGKILL): the IPC channel closes, so do we.
  process.on('disconnect', () => process.exit(0));
  const starters = { s3: startS3, ses: startSes, cognito: startCognito } as const;
  const port = await starters[config.kind](config);
  send({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
