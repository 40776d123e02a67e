import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { anomalyPorts } from '../adapters/anomaly-ports';
import { getHomeSummary } from '../use-cases/anomalies/anomalies';

export const handler = httpRoute('getHomeSummary', {
  params: companyParams,
  run: ({ params }) => getHomeSummary(anomalyPorts())(params.companyId),
});
