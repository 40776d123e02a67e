import '../../../shared/forms/zod';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listAnomaliesResponse, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { api } from '../../../shared/api';
import type { AnomalyQuery } from '../lib/filters';
import { anomalyKeys } from './keys';

export type { AnomalySummary };

export const ANOMALIES_PAGE_SIZE = 25;

/** GET /companies/{companyId}/anomalies — route `listAnomalies`: one page, open or resolved. */
export const listAnomalies = (
  companyId: string,
  query: AnomalyQuery & { cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
) =>
  api.get(`/companies/${encodeURIComponent(companyId)}/anomalies`, { ...query }, listAnomaliesResponse, {
    signal,
  });

/** The list, page after page ("Charger plus" follows the API's cursor). */
export const useAnomalyList = (companyId: string, query: AnomalyQuery, pageSize = ANOMALIES_PAGE_SIZE) =>
  useInfiniteQuery({
    queryKey: anomalyKeys.list(companyId, query, pageSize),
    queryFn: ({ pageParam, signal }) =>
      listAnomalies(companyId, { ...query, cursor: pageParam, limit: pageSize }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    // While another tab or filter loads, the previous rows stay on screen (no flash of emptiness).
    placeholderData: keepPreviousData,
  });
