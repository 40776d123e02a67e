import '../../../shared/forms/zod';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getContractResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import { contractKeys } from './keys';

export type ContractDetailPage = ReturnType<typeof getContractResponse.parse>;

export const INSURED_PAGE_SIZE = 25;

/** GET /companies/{companyId}/contracts/{contractNumber} — route `getContract`: the contract and a page of its insured. */
export const getContract = (
  ids: { companyId: string; contractNumber: string },
  page: { cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
) =>
  api.get(
    `/companies/${encodeURIComponent(ids.companyId)}/contracts/${encodeURIComponent(ids.contractNumber)}`,
    { cursor: page.cursor, limit: page.limit ?? INSURED_PAGE_SIZE },
    getContractResponse,
    { signal },
  );

/** The contract, its insured page after page ("Charger plus" appends the next one). */
export const useContractDetail = (companyId: string | undefined, contractNumber: string) =>
  useInfiniteQuery({
    queryKey: contractKeys.detail(companyId ?? '', contractNumber),
    queryFn: ({ pageParam, signal }) =>
      getContract({ companyId: companyId!, contractNumber }, { cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    enabled: Boolean(companyId && contractNumber),
  });
