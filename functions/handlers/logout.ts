import { httpRoute, respond } from '../runtime/http';
import { COOKIE, clearCookie } from '../runtime/cookies';
import { sessionsRepository } from '../adapters/dynamodb/sessions-repository';

export const handler = httpRoute('logout', {
  run: async ({ principal }) => {
    await sessionsRepository().deleteSession(principal!.sessionId);
    return respond({ status: 200, body: { loggedOut: true }, cookies: [clearCookie(COOKIE.session)] });
  },
});
