import type { Clock } from '../../ports/clock';
import { PermanentDeliveryError, type Mailer, type SmsSender } from '../../ports/messaging';
import type { OutboxRepository } from '../../adapters/dynamodb/outbox-repository';
import { afterFailedAttempt, CLAIM_DURATION_MS, type OutboxMessage } from '../../domain/outbox';

export interface DeliveryPorts {
  outbox: Pick<OutboxRepository, 'claim' | 'markSent' | 'scheduleRetry' | 'park'>;
  mailer: Mailer;
  sms: SmsSender;
  clock: Clock;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'parked' | 'skipped';

/**
 * Delivers one outbox message at most once per claim: claim it (a concurrent dispatcher or
 * the retry job then skips it), send, mark it sent; on failure schedule a retry with
 * backoff, or park it for people to look at when retrying cannot help.
 */
export const deliverOutboxMessage =
  ({ outbox, mailer, sms, clock }: DeliveryPorts) =>
  async (messageId: string): Promise<DeliveryOutcome> => {
    const now = clock.nowMs();
    const claimed = await outbox.claim(
      messageId,
      new Date(now).toISOString(),
      new Date(now + CLAIM_DURATION_MS).toISOString(),
    );
    if (!claimed) return 'skipped';
    try {
      await send(claimed, mailer, sms);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const decision = afterFailedAttempt(claimed.attempts, clock.nowMs(), permanent);
      if (decision.kind === 'park') {
        await outbox.park(claimed, clock.nowIso(), reason);
        return 'parked';
      }
      await outbox.scheduleRetry(claimed, decision.nextAttemptAt, reason);
      return 'retry';
    }
    await outbox.markSent(claimed, clock.nowIso(), Math.floor(clock.nowMs() / 1000));
    return 'sent';
  };

function send(message: OutboxMessage, mailer: Mailer, sms: SmsSender): Promise<void> {
  const { payload } = message;
  return payload.channel === 'email'
    ? mailer.send({
        to: payload.to,
        subject: payload.subject,
        text: payload.text,
        html: payload.html,
        replyTo: payload.replyTo,
      })
    : sms.send({ to: payload.to, text: payload.text });
}
