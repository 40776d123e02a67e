import { httpRoute } from '../runtime/http';
import { anomalyParams, forceAffiliationRequest } from '../contracts/anomalies';
import { anomalyPorts } from '../adapters/anomaly-ports';
import { forceAffiliation } from '../use-cases/anomalies/actions';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('forceAffiliation', {
  params: anomalyParams,
  body: forceAffiliationRequest,
  run: ({ params, body, principal }) =>
    forceAffiliation(anomalyPorts())({ ...params, ...body, actor: actorOf(principal) }),
});
