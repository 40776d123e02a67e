import { httpRoute } from '../runtime/http';
import { anomalyParams, resolveAnomalyAsDispensedRequest } from '../contracts/anomalies';
import { anomalyPorts } from '../adapters/anomaly-ports';
import { resolveAnomalyAsDispensed } from '../use-cases/anomalies/actions';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('resolveAnomalyAsDispensed', {
  params: anomalyParams,
  body: resolveAnomalyAsDispensedRequest,
  run: ({ params, body, principal }) =>
    resolveAnomalyAsDispensed(anomalyPorts())({ ...params, ...body, actor: actorOf(principal) }),
});
