import type { DispenseQuery } from '../lib/filters';

/** Query keys of the dispenses feature, under the company (a switch of company never mixes lists). */
export const dispenseKeys = {
  all: (companyId: string) => ['dispenses', companyId] as const,
  list: (companyId: string, query: DispenseQuery, pageSize: number) =>
    ['dispenses', companyId, 'list', query, pageSize] as const,
};
