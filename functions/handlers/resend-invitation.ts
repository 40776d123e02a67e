import { httpRoute } from '../runtime/http';
import { companyUserParams } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { resendInvitation } from '../use-cases/users/company-users';

export const handler = httpRoute('resendInvitation', {
  params: companyUserParams,
  run: ({ params, principal }) =>
    resendInvitation(authPorts())({ ...params, actor: { userId: principal!.userId } }),
});
