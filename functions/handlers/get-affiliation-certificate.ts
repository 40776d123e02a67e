import { httpRoute } from '../runtime/http';
import { employeeParams } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { certificate } from '../use-cases/employees/employees';

export const handler = httpRoute('getAffiliationCertificate', {
  params: employeeParams,
  run: ({ params }) => certificate(employeePorts())({ ...params, kind: 'affiliation' }),
});
