import { httpRoute } from '../runtime/http';
import { acceptInvitationRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { acceptInvitation } from '../use-cases/users/accept-invitation';

export const handler = httpRoute('acceptInvitation', {
  body: acceptInvitationRequest,
  run: ({ body }) => acceptInvitation(authPorts())(body),
});
