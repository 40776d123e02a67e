/**
 * Stand-in for SNS SMS: there is no usable SNS emulator, so this small HTTP server speaks
 * just enough of the SNS Query API (`Action=Publish`, form-encoded, XML answers) for the
 * real `@aws-sdk/client-sns` code of the adapters to run unchanged, and keeps the "sent"
 * SMS so that tests and the dev viewer can read them at `GET /_messages`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

export interface CapturedSms {
  /** MessageId returned to the caller, to correlate with the dispatcher's logs. */
  readonly id: string;
  /** E.164 number from `PhoneNumber` (or the TopicArn/TargetArn when one was used). */
  readonly to: string;
  readonly text: string;
  /** ISO date of reception. */
  readonly at: string;
}

export interface SnsCaptureOptions {
  /** 0 = any free port. */
  readonly port: number;
  readonly host?: string;
  /** JSON file that keeps the messages across restarts; in memory only when absent. */
  readonly file?: string;
}

export interface SnsCapture {
  readonly port: number;
  readonly url: string;
  /** Newest first. */
  messages(): readonly CapturedSms[];
  clear(): Promise<void>;
  stop(): Promise<void>;
}

const xmlNamespace = 'http://sns.amazonaws.com/doc/2010-03-31/';
/** Enough for any dev session while keeping the JSON file small. */
const maxKept = 1000;
/** Publish requests are tiny; refuse anything absurd rather than buffering it. */
const maxBodyBytes = 512 * 1024;

const escapeXml = (value: string): string => value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

function sendXml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  response.end(`<?xml version="1.0"?>\n${body}`);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendXml(
    response,
    status,
    `<ErrorResponse xmlns="${xmlNamespace}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function loadMessages(file: string | undefined): Promise<CapturedSms[]> {
  if (file === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as CapturedSms[]) : [];
  } catch {
    // Missing or unreadable: the viewer history is a convenience, start empty.
    return [];
  }
}

export async function startSnsCapture(options: SnsCaptureOptions): Promise<SnsCapture> {
  const host = options.host ?? '127.0.0.1';
  const { file } = options;
  /** Oldest first internally; reversed on read. */
  let stored = await loadMessages(file);
  // Writes are serialised so two quick publishes cannot interleave a rename.
  let persisting: Promise<void> = Promise.resolve();

  const persist = (): Promise<void> => {
    if (file === undefined) return Promise.resolve();
    const snapshot = JSON.stringify(stored, null, 1);
    persisting = persisting
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        // Write-then-rename: a crash mid-write never leaves a truncated history.
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, snapshot, { mode: 0o600 });
        await rename(temporary, file);
      })
      .catch(() => undefined);
    return persisting;
  };

  const publish = async (params: URLSearchParams, response: ServerResponse): Promise<void> => {
    const to = params.get('PhoneNumber') ?? params.get('TargetArn') ?? params.get('TopicArn');
    const text = params.get('Message');
    if (to === null || to === '') {
      sendError(
        response,
        400,
        'InvalidParameter',
        'Invalid parameter: PhoneNumber, TargetArn or TopicArn required',
      );
      return;
    }
    if (text === null || text === '') {
      sendError(response, 400, 'InvalidParameter', 'Invalid parameter: Empty message');
      return;
    }
    const message: CapturedSms = { id: randomUUID(), to, text, at: new Date().toISOString() };
    stored.push(message);
    if (stored.length > maxKept) stored = stored.slice(-maxKept);
    await persist();
    sendXml(
      response,
      200,
      `<PublishResponse xmlns="${xmlNamespace}"><PublishResult><MessageId>${message.id}</MessageId>` +
        `</PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/_messages') {
      if (request.method === 'GET') {
        sendJson(response, 200, [...stored].reverse());
      } else if (request.method === 'DELETE') {
        stored = [];
        await persist();
        sendJson(response, 200, []);
      } else {
        sendJson(response, 405, { message: 'GET or DELETE' });
      }
      return;
    }
    if (request.method !== 'POST') {
      sendError(response, 405, 'InvalidAction', 'Only POST (SNS Query API) is supported');
      return;
    }
    const params = new URLSearchParams(await readBody(request));
    const action = params.get('Action');
    if (action === 'Publish') {
      await publish(params, response);
      return;
    }
    // The health route's probe: proves the SMS channel answers, like AWS's GetSMSAttributes.
    if (action === 'GetSMSAttributes') {
      sendXml(
        response,
        200,
        `<GetSMSAttributesResponse xmlns="${xmlNamespace}"><GetSMSAttributesResult><attributes>` +
          '<entry><key>DefaultSMSType</key><value>Transactional</value></entry>' +
          `</attributes></GetSMSAttributesResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId>` +
          '</ResponseMetadata></GetSMSAttributesResponse>',
      );
      return;
    }
    sendError(
      response,
      400,
      'InvalidAction',
      `The action ${action ?? '(none)'} is not supported by the local SMS capture`,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(response, 500, 'InternalError', error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `http://${host}:${port}`,
    messages: () => [...stored].reverse(),
    clear: async () => {
      stored = [];
      await persist();
    },
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      }).then(() => persisting);
      return stopping;
    },
  };
}
