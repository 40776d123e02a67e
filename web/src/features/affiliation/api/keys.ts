import type { ListFilters } from '../lib/tracking-filters';

/** Query keys of the affiliation requests, under the company (a switch of company never mixes lists). */
export const affiliationKeys = {
  all: (companyId: string) => ['affiliation-requests', companyId] as const,
  list: (companyId: string, filters: ListFilters) =>
    ['affiliation-requests', companyId, 'list', filters] as const,
};

/** /companies/{companyId}/affiliation-requests */
export const requestsPath = (companyId: string) =>
  `/companies/${encodeURIComponent(companyId)}/affiliation-requests`;

export interface RequestIds {
  companyId: string;
  requestId: string;
}

/** /companies/{companyId}/affiliation-requests/{requestId} */
export const requestPath = ({ companyId, requestId }: RequestIds) =>
  `${requestsPath(companyId)}/${encodeURIComponent(requestId)}`;
