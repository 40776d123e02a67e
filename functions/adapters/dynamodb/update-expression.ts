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

/**
 * A change of one versioned item, applied only if nobody changed it since it was read
 * (optimistic locking on `version`, which it bumps): `set` fields, undefined values removed,
 * plus raw attribute names to remove (index attributes an item leaves).
 */
export function versionedUpdate(
  key: ItemKey,
  readVersion: number,
  change: { set: Record<string, unknown>; remove?: string[] },
): TransactItem {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': readVersion, ':next': readVersion + 1 };
  const sets = ['#version = :next'];
  const removes = [...(change.remove ?? [])];
  Object.entries(change.set).forEach(([field, value], index) => {
    names[`#f${index}`] = field;
    if (value === undefined) {
      removes.push(`#f${index}`);
      return;
    }
    values[`:f${index}`] = value;
    sets.push(`#f${index} = :f${index}`);
  });
  return {
    Update: {
      TableName: config().TABLE_NAME,
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ExpressionAttributeValues: values,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
    },
  };
}
