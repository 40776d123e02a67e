import { createServer, type Server } from 'node:http';
import type { LocalStack } from '../../bin/local/stack';
import {
  clearFaults,
  injectFault,
  recordSdkCalls,
  type FaultRule,
  type SdkCall,
} from '../../functions/runtime/client-probes';

/**
 * Test-only control of the stack that lives in vitest's main process: test workers ask it
 * to drain the DynamoDB stream, run a scheduled job now, or import an inbound file (back-office
 * CSV, DSN).
 * Loopback only, never part of the portal.
 */
export async function startControlServer(
  stack: LocalStack,
): Promise<{ url: string; close(): Promise<void> }> {
  const recorded: SdkCall[] = [];
  let stopRecording: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://control');
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const work = async (): Promise<unknown> => {
        if (url.pathname === '/drain')
          return stack.drainStream(Number(url.searchParams.get('timeoutMs') ?? 10_000));
        // A JSON body is the job's event (e.g. `{ "now": "…" }` to run it as at another time).
        if (url.pathname.startsWith('/jobs/'))
          return stack.runJob(
            url.pathname.slice('/jobs/'.length) as never,
            body ? (JSON.parse(body) as Record<string, unknown>) : undefined,
          );
        // The file's bytes as sent (a DSN may be ISO-8859-1), to the trigger its key names.
        if (url.pathname === '/import') return stack.importFile(url.searchParams.get('key') ?? '', raw);
        // Fault injection: the next matching SDK call(s) of the handlers fail as asked.
        if (url.pathname === '/faults') return injectFault(JSON.parse(body) as FaultRule);
        if (url.pathname === '/faults/clear') return clearFaults();
        // SDK calls made by the handlers between /calls/start and /calls/stop.
        if (url.pathname === '/calls/start') {
          recorded.length = 0;
          stopRecording?.();
          stopRecording = recordSdkCalls((call) => recorded.push(call));
          return null;
        }
        if (url.pathname === '/calls/stop') {
          stopRecording?.();
          stopRecording = undefined;
          return recorded.splice(0);
        }
        throw new Error(`unknown control ${url.pathname}`);
      };
      work()
        .then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result ?? null));
        })
        .catch((error: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: error.message }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
