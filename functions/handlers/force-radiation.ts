import { httpRoute } from '../runtime/http';
import { anomalyParams, forceRadiationRequest } from '../contracts/anomalies';
import { anomalyPorts } from '../adapters/anomaly-ports';
import { forceRadiation } from '../use-cases/anomalies/actions';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('forceRadiation', {
  params: anomalyParams,
  body: forceRadiationRequest,
  run: ({ params, body, principal }) =>
    forceRadiation(anomalyPorts())({ ...params, ...body, actor: actorOf(principal) }),
});
