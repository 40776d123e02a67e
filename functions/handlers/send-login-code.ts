import { httpRoute } from '../runtime/http';
import { sendLoginCodeRequest } from '../contracts/auth';
import { COOKIE } from '../runtime/cookies';
import { authPorts } from '../adapters/auth-ports';
import { sendLoginCode } from '../use-cases/auth/send-login-code';

export const handler = httpRoute('sendLoginCode', {
  body: sendLoginCodeRequest,
  run: ({ body, cookies }) =>
    sendLoginCode(authPorts())({ loginCookie: cookies[COOKIE.login], mobile: body?.mobile }),
});
