import { httpRoute } from '../runtime/http';
import { checkActivationRequest } from '../contracts/auth';
import { authPorts } from '../adapters/auth-ports';
import { checkActivationIdentifiers } from '../use-cases/auth/activate-space';

export const handler = httpRoute('checkActivationIdentifiers', {
  body: checkActivationRequest,
  run: ({ body, sourceIp }) => checkActivationIdentifiers(authPorts())({ ...body, ip: sourceIp }),
});
