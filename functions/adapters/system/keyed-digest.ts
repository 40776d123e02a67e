import { createHmac } from 'node:crypto';
import { config } from '../../runtime/config';

/**
 * HMAC-SHA-256 under the server's pepper, hex. Used wherever a secret or a personal
 * identifier must be findable without being stored in clear (OTP, tokens, NIR lookups).
 */
export const keyedDigest = (purpose: string, value: string): string =>
  createHmac('sha256', config().SECRET_PEPPER).update(`${purpose}\u0000${value}`).digest('hex');
