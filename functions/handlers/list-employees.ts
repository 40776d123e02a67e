import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { listEmployeesQuery } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { listEmployees } from '../use-cases/employees/employees';

export const handler = httpRoute('listEmployees', {
  params: companyParams,
  query: listEmployeesQuery,
  run: ({ params, query }) => listEmployees(employeePorts())(params.companyId, query),
});
