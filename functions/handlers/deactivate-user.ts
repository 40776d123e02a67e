import { httpRoute } from '../runtime/http';
import { companyUserParams, deactivateUserRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { changeMembershipStatus } from '../use-cases/users/company-users';

export const handler = httpRoute('deactivateUser', {
  params: companyUserParams,
  body: deactivateUserRequest,
  run: ({ params, body, principal }) =>
    changeMembershipStatus(authPorts())({
      ...params,
      actor: { userId: principal!.userId },
      change: body.mode === 'temporary' ? 'suspend' : 'revoke',
    }),
});
