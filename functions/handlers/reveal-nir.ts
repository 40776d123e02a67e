import { httpRoute } from '../runtime/http';
import { employeeParams } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { revealNir } from '../use-cases/employees/employees';

export const handler = httpRoute('revealNir', {
  params: employeeParams,
  run: ({ params, principal }) => revealNir(employeePorts())({ ...params, actorId: principal!.userId }),
});
