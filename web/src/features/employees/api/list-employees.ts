import '../../../shared/forms/zod';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listEmployeesResponse, type EmployeeSummary } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import type { EmployeeQuery } from '../lib/filters';
import { employeeKeys } from './keys';

export type { EmployeeSummary };

export const EMPLOYEES_PAGE_SIZE = 25;

/** GET /companies/{companyId}/employees — route `listEmployees`: one page of the filtered list. */
export const listEmployees = (
  companyId: string,
  query: EmployeeQuery & { cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
) =>
  api.get(`/companies/${encodeURIComponent(companyId)}/employees`, { ...query }, listEmployeesResponse, {
    signal,
  });

/**
 * Some filters only sieve a page the API has already read (statut on the whole company, for
 * instance), so a page may come back thin or even empty with more to read. A few reads are
 * chained until half a page is filled, so "Charger plus" is not a click that shows nothing.
 */
const MAX_READS_PER_PAGE = 4;

export async function fetchEmployeesPage(
  companyId: string,
  query: EmployeeQuery,
  cursor: string | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<{ items: EmployeeSummary[]; cursor: string | null }> {
  const items: EmployeeSummary[] = [];
  let next: string | null | undefined = cursor;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads += 1) {
    const page = await listEmployees(companyId, { ...query, cursor: next ?? undefined, limit }, signal);
    items.push(...page.items);
    next = page.cursor;
    if (!next || items.length >= limit / 2) break;
  }
  return { items, cursor: next ?? null };
}

/** The list, page after page; `query` undefined (a search the API cannot run) leaves it idle. */
export const useEmployeeList = (
  companyId: string | undefined,
  query: EmployeeQuery | undefined,
  pageSize = EMPLOYEES_PAGE_SIZE,
) =>
  useInfiniteQuery({
    queryKey: employeeKeys.list(companyId ?? '', query, pageSize),
    queryFn: ({ pageParam, signal }) => fetchEmployeesPage(companyId!, query!, pageParam, pageSize, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    enabled: Boolean(companyId && query),
    // While a new search runs, the previous results stay on screen (no flash of an empty table).
    placeholderData: keepPreviousData,
  });
