import {
  BatchGetCommand,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import type { ItemKey } from './table-keys';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit of items in one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

export async function transact(items: TransactItem[], clientRequestToken?: string): Promise<void> {
  if (items.length === 0) return;
  await documentClient().send(
    new TransactWriteCommand({ TransactItems: items, ClientRequestToken: clientRequestToken }),
  );
}

/** Groups of items (each group must land atomically) packed into transactions of ≤ 100 items. */
export function packTransactions(groups: TransactItem[][]): TransactItem[][] {
  const packs: TransactItem[][] = [];
  let current: TransactItem[] = [];
  for (const group of groups) {
    if (current.length + group.length > MAX_TRANSACTION_ITEMS) {
      packs.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) packs.push(current);
  return packs;
}

/** One item by key, strongly consistent (a read before a conditional write must see the last one). */
export async function getItem<T>(key: ItemKey): Promise<T | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: key, ConsistentRead: true }),
  );
  return Item as T | undefined;
}

/** Strongly consistent BatchGet of any number of keys (chunks of 100, unprocessed keys retried). */
export async function batchGet<T>(itemKeys: ItemKey[]): Promise<T[]> {
  const table = config().TABLE_NAME;
  const found: T[] = [];
  const unique = [...new Map(itemKeys.map((key) => [`${key.PK}\u0000${key.SK}`, key])).values()];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Record<string, unknown>[] | undefined = unique
      .slice(start, start + 100)
      .map((k) => ({ ...k }));
    for (let attempt = 0; pending && pending.length > 0 && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...((result.Responses?.[table] ?? []) as T[]));
      pending = result.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
    }
    if (pending && pending.length > 0) throw new Error('BatchGet left unprocessed keys after retries');
  }
  return found;
}

/** Runs tasks with bounded concurrency (DynamoDB Local and Lambda both prefer a few at a time). */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(workers);
}
