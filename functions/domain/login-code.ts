/**
 * Rules of the SMS login code: 6 digits, 10 minutes, 5 tries per login attempt, a cooldown
 * between sends and daily caps (per user and per phone number, against SMS pumping).
 */
export const CODE_LENGTH = 6;
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_TRIES = 5;
export const RESEND_COOLDOWN_MS = 60_000;
export const MAX_SENDS_PER_ATTEMPT = 5;
export const MAX_SMS_PER_USER_PER_DAY = 10;
export const MAX_SMS_PER_PHONE_PER_DAY = 10;
/** A login attempt (password checked, code pending) lives this long. */
export const LOGIN_ATTEMPT_TTL_MS = 15 * 60_000;

/** Turns 4 random bytes into a uniformly distributed 6-digit code (rejection sampling). */
export function codeFromRandom(randomUint32: () => number): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (;;) {
    const value = randomUint32();
    if (value < limit) return String(value % 1_000_000).padStart(CODE_LENGTH, '0');
  }
}

export type CodeCheck = 'ok' | 'expired' | 'wrong' | 'exhausted' | 'used' | 'none';

export interface CodeState {
  codeDigest: string | null;
  codeExpiresAt: number | null;
  tries: number;
  used: boolean;
}

/** Decides the fate of a submitted code; `matches` compares digests in constant time. */
export function checkCode(state: CodeState, now: number, matches: (digest: string) => boolean): CodeCheck {
  if (state.used) return 'used';
  if (state.tries >= MAX_CODE_TRIES) return 'exhausted';
  if (!state.codeDigest || state.codeExpiresAt === null) return 'none';
  if (now > state.codeExpiresAt) return 'expired';
  return matches(state.codeDigest) ? 'ok' : 'wrong';
}

export type SendRefusal = 'cooldown' | 'attempt_cap';

export function sendRefusal(sends: number, lastSentAt: number | null, now: number): SendRefusal | null {
  if (sends >= MAX_SENDS_PER_ATTEMPT) return 'attempt_cap';
  if (lastSentAt !== null && now - lastSentAt < RESEND_COOLDOWN_MS) return 'cooldown';
  return null;
}
