import { httpRoute } from '../runtime/http';
import { affiliationRequestParams } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { remindAffiliationRequest } from '../use-cases/affiliation/requests';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('remindAffiliationRequest', {
  params: affiliationRequestParams,
  run: ({ params, principal }) =>
    remindAffiliationRequest(affiliationPorts())({ ...params, actor: actorOf(principal) }),
});
