import { httpRoute } from '../runtime/http';
import { companyUserParams } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { changeMembershipStatus } from '../use-cases/users/company-users';

export const handler = httpRoute('reactivateUser', {
  params: companyUserParams,
  run: ({ params, principal }) =>
    changeMembershipStatus(authPorts())({
      ...params,
      actor: { userId: principal!.userId },
      change: 'reactivate',
    }),
});
