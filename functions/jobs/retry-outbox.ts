import { logger } from '../runtime/logger';
import { outboxRepository } from '../adapters/dynamodb/outbox-repository';
import { sesMailer } from '../adapters/ses/ses-mailer';
import { snsSmsSender } from '../adapters/sns/sns-sms-sender';
import { systemClock } from '../adapters/system/system-clock';
import { deliverOutboxMessage } from '../use-cases/outbox/deliver-outbox-message';

const repository = outboxRepository();
const deliver = deliverOutboxMessage({
  outbox: repository,
  mailer: sesMailer(),
  sms: snsSmsSender(),
  clock: systemClock,
});

/** Scheduled: re-sends due messages (failed earlier, or whose sender died mid-send). */
export const handler = async (): Promise<{ handled: Record<string, number> }> => {
  const handled: Record<string, number> = {};
  const due = await repository.listDue(systemClock.nowIso(), 100);
  for (const message of due) {
    const outcome = await deliver(message.messageId);
    handled[outcome] = (handled[outcome] ?? 0) + 1;
  }
  if (due.length > 0) logger.info('Outbox retry pass', { handled });
  return { handled };
};
