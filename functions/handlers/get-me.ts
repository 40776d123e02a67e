import { httpRoute } from '../runtime/http';
import { usersRepository } from '../adapters/dynamodb/users-repository';
import { getMe } from '../use-cases/auth/get-me';

const me = getMe({ users: usersRepository() });

export const handler = httpRoute('getMe', {
  run: ({ principal }) => me(principal!.userId, principal!.user),
});
