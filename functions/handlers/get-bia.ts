import { httpRoute } from '../runtime/http';
import { biaPorts } from '../adapters/bia-ports';
import { getBia } from '../use-cases/affiliation/bia';

export const handler = httpRoute('getBia', {
  run: ({ employeeLink }) => getBia(biaPorts())(employeeLink!),
});
