/**
 * When the SMS second factor is required (the guide's rules, plus "no verified phone"):
 * an unknown browser, a different IP than the last successful login (IPv4 exact, IPv6 on
 * its /64, since providers rotate the interface part), or a last login older than 90 days.
 */
export const MFA_MAX_LOGIN_AGE_MS = 90 * 24 * 3600 * 1000;

export interface MfaFacts {
  deviceKnown: boolean;
  ip: string;
  lastIp: string | null;
  /** ISO instant of the last successful login, null if never. */
  lastLoginAt: string | null;
  /** Epoch ms. */
  now: number;
  phoneVerified: boolean;
}

export type MfaReason = 'unknown_device' | 'new_ip' | 'stale_login' | 'no_verified_phone';

export function mfaReasons(facts: MfaFacts): MfaReason[] {
  const reasons: MfaReason[] = [];
  if (!facts.deviceKnown) reasons.push('unknown_device');
  if (!facts.lastIp || !sameNetwork(facts.ip, facts.lastIp)) reasons.push('new_ip');
  // Written as "not recent" so that an unreadable date (NaN) counts as stale, not as recent.
  if (!facts.lastLoginAt || !(facts.now - Date.parse(facts.lastLoginAt) <= MFA_MAX_LOGIN_AGE_MS)) {
    reasons.push('stale_login');
  }
  if (!facts.phoneVerified) reasons.push('no_verified_phone');
  return reasons;
}

export const mfaRequired = (facts: MfaFacts): boolean => mfaReasons(facts).length > 0;

/**
 * IPv4: same address. IPv6: same /64 prefix. An IPv4-mapped IPv6 address (::ffff:1.2.3.4,
 * what a dual-stack socket reports for an IPv4 client) is that IPv4 address. Mixed families
 * never match.
 */
export function sameNetwork(a: string, b: string): boolean {
  const v6a = expandIpv6(a);
  const v6b = expandIpv6(b);
  const v4a = v6a ? mappedIpv4(v6a) : a.trim();
  const v4b = v6b ? mappedIpv4(v6b) : b.trim();
  if (v4a !== null || v4b !== null) return v4a === v4b;
  return v6a!.slice(0, 4).join(':') === v6b!.slice(0, 4).join(':');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (expanded groups), else null. */
function mappedIpv4(groups: string[]): string | null {
  if (groups.slice(0, 6).join(':') !== '0000:0000:0000:0000:0000:ffff') return null;
  const high = parseInt(groups[6]!, 16);
  const low = parseInt(groups[7]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Eight 16-bit groups as 4-digit hex, or null when the text is not an IPv6 address. */
export function expandIpv6(address: string): string[] | null {
  let text = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!text.includes(':')) return null;
  // A dotted IPv4 tail (::ffff:1.2.3.4) is the last two groups written in decimal.
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted.slice(2).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    text = `${dotted[1]}${hex(bytes[0]!, bytes[1]!)}:${hex(bytes[2]!, bytes[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => group.padStart(4, '0'));
}
