import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { exportEmployeesRequest } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { exportEmployees } from '../use-cases/employees/employees';

export const handler = httpRoute('exportEmployees', {
  params: companyParams,
  body: exportEmployeesRequest,
  run: ({ params, body }) =>
    exportEmployees(employeePorts())({
      companyId: params.companyId,
      filters: { ...body, order: body.order ?? 'asc' },
    }),
});
