import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api';

/** Retrying only helps when the failure may be transient: no answer, or a server-side error. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
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
