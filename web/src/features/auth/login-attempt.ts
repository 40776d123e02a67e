import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import { startSession } from '../../shared/session/me';
import { setSessionNotice } from '../../shared/session/session-notice';

/**
 * The login attempt waiting for its SMS code, between the login page and the security step.
 * Memory only (never storage nor the URL): a reload or a new tab starts the login again,
 * which the server requires anyway once its short-lived login cookie is gone.
 */
export interface PendingLogin {
  /** The verified number, masked; null when the user must enter one. */
  maskedPhone: string | null;
  phoneEditable: boolean;
}

let pending: PendingLogin | null = null;

export const setPendingLogin = (attempt: PendingLogin | null) => {
  pending = attempt;
};

export const pendingLogin = (): PendingLogin | null => pending;

/** The session exists (cookie set by the API): load the user, then open the page they wanted. */
export async function completeLogin(
  queryClient: QueryClient,
  navigate: NavigateFunction,
  suite: string | undefined,
) {
  setPendingLogin(null);
  setSessionNotice(null);
  await startSession(queryClient);
  await navigate(suite ?? '/', { replace: true });
}
