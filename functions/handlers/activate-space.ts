import { httpRoute, respond } from '../runtime/http';
import { activateSpaceRequest } from '../contracts/auth';
import { authPorts } from '../adapters/auth-ports';
import { activateSpace } from '../use-cases/auth/activate-space';

export const handler = httpRoute('activateSpace', {
  body: activateSpaceRequest,
  run: async ({ body, sourceIp }) =>
    respond({ status: 201, body: await activateSpace(authPorts())({ ...body, ip: sourceIp }) }),
});
