import { httpRoute } from '../runtime/http';
import { affiliationRequestParams } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { restartAffiliationRequest } from '../use-cases/affiliation/requests';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('restartAffiliationRequest', {
  params: affiliationRequestParams,
  run: ({ params, principal }) =>
    restartAffiliationRequest(affiliationPorts())({ ...params, actor: actorOf(principal) }),
});
