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

/** A filter keeping the items whose fields equal the given values (undefined ones are ignored). */
export function equalityFilter(
  fields: Record<string, string | undefined>,
): QueryPageInput['filter'] | undefined {
  const sieve = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (sieve.length === 0) return undefined;
  return {
    FilterExpression: sieve.map(([field]) => `#${field} = :${field}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(sieve.map(([field]) => [`#${field}`, field])),
    ExpressionAttributeValues: Object.fromEntries(sieve.map(([field, value]) => [`:${field}`, value])),
  };
}

/** Jobs' cross-company partitions: `companyId` (local test stacks) keeps a run to one company. */
export const oneCompanyFilter = (companyId: string | undefined): QueryPageInput['filter'] | undefined =>
  companyId
    ? { FilterExpression: 'companyId = :companyId', ExpressionAttributeValues: { ':companyId': companyId } }
    : undefined;

/** How many Queries a filtered page may take before it returns short (with a cursor). */
const MAX_QUERIES_PER_PAGE = 5;

/**
 * A page of a filtered list: a filter sieves after `Limit`, so a single Query may return few
 * or no items; this queries again from the cursor (a bounded number of times) to fill the page.
 */
export async function queryFilledPage<T>(
  input: Omit<QueryPageInput, 'cursor' | 'limit'>,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  const items: T[] = [];
  let next = cursor;
  for (let round = 0; round < MAX_QUERIES_PER_PAGE; round++) {
    // Never more evaluated items than the page still lacks: the cursor stays exact.
    const page = await queryPage<T>({ ...input, cursor: next, limit: limit - items.length });
    items.push(...page.items);
    next = page.cursor ?? undefined;
    if (!next || items.length >= limit || !input.filter) break;
  }
  return { items, cursor: next ?? null };
}
