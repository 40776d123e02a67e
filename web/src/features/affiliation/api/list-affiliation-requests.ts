import '../../../shared/forms/zod';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  listAffiliationRequestsResponse,
  type AffiliationRequestSummary,
} from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import type { ListFilters } from '../lib/tracking-filters';
import { affiliationKeys, requestsPath } from './keys';

export type { AffiliationRequestSummary };

export const REQUESTS_PAGE_SIZE = 25;

/** GET /companies/{companyId}/affiliation-requests — route `listAffiliationRequests`: one page, newest first. */
export const listAffiliationRequests = (
  companyId: string,
  query: ListFilters & { cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
) => api.get(requestsPath(companyId), { ...query }, listAffiliationRequestsResponse, { signal });

/** The list, page after page ("Afficher plus" follows the API's cursor). */
export const useAffiliationRequests = (companyId: string, filters: ListFilters) =>
  useInfiniteQuery({
    queryKey: affiliationKeys.list(companyId, filters),
    queryFn: ({ pageParam, signal }) =>
      listAffiliationRequests(
        companyId,
        { ...filters, cursor: pageParam, limit: REQUESTS_PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    // While a new filter loads, the previous rows stay on screen (no flash of an empty table).
    placeholderData: keepPreviousData,
  });
