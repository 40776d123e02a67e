import type { EmployeeQuery } from '../lib/filters';

/** Query keys of the employees feature, under the company (a switch of company never mixes lists). */
export const employeeKeys = {
  all: (companyId: string) => ['employees', companyId] as const,
  list: (companyId: string, query: EmployeeQuery | undefined, pageSize: number) =>
    ['employees', companyId, 'list', query ?? null, pageSize] as const,
  establishments: (companyId: string) => ['employees', companyId, 'establishments'] as const,
};
