import '../../../shared/forms/zod';
import { useQuery } from '@tanstack/react-query';
import { getHomeSummaryResponse } from '../../../../../functions/contracts/anomalies';
import { api } from '../../../shared/api';
import { homeKeys } from './keys';

/** GET /companies/{companyId}/home-summary — route `getHomeSummary`: the focus's counters. */
export const getHomeSummary = (companyId: string, signal?: AbortSignal) =>
  api.get(`/companies/${encodeURIComponent(companyId)}/home-summary`, undefined, getHomeSummaryResponse, {
    signal,
  });

export const useHomeSummary = (companyId: string) =>
  useQuery({
    queryKey: homeKeys.summary(companyId),
    queryFn: ({ signal }) => getHomeSummary(companyId, signal),
  });
