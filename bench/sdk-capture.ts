import { AsyncLocalStorage } from 'node:async_hooks';
import { BatchWriteItemCommand, DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { recordSdkCalls, type SdkCall } from '../functions/runtime/client-probes';
import { dynamoClient } from '../functions/runtime/clients';

/**
 * What the SDK did for one measured request. Two independent observers:
 * - the product's own probe (functions/runtime/client-probes.ts, `recordSdkCalls`): service,
 *   operation and consumed capacity of every call — the figures of the report;
 * - a bench middleware on the DynamoDB client (build step, after the DocumentClient's
 *   marshalling): the raw input and start/end time of each DynamoDB call, to count
 *   sequential stages and to replay the same calls raw for the baseline.
 * Calls are attributed to a request through AsyncLocalStorage, so the stream dispatcher or a
 * background job running at the same moment is never counted.
 */
export interface CapturedCall {
  operation: string;
  input: Record<string, unknown>;
  start: number;
  end: number;
  failed: boolean;
}

export interface CallRecord {
  probed: SdkCall[];
  captured: CapturedCall[];
}

const context = new AsyncLocalStorage<CallRecord>();

export const newCallRecord = (): CallRecord => ({ probed: [], captured: [] });

/** Runs `work` with every SDK call it makes recorded into `record`. */
export const recording = <T>(record: CallRecord, work: () => Promise<T>): Promise<T> =>
  context.run(record, work);

/** Rate-limit counters written since the last reset (any request, measured or not). */
const rateCounters = new Map<string, Record<string, AttributeValue>>();

const isRateKey = (key: unknown): key is Record<string, AttributeValue> => {
  const pk = (key as { PK?: { S?: string } } | undefined)?.PK?.S;
  return typeof pk === 'string' && pk.startsWith('RATE#');
};

function noteRateCounters(operation: string, input: Record<string, unknown>): void {
  const keysOf: unknown[] = [];
  if (operation === 'UpdateItem' || operation === 'PutItem') keysOf.push(input.Key ?? input.Item);
  if (operation === 'TransactWriteItems') {
    for (const item of (input.TransactItems ?? []) as Record<string, { Key?: unknown; Item?: unknown }>[]) {
      for (const action of Object.values(item)) keysOf.push(action?.Key ?? action?.Item);
    }
  }
  for (const key of keysOf) {
    if (isRateKey(key)) {
      const pk = key.PK!.S!;
      const sk = (key.SK as { S?: string } | undefined)?.S ?? '';
      rateCounters.set(`${pk}\u0000${sk}`, { PK: { S: pk }, SK: { S: sk } });
    }
  }
}

let installed = false;

/** Installs both observers once; call after the stack has set the environment. */
export function installSdkCapture(): void {
  if (installed) return;
  installed = true;
  recordSdkCalls((call) => context.getStore()?.probed.push(call));
  dynamoClient().middlewareStack.add(
    (next, handlerContext) => async (args) => {
      const operation = String((handlerContext as { commandName?: string }).commandName ?? '').replace(
        /Command$/,
        '',
      );
      const input = structuredClone((args as unknown as { input: Record<string, unknown> }).input);
      noteRateCounters(operation, input);
      const store = context.getStore();
      const start = performance.now();
      try {
        const result = await next(args);
        store?.captured.push({ operation, input, start, end: performance.now(), failed: false });
        return result;
      } catch (error) {
        store?.captured.push({ operation, input, start, end: performance.now(), failed: true });
        throw error;
      }
    },
    { step: 'build', name: 'eesBenchCapture', priority: 'low' },
  );
}

/**
 * Deletes the rate-limit counters written so far, so every iteration of a route takes the
 * same path (the 11th login of the same e-mail would otherwise be refused with 429). Runs
 * between iterations, never inside a measured call.
 */
export async function resetRateCounters(raw: DynamoDBClient, tableName: string): Promise<void> {
  const doomed = [...rateCounters.values()];
  rateCounters.clear();
  for (let start = 0; start < doomed.length; start += 25) {
    await raw.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [tableName]: doomed.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } })),
        },
      }),
    );
  }
}

/** A plain client on DynamoDB Local: no probe, no capture (baselines, seeding helpers). */
export function rawDynamoClient(env: Record<string, string>): DynamoDBClient {
  return new DynamoDBClient({
    region: env.AWS_REGION,
    endpoint: env.DYNAMODB_ENDPOINT,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'local',
    },
    requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000 },
    maxAttempts: 3,
  });
}
