import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MFA_MAX_LOGIN_AGE_MS,
  expandIpv6,
  mfaReasons,
  mfaRequired,
  sameNetwork,
  type MfaFacts,
  type MfaReason,
} from '../../../functions/domain/mfa-policy';

const NOW = Date.UTC(2026, 10, 26, 9, 30);
const DAY_MS = 24 * 3600_000;

/** Known browser, same IP, logged in yesterday, verified phone: the one case without a code. */
const trusted: MfaFacts = {
  deviceKnown: true,
  ip: '203.0.113.5',
  lastIp: '203.0.113.5',
  lastLoginAt: new Date(NOW - DAY_MS).toISOString(),
  now: NOW,
  phoneVerified: true,
};

/** Each rule of the guide (plus "no verified phone"), broken on its own. */
const breaking: Record<MfaReason, Partial<MfaFacts>> = {
  unknown_device: { deviceKnown: false },
  new_ip: { ip: '198.51.100.7' },
  stale_login: { lastLoginAt: new Date(NOW - 120 * DAY_MS).toISOString() },
  no_verified_phone: { phoneVerified: false },
};
const allReasons = Object.keys(breaking) as MfaReason[];

describe('mfaRequired / mfaReasons', () => {
  it('asks no code for a known browser on the same IP, recently logged in, with a verified phone', () => {
    expect(mfaReasons(trusted)).toEqual([]);
    expect(mfaRequired(trusted)).toBe(false);
  });

  it.each(allReasons)('asks a code when only %s applies', (reason) => {
    const facts = { ...trusted, ...breaking[reason] };
    expect(mfaReasons(facts)).toEqual([reason]);
    expect(mfaRequired(facts)).toBe(true);
  });

  const combinations = Array.from({ length: 16 }, (_, mask) =>
    allReasons.filter((_, bit) => mask & (1 << bit)),
  );
  it.each(combinations.map((broken) => [broken.join(' + ') || 'nothing', broken] as const))(
    'with %s broken, gives exactly those reasons and asks a code iff one applies',
    (_label, broken) => {
      const facts = Object.assign({}, trusted, ...broken.map((reason) => breaking[reason])) as MfaFacts;
      expect(mfaReasons(facts)).toEqual(broken);
      expect(mfaRequired(facts)).toBe(broken.length > 0);
    },
  );

  it('treats a login exactly 90 days old as recent, and one second older as stale', () => {
    const exactly = { ...trusted, lastLoginAt: new Date(NOW - 90 * DAY_MS).toISOString() };
    expect(MFA_MAX_LOGIN_AGE_MS).toBe(90 * DAY_MS);
    expect(mfaRequired(exactly)).toBe(false);
    const older = { ...trusted, lastLoginAt: new Date(NOW - 90 * DAY_MS - 1000).toISOString() };
    expect(mfaReasons(older)).toEqual(['stale_login']);
  });

  it('asks a code of a user who never logged in (no last IP, no last login)', () => {
    expect(mfaReasons({ ...trusted, lastIp: null, lastLoginAt: null })).toEqual(['new_ip', 'stale_login']);
  });

  it('counts an unreadable last-login date as stale rather than recent', () => {
    expect(mfaReasons({ ...trusted, lastLoginAt: 'not a date' })).toEqual(['stale_login']);
  });

  it('compares the IPv6 network (/64) of the login with the last one', () => {
    const base = { ...trusted, ip: '2001:db8:1:2:aaaa:bbbb:cccc:dddd', lastIp: '2001:db8:1:2::1' };
    expect(mfaRequired(base)).toBe(false);
    expect(mfaReasons({ ...base, ip: '2001:db8:1:3::1' })).toEqual(['new_ip']);
  });
});

describe('sameNetwork', () => {
  it('matches IPv4 addresses exactly, with no wider block', () => {
    expect(sameNetwork('203.0.113.5', '203.0.113.5')).toBe(true);
    expect(sameNetwork(' 203.0.113.5', '203.0.113.5 ')).toBe(true);
    expect(sameNetwork('203.0.113.5', '203.0.113.6')).toBe(false);
    expect(sameNetwork('10.0.0.1', '10.0.0.10')).toBe(false);
  });

  it('sees two IPv6 addresses of one /64 with different interface ids as the same network', () => {
    expect(sameNetwork('2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::1')).toBe(true);
    expect(sameNetwork('fe80::1%eth0', 'fe80::2')).toBe(true);
  });

  it('sees IPv6 addresses of different /64 networks as different', () => {
    expect(sameNetwork('2001:db8:85a3:8d3::1', '2001:db8:85a3:8d4::1')).toBe(false);
    expect(sameNetwork('2001:db8::1', '2001:db9::1')).toBe(false);
  });

  it('reads compressed, zero-padded and upper-case forms alike', () => {
    expect(sameNetwork('2001:db8::1', '2001:0db8:0:0::2')).toBe(true);
    expect(sameNetwork('2001:DB8:0:0:0:0:0:1', '2001:db8::ffff')).toBe(true);
    expect(sameNetwork('2001:db8:0:1::1', '2001:0db8:0000:0000::1')).toBe(false);
  });

  it('takes an IPv4-mapped IPv6 address for its IPv4 address', () => {
    expect(sameNetwork('::ffff:203.0.113.5', '203.0.113.5')).toBe(true);
    expect(sameNetwork('203.0.113.5', '::FFFF:203.0.113.5')).toBe(true);
    expect(sameNetwork('0:0:0:0:0:ffff:203.0.113.5', '::ffff:cb00:7105')).toBe(true);
    expect(sameNetwork('::ffff:203.0.113.5', '203.0.113.6')).toBe(false);
    expect(sameNetwork('::ffff:203.0.113.5', '::ffff:203.0.113.6')).toBe(false);
  });

  it('never matches an IPv4 with an IPv6 address', () => {
    expect(sameNetwork('203.0.113.5', '2001:db8::1')).toBe(false);
    expect(sameNetwork('2001:db8::1', '203.0.113.5')).toBe(false);
    expect(sameNetwork('0.0.0.0', '::')).toBe(false);
  });

  it('ignores the interface id of any IPv6 address, whatever it is', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((value) => value.toString(16));
    fc.assert(
      fc.property(fc.array(group, { minLength: 12, maxLength: 12 }), (groups) => {
        const prefix = groups.slice(0, 4).join(':');
        const a = `${prefix}:${groups.slice(4, 8).join(':')}`;
        const b = `${prefix}:${groups.slice(8, 12).join(':')}`;
        return sameNetwork(a, b) && sameNetwork(b, a);
      }),
    );
  });
});

describe('expandIpv6', () => {
  it.each([
    ['::', ['0000', '0000', '0000', '0000', '0000', '0000', '0000', '0000']],
    ['::1', ['0000', '0000', '0000', '0000', '0000', '0000', '0000', '0001']],
    ['2001:db8::', ['2001', '0db8', '0000', '0000', '0000', '0000', '0000', '0000']],
    ['2001:DB8:0:0:8:800:200C:417A', ['2001', '0db8', '0000', '0000', '0008', '0800', '200c', '417a']],
    ['::ffff:1.2.3.4', ['0000', '0000', '0000', '0000', '0000', 'ffff', '0102', '0304']],
  ])('expands %s', (text, groups) => {
    expect(expandIpv6(text)).toEqual(groups);
  });

  it.each([
    '203.0.113.5',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7',
    'gggg::1',
    '12345::',
    '::ffff:1.2.3.256',
    '',
  ])('refuses %j', (text) => {
    expect(expandIpv6(text)).toBeNull();
  });
});
