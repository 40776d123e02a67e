import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { listAffiliationRequestsQuery } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { listAffiliationRequests } from '../use-cases/affiliation/requests';

export const handler = httpRoute('listAffiliationRequests', {
  params: companyParams,
  query: listAffiliationRequestsQuery,
  run: ({ params, query }) => listAffiliationRequests(affiliationPorts())(params.companyId, query),
});
