import { httpRoute, respond } from '../runtime/http';
import { verifyLoginCodeRequest } from '../contracts/auth';
import { COOKIE } from '../runtime/cookies';
import { authPorts } from '../adapters/auth-ports';
import { verifyLoginCode } from '../use-cases/auth/verify-login-code';

export const handler = httpRoute('verifyLoginCode', {
  body: verifyLoginCodeRequest,
  run: async ({ body, cookies, sourceIp, userAgent }) => {
    const { cookies: issued } = await verifyLoginCode(authPorts())({
      loginCookie: cookies[COOKIE.login],
      code: body.code,
      ip: sourceIp,
      userAgent,
    });
    return respond({ status: 200, body: { status: 'authenticated' }, cookies: issued });
  },
});
