import '../../../shared/forms/zod';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listDispensesResponse, type DispenseSummary } from '../../../../../functions/contracts/anomalies';
import { api } from '../../../shared/api';
import type { DispenseQuery } from '../lib/filters';
import { dispenseKeys } from './keys';

export type { DispenseSummary };

export const DISPENSES_PAGE_SIZE = 25;

/** GET /companies/{companyId}/dispenses — route `listDispenses`: one page of the filtered list. */
export const listDispenses = (
  companyId: string,
  query: DispenseQuery & { cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
) =>
  api.get(`/companies/${encodeURIComponent(companyId)}/dispenses`, { ...query }, listDispensesResponse, {
    signal,
  });

/** The list, page after page ("Charger plus" follows the API's cursor). */
export const useDispenseList = (companyId: string, query: DispenseQuery, pageSize = DISPENSES_PAGE_SIZE) =>
  useInfiniteQuery({
    queryKey: dispenseKeys.list(companyId, query, pageSize),
    queryFn: ({ pageParam, signal }) =>
      listDispenses(companyId, { ...query, cursor: pageParam, limit: pageSize }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    // While another view loads, the previous rows stay on screen (no flash of an empty table).
    placeholderData: keepPreviousData,
    // The proofs' download links live 5 minutes: fresh ones before the shown ones expire.
    refetchInterval: 4 * 60_000,
  });
