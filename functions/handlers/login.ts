import { httpRoute, respond } from '../runtime/http';
import { loginRequest } from '../contracts/auth';
import { COOKIE } from '../runtime/cookies';
import { authPorts } from '../adapters/auth-ports';
import { login } from '../use-cases/auth/login';

export const handler = httpRoute('login', {
  body: loginRequest,
  run: async ({ body, sourceIp, userAgent, cookies }) => {
    const result = await login(authPorts())({
      ...body,
      ip: sourceIp,
      userAgent,
      deviceCookie: cookies[COOKIE.device],
    });
    return respond({ status: 200, body: result.response, cookies: result.cookies });
  },
});
