import { httpRoute, respond } from '../runtime/http';
import { addEstablishmentRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { addEstablishment } from '../use-cases/users/add-establishment';

export const handler = httpRoute('addEstablishment', {
  body: addEstablishmentRequest,
  run: async ({ body, principal, sourceIp }) =>
    respond({
      status: 201,
      body: await addEstablishment(authPorts())({ ...body, userId: principal!.userId, ip: sourceIp }),
    }),
});
