import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { CapturedCall } from './sdk-capture';
import { groupIntoStages } from './stats';

/**
 * The baseline of a route: the same DynamoDB calls, issued raw with the plain SDK client
 * (no DocumentClient, middy, zod, logger, HTTP edge), in the same stages (calls the route
 * issued together are issued together). Reads are replayed verbatim; writes are replayed
 * with the same item shapes on scratch keys (`BENCH#SCRATCH#n`, created beforehand when the
 * write updates or deletes an existing item), without their conditions, so they succeed
 * without touching the route's data.
 */
type Input = Record<string, unknown>;
type Key = Record<string, AttributeValue>;
type MakeCommand = (input: Input) => object;

const COMMANDS: Record<string, MakeCommand> = {
  GetItem: (input) => new GetItemCommand(input as never),
  BatchGetItem: (input) => new BatchGetItemCommand(input as never),
  Query: (input) => new QueryCommand(input as never),
  Scan: (input) => new ScanCommand(input as never),
  TransactGetItems: (input) => new TransactGetItemsCommand(input as never),
  DescribeTable: (input) => new DescribeTableCommand(input as never),
  PutItem: (input) => new PutItemCommand(input as never),
  UpdateItem: (input) => new UpdateItemCommand(input as never),
  DeleteItem: (input) => new DeleteItemCommand(input as never),
  TransactWriteItems: (input) => new TransactWriteItemsCommand(input as never),
  BatchWriteItem: (input) => new BatchWriteItemCommand(input as never),
};

export const WRITE_OPERATIONS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
]);

const SCRATCH = 'BENCH#SCRATCH';
const EXPRESSION_FIELDS = [
  'UpdateExpression',
  'ConditionExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
] as const;

export const scratchKey = (key: Key, n: number): Key => ({ ...key, PK: { S: `${SCRATCH}#${n}` } });

/** The item under a scratch key, out of every real index partition, typed so no trigger acts on it. */
export function scratchItem(item: Key, n: number): Key {
  const copy: Key = { ...item, PK: { S: `${SCRATCH}#${n}` } };
  for (const attribute of ['GSI1PK', 'GSI2PK'])
    if (copy[attribute]) copy[attribute] = { S: `${SCRATCH}#${attribute}` };
  if (copy._type) copy._type = { S: 'BenchScratch' };
  return copy;
}

/** Drops the condition and the names/values only it used (DynamoDB refuses unused ones). */
export function withoutCondition<T extends Input>(input: T): T {
  const copy: Input = { ...input };
  delete copy.ConditionExpression;
  delete copy.ClientRequestToken;
  const used = new Set<string>();
  for (const field of EXPRESSION_FIELDS) {
    const expression = copy[field];
    if (typeof expression === 'string')
      for (const [token] of expression.matchAll(/[:#][A-Za-z0-9_]+/g)) used.add(token);
  }
  for (const field of ['ExpressionAttributeNames', 'ExpressionAttributeValues'] as const) {
    const map = copy[field] as Record<string, unknown> | undefined;
    if (!map) continue;
    const kept = Object.fromEntries(Object.entries(map).filter(([token]) => used.has(token)));
    if (Object.keys(kept).length > 0) copy[field] = kept;
    else delete copy[field];
  }
  // A value that would file the scratch item in a real queue (outbox) is neutralised.
  const values = copy.ExpressionAttributeValues as Record<string, AttributeValue> | undefined;
  if (values) {
    for (const [token, value] of Object.entries(values)) {
      if (typeof value.S === 'string' && value.S.startsWith('OUTBOX#'))
        values[token] = { S: `${SCRATCH}#OUTBOX` };
    }
  }
  return copy as T;
}

export interface ReplayPlan {
  stages: CapturedCall[][];
  calls: number;
  hasWrites: boolean;
  unsupported: string[];
}

export function planReplay(calls: readonly CapturedCall[]): ReplayPlan {
  const stages = groupIntoStages(calls).map((indexes) => indexes.map((index) => calls[index]!));
  const unsupported = [
    ...new Set(calls.map((call) => call.operation).filter((operation) => !COMMANDS[operation])),
  ];
  return {
    stages,
    calls: calls.length,
    hasWrites: calls.some((call) => WRITE_OPERATIONS.has(call.operation)),
    unsupported,
  };
}

interface PreparedCall {
  operation: string;
  input: Input;
}

export class Replayer {
  private next = 0;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  /** Creates the scratch copy of an item a replayed update/delete acts on (outside the timed part). */
  private async scratchCopyOf(tableName: string, key: Key): Promise<Key> {
    const n = this.next++;
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    await this.client.send(new PutItemCommand({ TableName: tableName, Item: scratchItem(Item ?? key, n) }));
    return scratchKey(key, n);
  }

  private async prepareWrite(operation: string, input: Input): Promise<Input> {
    const table = (input.TableName as string | undefined) ?? this.tableName;
    switch (operation) {
      case 'PutItem':
        return withoutCondition({ ...input, Item: scratchItem(input.Item as Key, this.next++) });
      case 'UpdateItem':
      case 'DeleteItem':
        return withoutCondition({ ...input, Key: await this.scratchCopyOf(table, input.Key as Key) });
      case 'TransactWriteItems': {
        const items: Input[] = [];
        for (const item of input.TransactItems as Record<string, Input>[]) {
          const [action, body] = Object.entries(item)[0]!;
          const itemTable = (body.TableName as string | undefined) ?? table;
          if (action === 'Put')
            items.push({
              Put: withoutCondition({ ...body, Item: scratchItem(body.Item as Key, this.next++) }),
            });
          else if (action === 'ConditionCheck')
            items.push({
              ConditionCheck: {
                TableName: itemTable,
                Key: await this.scratchCopyOf(itemTable, body.Key as Key),
                ConditionExpression: 'attribute_exists(PK)',
              },
            });
          else
            items.push({
              [action]: withoutCondition({
                ...body,
                Key: await this.scratchCopyOf(itemTable, body.Key as Key),
              }),
            });
        }
        return withoutCondition({ ...input, TransactItems: items });
      }
      case 'BatchWriteItem': {
        const requestItems: Record<string, Input[]> = {};
        for (const [tableName, requests] of Object.entries(input.RequestItems as Record<string, Input[]>)) {
          requestItems[tableName] = [];
          for (const request of requests) {
            const put = request.PutRequest as { Item: Key } | undefined;
            const del = request.DeleteRequest as { Key: Key } | undefined;
            if (put)
              requestItems[tableName].push({ PutRequest: { Item: scratchItem(put.Item, this.next++) } });
            else if (del)
              requestItems[tableName].push({
                DeleteRequest: { Key: await this.scratchCopyOf(tableName, del.Key) },
              });
          }
        }
        return { ...input, RequestItems: requestItems };
      }
      default:
        return input;
    }
  }

  /** Concrete inputs for one replay of the plan (scratch items created now, untimed). */
  async prepare(plan: ReplayPlan): Promise<PreparedCall[][]> {
    const prepared: PreparedCall[][] = [];
    for (const stage of plan.stages) {
      const calls: PreparedCall[] = [];
      for (const call of stage) {
        const input = WRITE_OPERATIONS.has(call.operation)
          ? await this.prepareWrite(call.operation, structuredClone(call.input))
          : call.input;
        calls.push({ operation: call.operation, input });
      }
      prepared.push(calls);
    }
    return prepared;
  }

  /** The timed part: stage after stage, the calls of a stage together. */
  async run(prepared: PreparedCall[][]): Promise<void> {
    for (const stage of prepared) {
      await Promise.all(
        stage.map((call) => {
          const make = COMMANDS[call.operation];
          if (!make) throw new Error(`no raw command for ${call.operation}`);
          return this.client.send(make(call.input) as never);
        }),
      );
    }
  }
}
