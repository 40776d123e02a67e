import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../../ports/secrets';
import { keyedDigest } from './keyed-digest';

export const cryptoSecrets: Secrets = {
  token: () => randomBytes(32).toString('base64url'),
  uint32: () => randomBytes(4).readUInt32BE(0),
  digest: keyedDigest,
  same: (a, b) => {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  },
};
