import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { listAnomaliesQuery } from '../contracts/anomalies';
import { anomalyPorts } from '../adapters/anomaly-ports';
import { listAnomalies } from '../use-cases/anomalies/anomalies';

export const handler = httpRoute('listAnomalies', {
  params: companyParams,
  query: listAnomaliesQuery,
  run: ({ params, query }) => listAnomalies(anomalyPorts())(params.companyId, query),
});
