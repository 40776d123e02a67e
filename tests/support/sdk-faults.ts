import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  MiddlewareStack,
} from '@smithy/types';
import { injectFault, type FaultKind } from '../../functions/runtime/client-probes';
import {
  cognitoClient,
  documentClient,
  s3Client,
  sesClient,
  snsClient,
} from '../../functions/runtime/clients';
import { config } from '../../functions/runtime/config';

/**
 * A spy on the AWS SDK clients of the handlers running in this process (a private stack):
 * it sees every call with its input, tells the outbox dispatcher's calls from the request's,
 * fails exactly the n-th call asked for — through the product's own probe
 * (functions/runtime/client-probes.ts: it arms the probe for that one call) — and keeps the
 * image of every table item the request writes, as it was before the first write, so a test
 * can prove a failed request left nothing half-applied.
 */
export type Origin = 'request' | 'dispatcher';
export type Service = 'dynamodb' | 'cognito' | 's3' | 'ses' | 'sns';

export interface ObservedCall {
  service: Service;
  operation: string;
  origin: Origin;
  /** The injected failure this call met, if any. */
  injected?: boolean;
}

export interface FaultPlan {
  origin: Origin;
  service: Service;
  operation: string;
  /** 1-based rank among the calls of this origin, service and operation (and match). */
  nth: number;
  kind: FaultKind;
  /** Only calls whose input mentions this text (e.g. the recipient of an e-mail). */
  match?: string;
}

export interface ItemKey {
  PK: string;
  SK: string;
}

/** Calls worth failing: every write to the table or S3, every Cognito and messaging call. */
const FAULT_TARGETS: Record<Service, (operation: string) => boolean> = {
  dynamodb: (operation) =>
    ['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem'].includes(operation),
  cognito: () => true,
  s3: (operation) => ['PutObject', 'CopyObject', 'DeleteObject', 'DeleteObjects'].includes(operation),
  ses: () => true,
  sns: () => true,
};
export const isFaultTarget = (call: ObservedCall) => FAULT_TARGETS[call.service](call.operation);

type Input = Record<string, unknown> | undefined;
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof (value as { S?: unknown })?.S === 'string'
      ? (value as { S: string }).S
      : undefined;

function keyOf(item: unknown): ItemKey[] {
  const record = item as Record<string, unknown> | undefined;
  const PK = stringOf(record?.PK);
  const SK = stringOf(record?.SK);
  return PK !== undefined && SK !== undefined ? [{ PK, SK }] : [];
}

/** The table items a write call targets (document client inputs are plain at this step). */
export function keysWritten(operation: string, input: Input): ItemKey[] {
  switch (operation) {
    case 'PutItem':
      return keyOf(input?.Item);
    case 'UpdateItem':
    case 'DeleteItem':
      return keyOf(input?.Key);
    case 'TransactWriteItems':
      return (
        (input?.TransactItems ?? []) as Record<string, { Item?: unknown; Key?: unknown } | undefined>[]
      ).flatMap((entry) =>
        keyOf(entry.Put?.Item ?? entry.Update?.Key ?? entry.Delete?.Key ?? entry.ConditionCheck?.Key),
      );
    case 'BatchWriteItem':
      return Object.values(
        (input?.RequestItems ?? {}) as Record<string, Record<string, { Item?: unknown; Key?: unknown }>[]>,
      )
        .flat()
        .flatMap((entry) => keyOf(entry.PutRequest?.Item ?? entry.DeleteRequest?.Key));
    default:
      return [];
  }
}

/** The dispatcher (and the retry job) work on outbox items only, and are the only senders. */
function originOf(service: Service, operation: string, input: Input): Origin {
  if (service === 'ses' || service === 'sns') return 'dispatcher';
  if (service === 'dynamodb') {
    const pk = stringOf((input?.Key as Record<string, unknown> | undefined)?.PK);
    if (pk?.startsWith('OUTBOX#') && (operation === 'UpdateItem' || operation === 'GetItem'))
      return 'dispatcher';
    if (
      operation === 'Query' &&
      JSON.stringify(input?.ExpressionAttributeValues ?? {}).includes('OUTBOX#PENDING')
    ) {
      return 'dispatcher';
    }
  }
  return 'request';
}

/** Attributes that change on their own (the session's idle clock) and prove nothing. */
const VOLATILE = new Set(['lastSeenAt']);
const canonical = (item: Record<string, unknown> | undefined): string =>
  item === undefined
    ? 'absent'
    : JSON.stringify(
        Object.keys(item)
          .filter((name) => !VOLATILE.has(name))
          .sort()
          .map((name) => [name, item[name]]),
      );

export interface ItemChange {
  key: ItemKey;
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
}

/** "PK / SK: attribute before → after" for each differing attribute (for failure messages). */
export function describeChanges(changes: ItemChange[]): string[] {
  return changes.flatMap(({ key, before, after }) => {
    if (!before || !after) return [`${key.PK} / ${key.SK}: ${before ? 'deleted' : 'created'}`];
    const names = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...names]
      .filter((name) => !VOLATILE.has(name) && JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      .map(
        (name) =>
          `${key.PK} / ${key.SK}: ${name} ${JSON.stringify(before[name])} → ${JSON.stringify(after[name])}`,
      );
  });
}

export class SdkSpy {
  private observing = false;
  private calls: ObservedCall[] = [];
  private plan: FaultPlan | undefined;
  private seen = 0;
  private readonly before = new Map<string, { key: ItemKey; item: Record<string, unknown> | undefined }>();
  /** A client of the same table outside the spy and the probes, for the test's own reads. */
  readonly table: DynamoDBDocumentClient;

  constructor() {
    const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
    this.table = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: AWS_REGION,
        endpoint: DYNAMODB_ENDPOINT,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const clients: [Service, { middlewareStack: unknown }][] = [
      ['dynamodb', documentClient()],
      ['cognito', cognitoClient()],
      ['s3', s3Client()],
      ['ses', sesClient()],
      ['sns', snsClient()],
    ];
    for (const [service, client] of clients) {
      (client.middlewareStack as MiddlewareStack<object, object>).addRelativeTo(
        (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
          async (args: InitializeHandlerArguments<object>) => {
            if (!this.observing) return next(args);
            const operation = String((context as { commandName?: string }).commandName ?? '').replace(
              /Command$/,
              '',
            );
            const input = (args as { input?: Input }).input;
            const call: ObservedCall = { service, operation, origin: originOf(service, operation, input) };
            this.calls.push(call);
            if (call.origin === 'request' && service === 'dynamodb')
              await this.keepBeforeImages(operation, input);
            const plan = this.plan;
            if (
              plan &&
              plan.origin === call.origin &&
              plan.service === service &&
              plan.operation === operation &&
              (!plan.match || JSON.stringify(input).includes(plan.match))
            ) {
              this.seen += 1;
              // Arms the product's probe (the next middleware) for this very call.
              if (this.seen === plan.nth) injectFault({ service, operation, kind: plan.kind, times: 1 });
            }
            try {
              return await next(args);
            } catch (error) {
              if (error instanceof Error && /\(injected\)$/.test(error.message)) call.injected = true;
              throw error;
            }
          },
        { relation: 'before', toMiddleware: 'eesClientProbe', name: 'eesTestSpy', override: true },
      );
    }
  }

  /** Runs `work` with the spy watching (and failing the planned call, if any); answers what it saw. */
  async observe<T>(work: () => Promise<T>, plan?: FaultPlan): Promise<{ result: T; calls: ObservedCall[] }> {
    this.calls = [];
    this.before.clear();
    this.plan = plan;
    this.seen = 0;
    this.observing = true;
    try {
      const result = await work();
      return { result, calls: [...this.calls] };
    } finally {
      this.observing = false;
      this.plan = undefined;
    }
  }

  /** Items the last observed request wrote that differ now from before its first write. */
  async changedItems(): Promise<ItemChange[]> {
    const changes: ItemChange[] = [];
    for (const { key, item } of this.before.values()) {
      if (key.PK.startsWith('RATE#')) continue;
      const after = await this.read(key);
      if (canonical(item) !== canonical(after)) changes.push({ key, before: item, after });
    }
    return changes;
  }

  async read(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.table.send(
      new GetCommand({ TableName: config().TABLE_NAME, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  private async keepBeforeImages(operation: string, input: Input): Promise<void> {
    for (const key of keysWritten(operation, input)) {
      if (key.PK.startsWith('RATE#')) continue;
      const id = `${key.PK}\u0000${key.SK}`;
      if (!this.before.has(id)) this.before.set(id, { key, item: await this.read(key) });
    }
  }
}
