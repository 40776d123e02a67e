import '../../../shared/forms/zod';
import { useQuery } from '@tanstack/react-query';
import { listContractsResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import { contractKeys } from './keys';

export type ContractSummary = ReturnType<typeof listContractsResponse.parse>['items'][number];

/** GET /companies/{companyId}/contracts — route `listContracts`. */
export const listContracts = (companyId: string, signal?: AbortSignal) =>
  api.get(`/companies/${encodeURIComponent(companyId)}/contracts`, undefined, listContractsResponse, {
    signal,
  });

export const useContracts = (companyId: string | undefined) =>
  useQuery({
    queryKey: contractKeys.list(companyId ?? ''),
    queryFn: ({ signal }) => listContracts(companyId!, signal),
    enabled: Boolean(companyId),
  });
