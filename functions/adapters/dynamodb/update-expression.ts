import type { TransactItem } from './transact';
import { config } from '../../runtime/config';
import type { ItemKey } from './table-keys';

/**
 * An Update that sets the given attributes, removes the undefined ones and sets the
 * `onCreate` ones only if absent: an idempotent upsert that never touches attributes it
 * does not name (e.g. the portal's own state on a back-office record).
 */
export function upsertItem(
  key: ItemKey,
  fields: Record<string, unknown>,
  onCreate: Record<string, unknown> = {},
  condition?: { expression: string; values?: Record<string, unknown> },
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  let index = 0;
  for (const [name, value] of Object.entries(fields)) {
    const n = `#a${index}`;
    names[n] = name;
    if (value === undefined) {
      removes.push(n);
    } else {
      values[`:v${index}`] = value;
      sets.push(`${n} = :v${index}`);
    }
    index++;
  }
  for (const [name, value] of Object.entries(onCreate)) {
    const n = `#a${index}`;
    names[n] = name;
    values[`:v${index}`] = value;
    sets.push(`${n} = if_not_exists(${n}, :v${index})`);
    index++;
  }
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    Update: {
      TableName: config().TABLE_NAME,
      Key: key,
      UpdateExpression: expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ...condition?.values },
      ConditionExpression: condition?.expression,
    },
  };
}
