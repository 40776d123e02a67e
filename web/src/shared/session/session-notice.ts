/**
 * Why the user is being sent to the login page, when it is not their own choice to go there.
 * Set where the session ends (logout, a 401 from the API), read by the redirect, shown once
 * by the login page (which receives it through the navigation state).
 */
export type SessionNotice = 'expired' | 'logged-out';

export const SESSION_NOTICE_MESSAGES: Record<SessionNotice, string> = {
  expired: 'Votre session a expiré. Veuillez vous reconnecter.',
  'logged-out': 'Vous êtes déconnecté.',
};

let pending: SessionNotice | null = null;

export const setSessionNotice = (notice: SessionNotice | null) => {
  pending = notice;
};

export const sessionNotice = (): SessionNotice | null => pending;

/** What the login page receives in `location.state`. */
export interface LoginLocationState {
  notice?: SessionNotice;
  /** A message from the security step (attempt expired, too many codes…), shown as is. */
  message?: string;
}

export function isLoginLocationState(value: unknown): value is LoginLocationState {
  return typeof value === 'object' && value !== null;
}
