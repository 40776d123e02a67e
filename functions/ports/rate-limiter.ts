export interface RateLimit {
  /** Which limit, e.g. 'login-ip'. */
  scope: string;
  /** What is counted (an IP, a digest of an e-mail…); never a raw personal identifier. */
  subject: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; false when the limit of the current window is exceeded. */
  hit(limit: RateLimit): Promise<boolean>;
}
