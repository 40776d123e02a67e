/**
 * Reads of the test stack's table, for the effects an API call must have stored (strongly
 * consistent: the call has answered, its transaction is there).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from '../../functions/adapters/dynamodb/table-keys';
import { keys } from '../../functions/adapters/dynamodb/table-keys';
import { documentClient } from '../../functions/runtime/clients';
import { config } from '../../functions/runtime/config';

/** The item under this key as stored now, if any. */
export async function storedItem<T = Record<string, unknown>>(key: ItemKey): Promise<T | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: key, ConsistentRead: true }),
  );
  return Item as T | undefined;
}

/** The company's home page counters of affiliation requests (`affiliation_<status>`), as stored. */
export async function affiliationCounters(companyId: string): Promise<Record<string, number>> {
  const item = await storedItem(keys.companyCounters(companyId));
  return Object.fromEntries(
    Object.entries(item ?? {}).filter((entry): entry is [string, number] =>
      entry[0].startsWith('affiliation_'),
    ),
  );
}
