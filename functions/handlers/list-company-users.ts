import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { listCompanyUsers } from '../use-cases/users/company-users';

export const handler = httpRoute('listCompanyUsers', {
  params: companyParams,
  run: ({ params }) => listCompanyUsers(authPorts())(params.companyId),
});
