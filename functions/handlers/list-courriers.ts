import { httpRoute } from '../runtime/http';
import { listCourriersQuery } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { listCourriers } from '../use-cases/affiliation/courrier';

export const handler = httpRoute('listCourriers', {
  query: listCourriersQuery,
  run: ({ query }) => listCourriers(affiliationPorts())(query),
});
