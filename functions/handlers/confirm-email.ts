import { httpRoute } from '../runtime/http';
import { confirmEmailRequest } from '../contracts/auth';
import { authPorts } from '../adapters/auth-ports';
import { confirmEmail } from '../use-cases/auth/confirm-email';

export const handler = httpRoute('confirmEmail', {
  body: confirmEmailRequest,
  run: ({ body }) => confirmEmail(authPorts())(body.token),
});
