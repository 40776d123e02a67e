/**
 * Outbox messages: the e-mails and SMS a state change causes, written in the same
 * transaction as the change, then delivered (and retried) by the dispatcher.
 */
export type OutboxPayload =
  | { channel: 'email'; to: string[]; subject: string; text: string; html: string; replyTo?: string[] }
  | { channel: 'sms'; to: string; text: string };

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'parked';

export interface OutboxMessage {
  messageId: string;
  /** What caused it, for people reading a parked message (e.g. 'auth.login-code'). */
  purpose: string;
  payload: OutboxPayload;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  lastError?: string;
}

/** Backoff after the n-th failed attempt: 1 min, 2, 4, 8, 16, 32, 64 min; then parked. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;

export type RetryDecision = { kind: 'retry'; nextAttemptAt: string } | { kind: 'park' };

export function afterFailedAttempt(attemptsSoFar: number, nowMs: number, permanent: boolean): RetryDecision {
  if (permanent || attemptsSoFar >= MAX_DELIVERY_ATTEMPTS) return { kind: 'park' };
  const delay = BASE_DELAY_MS * 2 ** Math.max(0, attemptsSoFar - 1);
  return { kind: 'retry', nextAttemptAt: new Date(nowMs + delay).toISOString() };
}

/** A claim lasts long enough for one send; a crashed sender's claim then lapses. */
export const CLAIM_DURATION_MS = 2 * 60_000;

/** What we keep once sent: who and what, never the body (it may hold a code or a link). */
export function sentSummary(payload: OutboxPayload): Record<string, unknown> {
  return payload.channel === 'email'
    ? { channel: 'email', to: payload.to, subject: payload.subject }
    : { channel: 'sms', to: payload.to };
}
