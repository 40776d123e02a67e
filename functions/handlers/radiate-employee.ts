import { httpRoute } from '../runtime/http';
import { employeeParams, radiateEmployeeRequest } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { radiateEmployee } from '../use-cases/employees/employees';

export const handler = httpRoute('radiateEmployee', {
  params: employeeParams,
  body: radiateEmployeeRequest,
  run: ({ params, body, principal }) =>
    radiateEmployee(employeePorts())({ ...params, ...body, actorId: principal!.userId }),
});
