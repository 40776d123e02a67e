import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBStreamEvent, S3Event } from 'aws-lambda';
import { resolve } from 'node:path';
import { resetConfigCache } from '../../functions/runtime/config';
import { eventTriggers, scheduledJobs } from '../../functions/schedules';
import { startEmulators, type EmulatorOptions, type RunningEmulators } from './emulators';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { startLocalApi, type LocalApi, type LocalApiOptions } from './api-server';
import { backOfficeRecordKinds } from '../../functions/contracts/back-office-import';
import { generateDemoDataset } from './demo-data';
import { seedDemoUsers } from './demo-users';
import { seedDocuments } from './seed-documents';

/**
 * The whole portal on one machine: emulators, the API + SPA on one origin, the stream
 * dispatcher, the scheduled jobs on timers and the S3-triggered imports — the same
 * handlers as in AWS, wired by the same tables (routes.ts, schedules.ts).
 */
export interface LocalStackOptions {
  stage: 'local' | 'test';
  dataDir?: string;
  port: number;
  host?: string;
  web?: LocalApiOptions['web'] | 'dist';
  seedDemoData?: boolean;
  /** Run the scheduled jobs on their timers (tests call them explicitly instead). */
  runJobTimers?: boolean;
  emulatorPorts?: EmulatorOptions['ports'];
  /** Handler logs at INFO instead of WARN. */
  verboseHandlers?: boolean;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  env: Record<string, string>;
  emulators: RunningEmulators;
  api: LocalApi;
  /** Waits until every DynamoDB stream record written so far went through the dispatcher. */
  drainStream(timeoutMs?: number): Promise<void>;
  /** Runs one scheduled job now, as EventBridge would (tests may pass the job an event, e.g. `{ now }`). */
  runJob(id: (typeof scheduledJobs)[number]['id'], event?: Record<string, unknown>): Promise<unknown>;
  /** Drops a file in the inbound bucket and waits for its import (as the S3 event would). */
  importFile(key: string, body: string | Uint8Array): Promise<unknown>;
  stop(): Promise<void>;
}

type Handler<E> = (event: E) => Promise<unknown>;
const functionsDir = resolve(import.meta.dirname, '../../functions');
const loadHandler = async <E>(file: string): Promise<Handler<E>> =>
  ((await import(resolve(functionsDir, file))) as { handler: Handler<E> }).handler;

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  // Users browse localhost; tests use the loopback address they connect to. The API's CSRF
  // check compares the Origin with this URL, so it must be the one the browser shows.
  const publicUrl = `http://${options.stage === 'local' ? 'localhost' : (options.host ?? '127.0.0.1')}:${options.port}`;
  const emulators = await startEmulators({
    stage: options.stage,
    dataDir: options.dataDir,
    ports: options.emulatorPorts,
    publicUrl,
    log,
  });
  const stoppers: (() => Promise<void>)[] = [() => emulators.stop()];
  const stop = async () => {
    for (const stopOne of stoppers.reverse())
      await stopOne().catch((error: Error) => log(`stop: ${error.message}`));
  };
  try {
    // Handlers read their configuration from the environment, as in Lambda.
    Object.assign(process.env, emulators.env);
    // The console stays short: handler logs at WARN unless asked (npm start -- --verbose, EES_TEST_LOG=1).
    if (!options.verboseHandlers) process.env.LOG_LEVEL ??= 'WARN';
    resetConfigCache();

    const streamTrigger = eventTriggers.find((trigger) => trigger.source === 'tableStream')!;
    const dispatch = await loadHandler<DynamoDBStreamEvent>(streamTrigger.handler);
    const poller: StreamPoller = await startStreamPoller({
      endpoint: emulators.env.DYNAMODB_ENDPOINT!,
      region: emulators.env.AWS_REGION!,
      tableName: emulators.env.TABLE_NAME!,
      onRecords: async (records) => {
        await dispatch({ Records: records });
      },
      log,
    });
    stoppers.push(() => poller.stop());

    // Each file of the inbound bucket goes to the trigger whose prefix and suffix it matches,
    // as S3's notification filters route it in AWS (back-office CSV, DSN…).
    const inboundTriggers = await Promise.all(
      eventTriggers
        .filter((trigger) => trigger.source === 'inboundBucket')
        .map(async (trigger) => ({ ...trigger, run: await loadHandler<S3Event>(trigger.handler) })),
    );
    const triggerFor = (key: string) =>
      inboundTriggers.find((trigger) => key.startsWith(trigger.prefix) && key.endsWith(trigger.suffix));
    const runImport = (key: string, event: S3Event) => {
      const trigger = triggerFor(key);
      return trigger ? trigger.run(event) : Promise.reject(new Error(`No inbound trigger for ${key}`));
    };
    /** Files dropped by importFile() are imported by it, not a second time by the notification. */
    const awaitedKeys = new Set<string>();
    const unsubscribe = emulators.onS3Event((event) => {
      const key = decodeURIComponent((event.Records[0]?.s3.object.key ?? '').replace(/\+/g, ' '));
      if (awaitedKeys.delete(key)) return;
      if (event.Records[0]?.s3.bucket.name !== emulators.env.INBOUND_BUCKET) return;
      if (!triggerFor(key)) return;
      runImport(key, event).catch((error: Error) => log(`[import] ${key}: ${error.message}`));
    });
    stoppers.push(async () => unsubscribe());

    const jobs = new Map(scheduledJobs.map((job) => [job.id, job]));
    const runJob = async (id: string, event: Record<string, unknown> = {}) =>
      (await loadHandler<unknown>(jobs.get(id as never)!.handler))(event);
    if (options.runJobTimers) {
      for (const job of scheduledJobs) {
        const timer = setInterval(() => {
          runJob(job.id).catch((error: Error) => log(`[job ${job.id}] ${error.message}`));
        }, job.localEverySeconds * 1000);
        timer.unref();
        stoppers.push(async () => clearInterval(timer));
      }
    }

    const s3 = new S3Client({
      region: emulators.env.AWS_REGION,
      endpoint: emulators.env.S3_ENDPOINT,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      credentials: {
        accessKeyId: emulators.env.S3_ACCESS_KEY_ID!,
        secretAccessKey: emulators.env.S3_SECRET_ACCESS_KEY!,
      },
    });
    stoppers.push(async () => s3.destroy());
    /** Same path as the S3 notification, but awaited, so callers know the outcome. */
    const importFile = async (key: string, body: string | Uint8Array) => {
      const bucket = emulators.env.INBOUND_BUCKET!;
      awaitedKeys.add(key);
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          // A DSN may be ISO-8859-1: its bytes go as they are, the importer reads them.
          ContentType: typeof body === 'string' ? 'text/csv; charset=utf-8' : 'application/octet-stream',
        }),
      );
      return runImport(key, syntheticS3Event(bucket, key, Buffer.byteLength(body)));
    };

    if (options.seedDemoData) {
      const backOfficePrefix = inboundTriggers.find(
        (trigger) => trigger.id === 'importBackOfficeFile',
      )!.prefix;
      const dataset = generateDemoDataset();
      for (const kind of backOfficeRecordKinds) {
        const [report] = (await importFile(`${backOfficePrefix}demo/${kind}.csv`, dataset[kind])) as {
          status: string;
          rejected: unknown[];
        }[];
        if (report?.status !== 'imported') {
          throw new Error(`Demo data ${kind} rejected: ${JSON.stringify(report?.rejected.slice(0, 3))}`);
        }
      }
      await seedDemoUsers();
      await seedDocuments();
    }

    const web =
      options.web === 'dist'
        ? {
            distDir: resolve(import.meta.dirname, '../../web/dist'),
            uploadOrigins: [emulators.env.S3_ENDPOINT!],
          }
        : options.web;
    const api = await startLocalApi({
      port: options.port,
      host: options.host,
      web,
      canonicalUrl: publicUrl,
      log,
    });
    stoppers.push(() => api.close());

    return {
      url: api.url,
      env: emulators.env,
      emulators,
      api,
      drainStream: (timeoutMs) => poller.drain(timeoutMs),
      runJob,
      importFile,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function syntheticS3Event(bucket: string, key: string, size: number): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: process.env.AWS_REGION ?? 'eu-west-3',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local',
          bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size, eTag: 'local', sequencer: '0' },
        },
      },
    ],
  };
}
