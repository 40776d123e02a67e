import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api';
import { endSession, ME_QUERY_KEY } from '../shared/session/me';
import { sessionNotice, setSessionNotice } from '../shared/session/session-notice';

/** Retrying only helps when the failure may be transient: no answer, or a server-side error. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/**
 * The API's answer to a request whose session is gone (expired, ended elsewhere, password
 * changed). Login-flow refusals are 401s too, but with their own codes.
 */
export const isSessionExpired = (error: unknown): boolean =>
  isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';

/**
 * A signed-in user whose session ends is signed out everywhere at once: the cached user
 * becomes null, so every protected page redirects to the login page with a notice. Wired to
 * every API error by the App (`onApiError`), whether a query or a form made the request.
 */
export function handleSessionExpiry(client: QueryClient, error: unknown): void {
  if (!isSessionExpired(error) || !client.getQueryData(ME_QUERY_KEY)) return;
  // Logging out of a session that had already ended is still a logout, not an expiry.
  if (sessionNotice() !== 'logged-out') setSessionNotice('expired');
  endSession(client);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        // Employer data changes through this portal or overnight imports, not while a tab sits in the background.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
