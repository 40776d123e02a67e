/**
 * The local stack itself: each emulator answers the real AWS SDK clients the way the
 * handlers will use them, provisioning is idempotent across restarts, and nothing is left
 * running afterwards. Starts its own emulators on free ports (stage 'test').
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../../functions/adapters/dynamodb/table-definition';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  GetBucketCorsCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { ListTopicsCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { DynamoDBRecord, S3Event } from 'aws-lambda';
import { LocalStackError, startEmulators, type RunningEmulators } from '../../../bin/local/emulators';
import type { CapturedSms } from '../../../bin/local/sns-capture';
import { startStreamPoller } from '../../../bin/local/stream-poller';

const region = 'eu-west-3';
/** aws-ses-v2-local hangs on v1 calls it does not implement: never wait forever. */
const requestHandler = { requestTimeout: 5_000, connectionTimeout: 2_000 };

function clientsFor(env: Record<string, string>) {
  const credentials = {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
  };
  const common = { region, credentials, requestHandler };
  return {
    dynamodb: new DynamoDBClient({ ...common, endpoint: env.DYNAMODB_ENDPOINT }),
    s3: new S3Client({
      ...common,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      credentials: {
        accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      },
    }),
    ses: new SESClient({ ...common, endpoint: env.SES_ENDPOINT }),
    sns: new SNSClient({ ...common, endpoint: env.SNS_ENDPOINT }),
    cognito: new CognitoIdentityProviderClient({ ...common, endpoint: env.COGNITO_ENDPOINT }),
  };
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Exited children may take a moment to be reaped by the kernel bookkeeping. */
async function expectAllGone(pids: number[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (pids.some(isAlive) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(pids.filter(isAlive)).toEqual([]);
}

async function javaRssMb(pids: number[]): Promise<number | undefined> {
  for (const pid of pids) {
    try {
      if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('DynamoDBLocal.jar')) continue;
      const kb = /VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
    } catch {
      // Not Linux, or the process is gone.
    }
  }
  return undefined;
}

describe('local emulators', () => {
  let stack: RunningEmulators;
  let clients: ReturnType<typeof clientsFor>;
  let env: Record<string, string>;

  beforeAll(async () => {
    const started = Date.now();
    stack = await startEmulators({ stage: 'test' });
    console.info(`[local-stack] in-memory start: ${Date.now() - started} ms`);
    env = stack.env;
    clients = clientsFor(env);
  }, 60_000);

  afterAll(async () => {
    for (const client of Object.values(clients ?? {})) client.destroy();
    const pids = stack?.processIds() ?? [];
    await stack?.stop();
    await expectAllGone(pids);
  }, 20_000);

  it('produces every variable the runtime config needs', () => {
    for (const name of [
      'STAGE',
      'AWS_REGION',
      'TABLE_NAME',
      'UPLOADS_BUCKET',
      'DOCUMENTS_BUCKET',
      'GENERATED_BUCKET',
      'INBOUND_BUCKET',
      'DYNAMODB_ENDPOINT',
      'S3_ENDPOINT',
      'SES_ENDPOINT',
      'SNS_ENDPOINT',
      'COGNITO_ENDPOINT',
      'USER_POOL_ID',
      'USER_POOL_CLIENT_ID',
      'USER_POOL_CLIENT_SECRET',
      'MAIL_FROM',
      'INSURER_TEAM_EMAIL',
      'PUBLIC_URL',
      'SECRET_PEPPER',
    ]) {
      expect(env[name], name).toBeTruthy();
    }
    expect(env.STAGE).toBe('test');
    expect(env.TRUST_FORWARDED_FOR).toBe('true');
    expect(env.SECRET_PEPPER?.length).toBeGreaterThanOrEqual(32);
  });

  it('creates the table with every GSI of the definition (ALL projection), the stream and TTL', async () => {
    const table = (await clients.dynamodb.send(new DescribeTableCommand({ TableName: env.TABLE_NAME })))
      .Table;
    expect(table?.KeySchema?.map((key) => key.AttributeName)).toEqual(['PK', 'SK']);
    expect(
      table?.GlobalSecondaryIndexes?.map((index) => [
        index.IndexName,
        index.Projection?.ProjectionType,
      ]).sort(),
    ).toEqual(tableDefinition.globalIndexes.map((index) => [index.name, 'ALL']));
    expect(table?.StreamSpecification).toMatchObject({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(table?.LatestStreamArn).toBeTruthy();
    const ttl = await clients.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: env.TABLE_NAME }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('puts and gets an item', async () => {
    const Item = { PK: { S: 'TEST#1' }, SK: { S: 'A' }, name: { S: 'Élise' } };
    await clients.dynamodb.send(new PutItemCommand({ TableName: env.TABLE_NAME, Item }));
    const got = await clients.dynamodb.send(
      new GetItemCommand({ TableName: env.TABLE_NAME, Key: { PK: Item.PK, SK: Item.SK } }),
    );
    expect(got.Item).toEqual(Item);
  });

  it('rolls back a transaction whose condition fails', async () => {
    const written = { PK: { S: 'TX#1' }, SK: { S: 'NEW' } };
    await expect(
      clients.dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: env.TABLE_NAME, Item: written } },
            {
              ConditionCheck: {
                TableName: env.TABLE_NAME,
                Key: { PK: { S: 'TX#1' }, SK: { S: 'MISSING' } },
                ConditionExpression: 'attribute_exists(PK)',
              },
            },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(TransactionCanceledException);
    const got = await clients.dynamodb.send(new GetItemCommand({ TableName: env.TABLE_NAME, Key: written }));
    expect(got.Item).toBeUndefined();
  });

  it('creates the four buckets, with CORS for the SPA on uploads', async () => {
    const names = (await clients.s3.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name);
    for (const name of [env.UPLOADS_BUCKET, env.DOCUMENTS_BUCKET, env.GENERATED_BUCKET, env.INBOUND_BUCKET]) {
      expect(names).toContain(name);
    }
    const cors = await clients.s3.send(new GetBucketCorsCommand({ Bucket: env.UPLOADS_BUCKET }));
    expect(cors.CORSRules?.[0]?.AllowedOrigins).toContain('http://localhost:3000');
  });

  it('puts, gets and lists objects across several pages', async () => {
    const Bucket = env.DOCUMENTS_BUCKET;
    await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        clients.s3.send(
          new PutObjectCommand({ Bucket, Key: `paged/${index}.txt`, Body: `contenu ${index}` }),
        ),
      ),
    );
    const object = await clients.s3.send(new GetObjectCommand({ Bucket, Key: 'paged/3.txt' }));
    expect(await object.Body?.transformToString()).toBe('contenu 3');

    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await clients.s3.send(
        new ListObjectsV2Command({ Bucket, Prefix: 'paged/', MaxKeys: 3, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((entry) => entry.Key ?? ''));
      token = page.NextContinuationToken;
      pages += 1;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(keys.sort()).toEqual(Array.from({ length: 7 }, (_, index) => `paged/${index}.txt`));
  });

  it('accepts a browser-style presigned POST on uploads (CORS preflight included)', async () => {
    const preflight = await fetch(`${env.S3_ENDPOINT}/${env.UPLOADS_BUCKET}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();

    const { url, fields } = await createPresignedPost(clients.s3, {
      Bucket: env.UPLOADS_BUCKET ?? '',
      Key: 'incoming/test.pdf',
      Conditions: [['content-length-range', 1, 3_000_000]],
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 300,
    });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob(['%PDF-1.7 test'], { type: 'application/pdf' }), 'test.pdf');
    const upload = await fetch(url, {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost:3000' },
    });
    expect(upload.status).toBeLessThan(300);
    const stored = await clients.s3.send(
      new GetObjectCommand({ Bucket: env.UPLOADS_BUCKET, Key: 'incoming/test.pdf' }),
    );
    expect(await stored.Body?.transformToString()).toBe('%PDF-1.7 test');
  });

  it('forwards S3 object events with the key encoded as AWS does', async () => {
    const received = new Promise<S3Event>((resolve) => {
      const unsubscribe = stack.onS3Event((event) => {
        unsubscribe();
        resolve(event);
      });
    });
    await clients.s3.send(
      new PutObjectCommand({ Bucket: env.INBOUND_BUCKET, Key: 'back-office/mon fichier.csv', Body: 'a;b' }),
    );
    const record = (await received).Records[0];
    expect(record?.eventName).toBe('ObjectCreated:Put');
    expect(record?.s3.bucket.name).toBe(env.INBOUND_BUCKET);
    expect(record?.s3.object.key).toBe('back-office/mon+fichier.csv');
  });

  it('captures SES mail (SendEmail and SendRawEmail) in /store', async () => {
    await clients.ses.send(
      new SendEmailCommand({
        Source: env.MAIL_FROM,
        Destination: { ToAddresses: ['rh@exemple.fr'] },
        Message: { Subject: { Data: 'Bienvenue' }, Body: { Text: { Data: 'Bonjour' } } },
      }),
    );
    const raw = [
      `From: ${env.MAIL_FROM}`,
      'To: equipe@exemple.fr',
      'Subject: Message brut',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Corps du message',
    ].join('\r\n');
    await clients.ses.send(new SendRawEmailCommand({ RawMessage: { Data: new TextEncoder().encode(raw) } }));
    const store = (await (await fetch(`${env.SES_ENDPOINT}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    };
    expect(store.emails.map((email) => email.subject)).toEqual(
      expect.arrayContaining(['Bienvenue', 'Message brut']),
    );
    expect(store.emails.find((email) => email.subject === 'Bienvenue')?.destination.to).toEqual([
      'rh@exemple.fr',
    ]);
  });

  it('captures an SMS published through the SNS client, and refuses other actions', async () => {
    const published = await clients.sns.send(
      new PublishCommand({ PhoneNumber: '+33612345678', Message: 'Votre code : 123456' }),
    );
    expect(published.MessageId).toBeTruthy();
    const messages = (await (await fetch(`${env.SNS_ENDPOINT}/_messages`)).json()) as CapturedSms[];
    expect(messages[0]).toMatchObject({
      id: published.MessageId,
      to: '+33612345678',
      text: 'Votre code : 123456',
    });
    await expect(clients.sns.send(new ListTopicsCommand({}))).rejects.toMatchObject({
      name: 'InvalidAction',
    });
  });

  it('authenticates a Cognito user with USER_PASSWORD_AUTH and a SECRET_HASH', async () => {
    const email = 'gestionnaire@exemple.fr';
    const password = 'une phrase de passe assez longue';
    await clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: env.USER_POOL_ID,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    await clients.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: env.USER_POOL_ID,
        Username: email,
        Password: password,
        Permanent: true,
      }),
    );
    const secretHash = createHmac('sha256', env.USER_POOL_CLIENT_SECRET ?? '')
      .update(`${email}${env.USER_POOL_CLIENT_ID}`)
      .digest('base64');
    const auth = await clients.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: env.USER_POOL_CLIENT_ID,
        AuthParameters: { USERNAME: email, PASSWORD: password, SECRET_HASH: secretHash },
      }),
    );
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(auth.AuthenticationResult?.IdToken).toBeTruthy();
    expect(auth.AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('delivers stream records to the poller, retrying a batch whose handler failed', async () => {
    const delivered: DynamoDBRecord[] = [];
    const logged: string[] = [];
    let failuresLeft = 1;
    const poller = await startStreamPoller({
      endpoint: env.DYNAMODB_ENDPOINT ?? '',
      region,
      tableName: env.TABLE_NAME ?? '',
      intervalMs: 50,
      log: (line) => logged.push(line),
      onRecords: async (records) => {
        if (failuresLeft-- > 0) throw new Error('dispatcher indisponible');
        delivered.push(...records);
      },
    });
    try {
      await clients.dynamodb.send(
        new PutItemCommand({
          TableName: env.TABLE_NAME,
          Item: { PK: { S: 'OUTBOX#1' }, SK: { S: 'MSG' }, blob: { B: new Uint8Array([1, 2, 3]) } },
        }),
      );
      await poller.drain(10_000);
      const record = delivered.find((candidate) => candidate.dynamodb?.Keys?.PK?.S === 'OUTBOX#1');
      expect(record?.eventName).toBe('INSERT');
      expect(record?.eventSourceARN).toContain(env.TABLE_NAME);
      expect(record?.awsRegion).toBe(region);
      expect(record?.dynamodb?.NewImage?.blob).toEqual({ B: 'AQID' });
      expect(record?.dynamodb?.SequenceNumber).toBeTruthy();
      expect(logged.some((line) => line.includes('dispatcher indisponible'))).toBe(true);
      // Items written before the poller started are not replayed.
      expect(delivered.some((candidate) => candidate.dynamodb?.Keys?.PK?.S === 'TEST#1')).toBe(false);
    } finally {
      await poller.stop();
    }
  }, 20_000);
});

describe('local emulators with a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ees-local-stack-test-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a busy fixed port with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const attempt = startEmulators({ stage: 'test', ports: { sns: port } });
      await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port} \\(SNS`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('keeps data and reuses the user pool across restarts, and leaves no process behind', async () => {
    let started = Date.now();
    const first = await startEmulators({ stage: 'test', dataDir });
    const coldMs = Date.now() - started;
    const firstPids = first.processIds();
    const rssMb = await javaRssMb(firstPids);
    const firstClients = clientsFor(first.env);
    try {
      await firstClients.dynamodb.send(
        new PutItemCommand({ TableName: first.env.TABLE_NAME, Item: { PK: { S: 'KEEP' }, SK: { S: 'ME' } } }),
      );
      await firstClients.s3.send(
        new PutObjectCommand({ Bucket: first.env.GENERATED_BUCKET, Key: 'k.txt', Body: 'v' }),
      );
      await firstClients.sns.send(new PublishCommand({ PhoneNumber: '+33600000000', Message: 'persisté' }));
    } finally {
      for (const client of Object.values(firstClients)) client.destroy();
      await first.stop();
    }
    await expectAllGone(firstPids);

    started = Date.now();
    const second = await startEmulators({ stage: 'test', dataDir });
    const warmMs = Date.now() - started;
    console.info(
      `[local-stack] dataDir start: cold ${coldMs} ms, warm ${warmMs} ms; java RSS ${rssMb ?? '?'} MB`,
    );
    const secondPids = second.processIds();
    const secondClients = clientsFor(second.env);
    try {
      expect(second.env.USER_POOL_ID).toBe(first.env.USER_POOL_ID);
      expect(second.env.USER_POOL_CLIENT_ID).toBe(first.env.USER_POOL_CLIENT_ID);
      expect(second.env.USER_POOL_CLIENT_SECRET).toBe(first.env.USER_POOL_CLIENT_SECRET);
      expect(second.env.SECRET_PEPPER).toBe(first.env.SECRET_PEPPER);
      const kept = await secondClients.dynamodb.send(
        new GetItemCommand({ TableName: second.env.TABLE_NAME, Key: { PK: { S: 'KEEP' }, SK: { S: 'ME' } } }),
      );
      expect(kept.Item).toBeDefined();
      const object = await secondClients.s3.send(
        new GetObjectCommand({ Bucket: second.env.GENERATED_BUCKET, Key: 'k.txt' }),
      );
      expect(await object.Body?.transformToString()).toBe('v');
      const sms = (await (await fetch(`${second.env.SNS_ENDPOINT}/_messages`)).json()) as CapturedSms[];
      expect(sms.map((message) => message.text)).toContain('persisté');
    } finally {
      for (const client of Object.values(secondClients)) client.destroy();
      await second.stop();
    }
    await expectAllGone(secondPids);
  }, 60_000);
});
