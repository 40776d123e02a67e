import { httpRoute } from '../runtime/http';
import { saveBiaDraftRequest } from '../contracts/affiliation';
import { biaPorts } from '../adapters/bia-ports';
import { saveBiaDraft } from '../use-cases/affiliation/bia';

export const handler = httpRoute('saveBiaDraft', {
  body: saveBiaDraftRequest,
  run: ({ body, employeeLink }) => saveBiaDraft(biaPorts())(employeeLink!, body),
});
