import { httpRoute } from '../runtime/http';
import { companyParams, listAuditEventsQuery } from '../contracts/users';
import { listAuditEvents } from '../use-cases/users/list-audit-events';

export const handler = httpRoute('listAuditEvents', {
  params: companyParams,
  query: listAuditEventsQuery,
  run: ({ params, query }) => listAuditEvents()(params.companyId, query),
});
