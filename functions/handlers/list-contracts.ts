import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { employeePorts } from '../adapters/employee-ports';
import { listContracts } from '../use-cases/employees/employees';

export const handler = httpRoute('listContracts', {
  params: companyParams,
  run: ({ params }) => listContracts(employeePorts())(params.companyId),
});
