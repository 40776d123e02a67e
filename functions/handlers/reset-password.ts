import { httpRoute, respond } from '../runtime/http';
import { resetPasswordRequest } from '../contracts/auth';
import { COOKIE, clearCookie } from '../runtime/cookies';
import { authPorts } from '../adapters/auth-ports';
import { resetPassword } from '../use-cases/auth/passwords';

export const handler = httpRoute('resetPassword', {
  body: resetPasswordRequest,
  run: async ({ body }) =>
    respond({
      status: 200,
      body: await resetPassword(authPorts())(body),
      cookies: [clearCookie(COOKIE.session)],
    }),
});
