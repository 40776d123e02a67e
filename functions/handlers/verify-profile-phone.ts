import { httpRoute } from '../runtime/http';
import { verifyProfilePhoneRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { verifyProfilePhone } from '../use-cases/users/profile';

export const handler = httpRoute('verifyProfilePhone', {
  body: verifyProfilePhoneRequest,
  run: ({ body, principal }) =>
    verifyProfilePhone(authPorts())({ userId: principal!.userId, code: body.code }),
});
