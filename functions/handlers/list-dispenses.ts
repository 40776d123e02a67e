import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { listDispensesQuery } from '../contracts/anomalies';
import { dispensePorts } from '../adapters/dispense-ports';
import { listDispenses } from '../use-cases/dispenses/dispenses';

export const handler = httpRoute('listDispenses', {
  params: companyParams,
  query: listDispensesQuery,
  run: ({ params, query }) => listDispenses(dispensePorts())(params.companyId, query),
});
