import { httpRoute } from '../runtime/http';
import { authPorts } from '../adapters/auth-ports';
import { getProfile } from '../use-cases/users/profile';

export const handler = httpRoute('getProfile', {
  run: ({ principal }) => getProfile(authPorts())(principal!.userId),
});
