import type { AnomalyQuery } from '../lib/filters';

/** Query keys of the anomalies feature, under the company (a switch of company never mixes lists). */
export const anomalyKeys = {
  all: (companyId: string) => ['anomalies', companyId] as const,
  list: (companyId: string, query: AnomalyQuery, pageSize: number) =>
    ['anomalies', companyId, 'list', query, pageSize] as const,
};
