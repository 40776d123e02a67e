import { describe, expect, it } from 'vitest';
import {
  COOKIE,
  DEVICE_COOKIE_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  clearCookie,
  deviceCookie,
  isOpaqueSecret,
  loginCookie,
  parseSessionCookie,
  sessionCookie,
} from '../../../functions/runtime/cookies';

const attributes = (line: string) => {
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  return { pair: pair!, attributes: rest.map((attribute) => attribute.toLowerCase()) };
};

const SECRET = 'A'.repeat(21) + '_-' + 'z9'.repeat(10);
const USER_ID = '01JDV8Z6X3K5N7Q9R1T3V5X7Z9';

describe('portal cookies', () => {
  it('names every cookie with the __Host- prefix', () => {
    expect(Object.values(COOKIE).every((name) => name.startsWith('__Host-'))).toBe(true);
  });

  it.each([
    ['session', sessionCookie(`${USER_ID}.${SECRET}`), 'samesite=strict', SESSION_ABSOLUTE_MS],
    ['login attempt', loginCookie(SECRET, 15 * 60_000), 'samesite=strict', 15 * 60_000],
    ['device', deviceCookie(SECRET), 'samesite=lax', DEVICE_COOKIE_MS],
  ])('sets the %s cookie Secure, HttpOnly, Path=/, without Domain, %s', (_name, line, sameSite, maxAgeMs) => {
    const { attributes: list } = attributes(line);
    expect(list).toEqual(
      expect.arrayContaining([
        'secure',
        'httponly',
        'path=/',
        sameSite,
        `max-age=${Math.floor(maxAgeMs / 1000)}`,
      ]),
    );
    expect(list.some((attribute) => attribute.startsWith('domain'))).toBe(false);
  });

  it('keeps a session at most 12 hours, 30 minutes idle, and a device at most 400 days', () => {
    expect(SESSION_ABSOLUTE_MS).toBe(12 * 3600_000);
    expect(SESSION_IDLE_MS).toBe(30 * 60_000);
    expect(DEVICE_COOKIE_MS).toBe(400 * 24 * 3600_000);
  });

  it('clears a cookie with an empty value and Max-Age=0, keeping the __Host- attributes', () => {
    const { pair, attributes: list } = attributes(clearCookie(COOKIE.session));
    expect(pair).toBe(`${COOKIE.session}=`);
    expect(list).toEqual(expect.arrayContaining(['max-age=0', 'secure', 'httponly', 'path=/']));
  });
});

describe('parseSessionCookie', () => {
  it('reads "<userId>.<secret>"', () => {
    expect(parseSessionCookie(`${USER_ID}.${SECRET}`)).toEqual({ userId: USER_ID, secret: SECRET });
  });

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['no user id', `.${SECRET}`],
    ['a secret one character short', `${USER_ID}.${SECRET.slice(1)}`],
    ['a secret one character long', `${USER_ID}.${SECRET}A`],
    ['a lower-case user id', `${USER_ID.toLowerCase()}.${SECRET}`],
    ['a padded base64 secret', `${USER_ID}.${SECRET.slice(1)}=`],
    ['extra text around', ` ${USER_ID}.${SECRET}`],
  ])('refuses %s', (_what, value) => {
    expect(parseSessionCookie(value)).toBeNull();
  });
});

describe('isOpaqueSecret', () => {
  it('accepts exactly 43 base64url characters (32 random bytes)', () => {
    expect(isOpaqueSecret(SECRET)).toBe(true);
    expect(isOpaqueSecret(SECRET.slice(1))).toBe(false);
    expect(isOpaqueSecret(`${SECRET}A`)).toBe(false);
    expect(isOpaqueSecret(`${SECRET.slice(1)}+`)).toBe(false);
    expect(isOpaqueSecret(undefined)).toBe(false);
  });
});
