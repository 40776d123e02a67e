import { httpRoute } from '../runtime/http';
import { finalizeBiaRequest } from '../contracts/affiliation';
import { biaPorts } from '../adapters/bia-ports';
import { finalizeBia } from '../use-cases/affiliation/bia';

export const handler = httpRoute('finalizeBia', {
  body: finalizeBiaRequest,
  run: ({ body, employeeLink }) => finalizeBia(biaPorts())(employeeLink!, body),
});
