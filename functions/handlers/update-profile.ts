import { httpRoute } from '../runtime/http';
import { updateProfileRequest } from '../contracts/users';
import { authPorts } from '../adapters/auth-ports';
import { updateProfile } from '../use-cases/users/profile';

export const handler = httpRoute('updateProfile', {
  body: updateProfileRequest,
  run: ({ body, principal }) => updateProfile(authPorts())({ ...body, userId: principal!.userId }),
});
