import { httpRoute, respond } from '../runtime/http';
import { changePasswordRequest } from '../contracts/auth';
import { authPorts } from '../adapters/auth-ports';
import { changePassword } from '../use-cases/auth/passwords';

export const handler = httpRoute('changePassword', {
  body: changePasswordRequest,
  run: async ({ body, principal, sourceIp, userAgent }) => {
    const { cookies } = await changePassword(authPorts())({
      userId: principal!.userId,
      sessionDigest: principal!.sessionId,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      ip: sourceIp,
      userAgent,
    });
    return respond({ status: 200, body: { changed: true }, cookies });
  },
});
