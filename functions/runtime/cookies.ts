/**
 * The cookies of the portal. `__Host-` names force Secure, Path=/ and no Domain, so no
 * sub-domain can plant or read them; all are HttpOnly (scripts never see them).
 */
export const COOKIE = {
  session: '__Host-ees-session',
  device: '__Host-ees-device',
  login: '__Host-ees-login',
} as const;

/** Absolute session lifetime; the idle timeout is checked server-side. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** Browsers cap cookie lifetimes at 400 days. */
export const DEVICE_COOKIE_MS = 400 * 24 * 3600_000;

function setCookie(name: string, value: string, maxAgeMs: number, sameSite: 'Strict' | 'Lax'): string {
  return `${name}=${value}; Path=/; Max-Age=${Math.floor(maxAgeMs / 1000)}; Secure; HttpOnly; SameSite=${sameSite}`;
}

export const sessionCookie = (value: string) =>
  setCookie(COOKIE.session, value, SESSION_ABSOLUTE_MS, 'Strict');
export const loginCookie = (value: string, ttlMs: number) => setCookie(COOKIE.login, value, ttlMs, 'Strict');
/** Lax: the device must be recognised when the user arrives from a link in an e-mail. */
export const deviceCookie = (value: string) => setCookie(COOKIE.device, value, DEVICE_COOKIE_MS, 'Lax');
export const clearCookie = (name: string) => `${name}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict`;

/** Session cookie value: "<userId>.<secret>" so one BatchGet reads session + membership. */
export function parseSessionCookie(value: string | undefined): { userId: string; secret: string } | null {
  if (!value) return null;
  const match = /^([0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return match ? { userId: match[1]!, secret: match[2]! } : null;
}

export const isOpaqueSecret = (value: string | undefined): value is string =>
  value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
