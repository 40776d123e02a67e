/**
 * Local replacement for the Lambda event source mapping of the table stream: polls
 * DynamoDB Local's stream and hands each batch, in the Lambda `DynamoDBRecord` shape, to
 * the same dispatcher handler AWS would invoke.
 *
 * Semantics kept from AWS: at-least-once (a batch whose handler throws is retried, later,
 * until it succeeds; the shard does not move on meanwhile), per-shard ordering, a child
 * shard only read once its parent is finished. Started at LATEST, so a restart of the
 * runner does not replay old items; every record written after startStreamPoller()
 * resolves is delivered.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type AttributeValue as StreamAttributeValue,
  type _Record as StreamRecord,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  tableName: string;
  onRecords: (records: DynamoDBRecord[]) => Promise<void>;
  /** Pause between two polls when nothing is pending. Default 250 ms. */
  intervalMs?: number;
  log?: (line: string) => void;
  /** DynamoDB Local ignores them; dummy values by default. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface StreamPoller {
  /**
   * Resolves once every record written before the call has been handed to onRecords (and
   * onRecords has resolved). Rejects after timeoutMs (default 10 s), e.g. when onRecords
   * keeps failing, so a test fails instead of hanging.
   */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

interface ShardState {
  readonly id: string;
  readonly parentId: string | undefined;
  iterator: string | undefined;
  /** Last sequence number handed over, to resume precisely if the iterator expires. */
  lastSequence: string | undefined;
  /** How to get an iterator when `iterator` is undefined and nothing was handed over yet. */
  startType: ShardIteratorType;
  /** A batch whose delivery failed, with the iterator that follows it. */
  pending: { records: DynamoDBRecord[]; next: string | undefined } | undefined;
  failures: number;
  retryAt: number;
}

interface CycleOutcome {
  /** Nothing read, nothing pending, no shard waiting: everything written before the cycle is delivered. */
  readonly idle: boolean;
  /** Records were handed over: poll again at once, there may be more. */
  readonly progressed: boolean;
}

type ShardOutcome = 'idle' | 'progressed' | 'waiting';

const maxBackoffMs = 30_000;

function toLambdaValue(value: StreamAttributeValue): LambdaAttributeValue {
  // Lambda events carry binaries base64-encoded; the SDK hands back bytes.
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.M !== undefined) return { M: toLambdaMap(value.M) ?? {} };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  const { $unknown: _unknown, ...plain } = value as StreamAttributeValue & { $unknown?: unknown };
  return plain as LambdaAttributeValue;
}

function toLambdaMap(
  map: Record<string, StreamAttributeValue> | undefined,
): Record<string, LambdaAttributeValue> | undefined {
  if (map === undefined) return undefined;
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toLambdaValue(value)]));
}

export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const data = record.dynamodb;
  const created = data?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    // DynamoDB Local reports "ddblocal": use the region the rest of the stack believes in.
    awsRegion: region,
    eventSourceARN: streamArn,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
      Keys: toLambdaMap(data?.Keys),
      NewImage: toLambdaMap(data?.NewImage),
      OldImage: toLambdaMap(data?.OldImage),
      SequenceNumber: data?.SequenceNumber,
      SizeBytes: data?.SizeBytes,
      StreamViewType: data?.StreamViewType,
    },
  };
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { endpoint, region, tableName, onRecords } = options;
  const intervalMs = options.intervalMs ?? 250;
  // A failing dispatcher must never go unnoticed: stderr unless the runner routes it.
  const log = options.log ?? ((line: string) => console.error(line));
  const credentials = options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' };
  const streams = new DynamoDBStreamsClient({ endpoint, region, credentials, maxAttempts: 2 });

  const dynamodb = new DynamoDBClient({ endpoint, region, credentials });
  let streamArn: string | undefined;
  try {
    streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table
      ?.LatestStreamArn;
  } finally {
    dynamodb.destroy();
  }
  if (streamArn === undefined) {
    streams.destroy();
    throw new Error(`Table ${tableName} has no stream: create it with tableDefinition (StreamEnabled).`);
  }
  const arn = streamArn;

  /** Shards being read, in discovery order. */
  const active = new Map<string, ShardState>();
  /** Every shard id ever seen, so finished or pre-existing closed shards are never re-read. */
  const seen = new Set<string>();

  const listShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let exclusiveStart: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: exclusiveStart }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStart = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart !== undefined);
    return shards;
  };

  const addShard = (shard: Shard, startType: ShardIteratorType): void => {
    if (shard.ShardId === undefined) return;
    seen.add(shard.ShardId);
    active.set(shard.ShardId, {
      id: shard.ShardId,
      parentId: shard.ParentShardId,
      iterator: undefined,
      lastSequence: undefined,
      startType,
      pending: undefined,
      failures: 0,
      retryAt: 0,
    });
  };

  const acquireIterator = async (shard: ShardState): Promise<string | undefined> => {
    const command =
      shard.lastSequence !== undefined
        ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: shard.lastSequence }
        : { ShardIteratorType: shard.startType };
    const result = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.id, ...command }),
    );
    return result.ShardIterator;
  };

  // Open shards get a LATEST iterator now, before we resolve: that position is the promise
  // "everything written after start is delivered". Closed shards are history: skipped.
  for (const shard of await listShards()) {
    if (shard.ShardId === undefined) continue;
    if (shard.SequenceNumberRange?.EndingSequenceNumber !== undefined) {
      seen.add(shard.ShardId);
      continue;
    }
    addShard(shard, 'LATEST');
    const state = active.get(shard.ShardId);
    if (state) state.iterator = await acquireIterator(state);
  }

  const deliver = async (
    shard: ShardState,
    records: DynamoDBRecord[],
    next: string | undefined,
  ): Promise<boolean> => {
    try {
      await onRecords(records);
    } catch (error) {
      shard.failures += 1;
      const delay = Math.min(maxBackoffMs, intervalMs * 2 ** shard.failures);
      shard.pending = { records, next };
      shard.retryAt = Date.now() + delay;
      log(
        `Flux ${tableName} : le traitement de ${records.length} enregistrement(s) a échoué (${describeError(error)}) ; nouvel essai dans ${Math.round(delay / 100) / 10} s.`,
      );
      return false;
    }
    shard.pending = undefined;
    shard.failures = 0;
    shard.iterator = next;
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last !== undefined) shard.lastSequence = last;
    return true;
  };

  const pollShard = async (shard: ShardState): Promise<ShardOutcome> => {
    if (shard.pending !== undefined) {
      if (Date.now() < shard.retryAt) return 'waiting';
      return (await deliver(shard, shard.pending.records, shard.pending.next)) ? 'progressed' : 'waiting';
    }
    shard.iterator ??= await acquireIterator(shard);
    if (shard.iterator === undefined) {
      active.delete(shard.id);
      return 'idle';
    }
    let result;
    try {
      result = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        // E.g. the laptop slept past the 15-minute iterator lifetime: resume after the last
        // record handed over, or from the shard's start if none was (duplicates beat losses).
        shard.iterator = undefined;
        shard.startType = 'TRIM_HORIZON';
        return 'waiting';
      }
      throw error;
    }
    const records = (result.Records ?? []).map((record) => toLambdaRecord(record, arn, region));
    const next = result.NextShardIterator;
    if (records.length === 0) {
      shard.iterator = next;
      if (next === undefined) active.delete(shard.id); // closed and fully read
      return 'idle';
    }
    if (!(await deliver(shard, records, next))) return 'waiting';
    if (next === undefined) active.delete(shard.id);
    return 'progressed';
  };

  const cycle = async (): Promise<CycleOutcome> => {
    // Shards roll over (DynamoDB Local does it too): children are read from their start.
    for (const shard of await listShards()) {
      if (shard.ShardId !== undefined && !seen.has(shard.ShardId)) {
        // An iterator fixed for a shard that was closed before start would be pointless.
        addShard(shard, 'TRIM_HORIZON');
      }
    }
    let idle = true;
    let progressed = false;
    for (const shard of [...active.values()]) {
      // Keep order across a split: the parent's records first.
      if (shard.parentId !== undefined && active.has(shard.parentId)) {
        idle = false;
        continue;
      }
      const outcome = await pollShard(shard);
      if (outcome !== 'idle') idle = false;
      if (outcome === 'progressed') progressed = true;
    }
    return { idle, progressed };
  };

  interface DrainWaiter {
    /** Only a cycle that starts after drain() was called proves anything. */
    readonly fromCycle: number;
    resolve(): void;
    reject(error: Error): void;
  }
  const drainWaiters = new Set<DrainWaiter>();
  let cyclesStarted = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (!stopped) {
      const cycleNumber = ++cyclesStarted;
      let outcome: CycleOutcome = { idle: false, progressed: false };
      try {
        outcome = await cycle();
      } catch (error) {
        // DynamoDB Local restarting, a network blip…: never crash the runner, try again.
        if (!stopped) log(`Flux ${tableName} : lecture impossible (${describeError(error)}) ; nouvel essai.`);
      }
      if (outcome.idle) {
        for (const waiter of drainWaiters) {
          if (cycleNumber >= waiter.fromCycle) waiter.resolve();
        }
      }
      if (stopped) break;
      // Straight on while records flow; a batch in back-off waits for its retry time.
      await pause(outcome.progressed ? 0 : intervalMs);
    }
  })();

  let stopping: Promise<void> | undefined;
  return {
    drain: (timeoutMs = 10_000) => {
      if (stopped) return Promise.reject(new Error('stream poller stopped'));
      return new Promise<void>((resolve, reject) => {
        const waiter: DrainWaiter = {
          fromCycle: cyclesStarted + 1,
          resolve: () => {
            clearTimeout(timer);
            drainWaiters.delete(waiter);
            resolve();
          },
          reject: (error) => {
            clearTimeout(timer);
            drainWaiters.delete(waiter);
            reject(error);
          },
        };
        const timer = setTimeout(
          () => waiter.reject(new Error(`stream of ${tableName} not drained within ${timeoutMs} ms`)),
          timeoutMs,
        );
        drainWaiters.add(waiter);
        wake?.();
      });
    },
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        wake?.();
        await loop;
        for (const waiter of drainWaiters) waiter.reject(new Error('stream poller stopped'));
        streams.destroy();
      })();
      return stopping;
    },
  };
}
