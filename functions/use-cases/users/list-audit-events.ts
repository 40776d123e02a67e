import { encodeTime } from 'ulid';
import { queryPage } from '../../adapters/dynamodb/query-page';
import { keys } from '../../adapters/dynamodb/table-keys';

export interface AuditFilters {
  actorId?: string;
  action?: string;
  /** ISO dates, inclusive, Paris days are close enough to UTC days for a journal filter. */
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/**
 * The company's journal, newest first. Audit ids are ULIDs (time-ordered), so a date range
 * is a range of the sort key; actor and action are filters on the page read.
 */
export const listAuditEvents = () => async (companyId: string, filters: AuditFilters) => {
  const partition = { PK: keys.audit(companyId, '').PK };
  const lower = filters.from ? encodeTime(Date.parse(`${filters.from}T00:00:00Z`), 10) : undefined;
  const upper = filters.to ? `${encodeTime(Date.parse(`${filters.to}T23:59:59.999Z`), 10)}~` : undefined;
  const conditions: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (filters.actorId) {
    conditions.push('actorId = :actor');
    values[':actor'] = filters.actorId;
  }
  if (filters.action) {
    conditions.push('#action = :action');
    values[':action'] = filters.action;
    names['#action'] = 'action';
  }
  const page = await queryPage<Record<string, unknown>>({
    partition,
    sortKeyFrom: lower,
    sortKeyBelow: upper ?? (lower ? '~' : undefined),
    cursor: filters.cursor,
    limit: filters.limit,
    descending: true,
    filter: conditions.length
      ? {
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeValues: values,
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        }
      : undefined,
  });
  return {
    items: page.items.map((item) => ({
      auditId: String(item.auditId ?? item.SK),
      at: String(item.at),
      actorId: String(item.actorId),
      actorName: String(item.actorName ?? ''),
      action: String(item.action),
      targetId: (item.targetId as string | null) ?? null,
      targetName: (item.targetName as string | null) ?? null,
      changes: (item.changes as Record<string, unknown>) ?? {},
    })),
    cursor: page.cursor,
  };
};
