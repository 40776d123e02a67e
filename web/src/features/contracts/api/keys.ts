/** Query keys of the contracts feature, under the company so a switch of company never mixes data. */
export const contractKeys = {
  all: (companyId: string) => ['contracts', companyId] as const,
  list: (companyId: string) => ['contracts', companyId, 'list'] as const,
  details: (companyId: string) => ['contracts', companyId, 'detail'] as const,
  detail: (companyId: string, contractNumber: string) =>
    ['contracts', companyId, 'detail', contractNumber] as const,
};
