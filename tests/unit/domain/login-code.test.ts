import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import {
  CODE_TTL_MS,
  MAX_CODE_TRIES,
  MAX_SENDS_PER_ATTEMPT,
  MAX_SMS_PER_PHONE_PER_DAY,
  MAX_SMS_PER_USER_PER_DAY,
  RESEND_COOLDOWN_MS,
  checkCode,
  codeFromRandom,
  sendRefusal,
  type CodeState,
} from '../../../functions/domain/login-code';

/** 2^32 = 4294 × 10^6 + 967 296: values from 4 294 000 000 up would favour the low codes. */
const FAIR_LIMIT = 4_294_000_000;

const draws = (...values: number[]) => {
  const queue = [...values];
  return vi.fn(() => {
    const next = queue.shift();
    if (next === undefined) throw new Error('no more random numbers');
    return next;
  });
};

describe('codeFromRandom', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [7_001, '007001'],
    [999_999, '999999'],
    [1_000_000, '000000'],
    [123_456_789, '456789'],
    [FAIR_LIMIT - 1, '999999'],
  ])('turns %i into %s, keeping leading zeros', (value, code) => {
    expect(codeFromRandom(draws(value))).toBe(code);
  });

  it('rejects the biased tail of the 32-bit range and draws again', () => {
    const random = draws(FAIR_LIMIT, 0xffff_ffff, FAIR_LIMIT + 967_295, 42);
    expect(codeFromRandom(random)).toBe('000042');
    expect(random).toHaveBeenCalledTimes(4);
  });

  it('gives every code exactly 4294 accepted draws (k × 10^6 + code for k < 4294), so codes are uniform', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4293 }), fc.integer({ min: 0, max: 999_999 }), (k, code) => {
        return codeFromRandom(draws(k * 1_000_000 + code)) === String(code).padStart(6, '0');
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: FAIR_LIMIT, max: 0xffff_ffff }), (tail) => {
        const random = draws(tail, 5);
        return codeFromRandom(random) === '000005' && random.mock.calls.length === 2;
      }),
    );
  });

  it('always gives 6 digits from real random bytes', () => {
    const random = () => randomBytes(4).readUInt32BE(0);
    for (let i = 0; i < 2_000; i++) expect(codeFromRandom(random)).toMatch(/^\d{6}$/);
  });
});

describe('checkCode', () => {
  const now = Date.UTC(2026, 10, 26, 10, 0);
  const sent: CodeState = { codeDigest: 'stored', codeExpiresAt: now + CODE_TTL_MS, tries: 0, used: false };
  const right = (digest: string) => digest === 'stored';
  const wrong = () => false;

  it('accepts the right code until the very millisecond it expires', () => {
    expect(CODE_TTL_MS).toBe(10 * 60_000);
    expect(checkCode(sent, now, right)).toBe('ok');
    expect(checkCode(sent, now + CODE_TTL_MS, right)).toBe('ok');
  });

  it('says expired one millisecond after the 10 minutes, even for the right code', () => {
    expect(checkCode(sent, now + CODE_TTL_MS + 1, right)).toBe('expired');
  });

  it('says wrong for another code', () => {
    expect(checkCode(sent, now, wrong)).toBe('wrong');
  });

  it('compares against the stored digest', () => {
    const matches = vi.fn(() => true);
    checkCode(sent, now, matches);
    expect(matches).toHaveBeenCalledWith('stored');
  });

  it('says exhausted after 5 tries, even for the right code', () => {
    expect(MAX_CODE_TRIES).toBe(5);
    expect(checkCode({ ...sent, tries: 4 }, now, right)).toBe('ok');
    expect(checkCode({ ...sent, tries: 5 }, now, right)).toBe('exhausted');
  });

  it('says used once the attempt succeeded, before anything else', () => {
    expect(checkCode({ ...sent, used: true }, now, right)).toBe('used');
    expect(checkCode({ ...sent, used: true, tries: 5 }, now, right)).toBe('used');
  });

  it('says none before any code was sent', () => {
    expect(checkCode({ ...sent, codeDigest: null, codeExpiresAt: null }, now, right)).toBe('none');
    expect(checkCode({ ...sent, codeExpiresAt: null }, now, right)).toBe('none');
  });
});

describe('sendRefusal', () => {
  const now = Date.UTC(2026, 10, 26, 10, 0);

  it('lets the first code go', () => {
    expect(sendRefusal(0, null, now)).toBeNull();
  });

  it('refuses a resend within 60 seconds of the last one, and allows it at 60 seconds', () => {
    expect(RESEND_COOLDOWN_MS).toBe(60_000);
    expect(sendRefusal(1, now - 59_999, now)).toBe('cooldown');
    expect(sendRefusal(1, now, now)).toBe('cooldown');
    expect(sendRefusal(1, now - 60_000, now)).toBeNull();
  });

  it('allows 5 sends per login attempt, then refuses for good', () => {
    expect(MAX_SENDS_PER_ATTEMPT).toBe(5);
    expect(sendRefusal(4, now - 3_600_000, now)).toBeNull();
    expect(sendRefusal(5, now - 3_600_000, now)).toBe('attempt_cap');
    expect(sendRefusal(5, now - 1_000, now)).toBe('attempt_cap');
  });

  it('caps SMS per user and per phone at 10 a day', () => {
    expect(MAX_SMS_PER_USER_PER_DAY).toBe(10);
    expect(MAX_SMS_PER_PHONE_PER_DAY).toBe(10);
  });
});
