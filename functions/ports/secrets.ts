/** Randomness and keyed digests come in through this port (CSPRNG in production). */
export interface Secrets {
  /** 32 random bytes, base64url (cookie values, link tokens). */
  token(): string;
  /** A uniformly random unsigned 32-bit integer (login codes). */
  uint32(): number;
  /** Keyed digest under the server pepper; what the table stores instead of the secret. */
  digest(purpose: string, value: string): string;
  /** Constant-time comparison of two digests. */
  same(a: string, b: string): boolean;
}
