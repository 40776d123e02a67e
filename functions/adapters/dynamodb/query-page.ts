import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { HttpError } from '../../runtime/error-responses';
import type { IndexName } from './table-definition';

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/** Cursors are the last evaluated key, base64url-encoded; they carry no PII (see table-keys). */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;

function decodeCursor(
  cursor: string,
  partitionAttribute: string,
  partitionValue: string,
): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // A cursor from another list (or forged) must not page through someone else's partition.
    if (key[partitionAttribute] !== partitionValue) throw new Error('foreign cursor');
    if (!Object.values(key).every((value) => typeof value === 'string')) throw new Error('bad cursor');
    return key;
  } catch {
    throw new HttpError(400, 'VALIDATION_FAILED', { cursor: 'Curseur de pagination invalide.' });
  }
}

export interface QueryPageInput {
  index?: IndexName;
  partition: Record<string, string>;
  /** Sort key condition: begins_with a prefix, or between two bounds. */
  sortKeyPrefix?: string;
  /** Only items whose sort key is strictly below this bound. */
  sortKeyBelow?: string;
  /** Only items whose sort key is at least this bound (with sortKeyBelow: a range). */
  sortKeyFrom?: string;
  cursor?: string;
  limit: number;
  descending?: boolean;
  filter?: Pick<
    QueryCommandInput,
    'FilterExpression' | 'ExpressionAttributeValues' | 'ExpressionAttributeNames'
  >;
}

/** One Query, one page: every list of the API goes through here. */
export async function queryPage<T>(input: QueryPageInput): Promise<Page<T>> {
  const [partitionAttribute, partitionValue] = Object.entries(input.partition)[0]!;
  const sortAttribute = input.index ? `${input.index}SK` : 'SK';
  const names: Record<string, string> = {
    '#pk': partitionAttribute,
    ...input.filter?.ExpressionAttributeNames,
  };
  const values: Record<string, unknown> = {
    ':pk': partitionValue,
    ...input.filter?.ExpressionAttributeValues,
  };
  let condition = '#pk = :pk';
  if (input.sortKeyPrefix) {
    names['#sk'] = sortAttribute;
    values[':prefix'] = input.sortKeyPrefix;
    condition += ' AND begins_with(#sk, :prefix)';
  } else if (input.sortKeyFrom && input.sortKeyBelow) {
    names['#sk'] = sortAttribute;
    Object.assign(values, { ':from': input.sortKeyFrom, ':below': input.sortKeyBelow });
    // BETWEEN is inclusive; callers pass an upper bound no real key reaches (e.g. "…~").
    condition += ' AND #sk BETWEEN :from AND :below';
  } else if (input.sortKeyBelow) {
    names['#sk'] = sortAttribute;
    values[':below'] = input.sortKeyBelow;
    condition += ' AND #sk < :below';
  } else if (input.sortKeyFrom) {
    names['#sk'] = sortAttribute;
    values[':from'] = input.sortKeyFrom;
    condition += ' AND #sk >= :from';
  }
  const result = await documentClient().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: input.index,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      FilterExpression: input.filter?.FilterExpression,
      ExclusiveStartKey: input.cursor
        ? decodeCursor(input.cursor, partitionAttribute, partitionValue)
        : undefined,
      Limit: input.limit,
      ScanIndexForward: !input.descending,
    }),
  );
  return { items: (result.Items ?? []) as T[], cursor: encodeCursor(result.LastEvaluatedKey) };
}
