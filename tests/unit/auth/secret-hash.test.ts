import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { webcrypto } from 'node:crypto';
import { secretHash } from '../../../functions/adapters/cognito/cognito-identity-provider';

/**
 * cognito-local accepts any SECRET_HASH; AWS refuses a wrong one with NotAuthorized, which
 * our login would turn into "wrong password" for everybody. So the formula is pinned here:
 * Base64(HMAC-SHA256(key = client secret, message = username + client id)).
 */
const clientId = '3n4b5urk1ft4fr7o1v3r11b6v';
const clientSecret = 'c1i3nts3cr3t-0123456789abcdefghijklmnopqrstuv';

describe('secretHash', () => {
  it('matches vectors computed with openssl (HMAC-SHA256 keyed by the client secret, base64)', () => {
    // printf '%s' "$USERNAME$CLIENT_ID" | openssl dgst -sha256 -hmac "$CLIENT_SECRET" -binary | base64
    expect(secretHash('elodie.lefevre@example.com', clientId, clientSecret)).toBe(
      'HJmfVt3E4veoWd0KDgG9/z5Kt2qP2qoOvcfE6R+77vQ=',
    );
    expect(secretHash('élodie@exemple.fr', clientId, clientSecret)).toBe(
      'DHe93xqD1U7sVjWr1jPCJqeTCEysMW6MxCqMJyvKLY4=',
    );
  });

  it('agrees with an independent Web Crypto computation for any username', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }), async (username) => {
        const key = await webcrypto.subtle.importKey(
          'raw',
          new TextEncoder().encode(clientSecret),
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['sign'],
        );
        const mac = await webcrypto.subtle.sign('HMAC', key, new TextEncoder().encode(username + clientId));
        return secretHash(username, clientId, clientSecret) === Buffer.from(mac).toString('base64');
      }),
      { numRuns: 200 },
    );
  });

  it('depends on the username, the client id and the secret', () => {
    const base = secretHash('a@example.com', clientId, clientSecret);
    expect(secretHash('b@example.com', clientId, clientSecret)).not.toBe(base);
    expect(secretHash('a@example.com', `${clientId}x`, clientSecret)).not.toBe(base);
    expect(secretHash('a@example.com', clientId, `${clientSecret}x`)).not.toBe(base);
  });
});
