import { httpRoute, respond } from '../runtime/http';
import { requestPasswordResetRequest } from '../contracts/auth';
import { authPorts } from '../adapters/auth-ports';
import { requestPasswordReset } from '../use-cases/auth/passwords';

export const handler = httpRoute('requestPasswordReset', {
  body: requestPasswordResetRequest,
  run: async ({ body, sourceIp }) =>
    respond({
      status: 202,
      body: await requestPasswordReset(authPorts())({ email: body.email, ip: sourceIp }),
    }),
});
