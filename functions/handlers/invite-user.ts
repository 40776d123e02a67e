import { httpRoute, respond } from '../runtime/http';
import { companyParams, inviteUserRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { inviteUser } from '../use-cases/users/company-users';

export const handler = httpRoute('inviteUser', {
  params: companyParams,
  body: inviteUserRequest,
  run: async ({ params, body, principal }) =>
    respond({
      status: 201,
      body: await inviteUser(authPorts())({
        ...body,
        companyId: params.companyId,
        actor: { userId: principal!.userId },
      }),
    }),
});
