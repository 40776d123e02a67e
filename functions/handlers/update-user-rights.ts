import { httpRoute } from '../runtime/http';
import { companyUserParams, updateUserRightsRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { updateUserRights } from '../use-cases/users/company-users';

export const handler = httpRoute('updateUserRights', {
  params: companyUserParams,
  body: updateUserRightsRequest,
  run: ({ params, body, principal }) =>
    updateUserRights(authPorts())({ ...body, ...params, actor: { userId: principal!.userId } }),
});
