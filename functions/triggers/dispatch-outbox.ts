import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../runtime/logger';
import { outboxRepository } from '../adapters/dynamodb/outbox-repository';
import { sesMailer } from '../adapters/ses/ses-mailer';
import { snsSmsSender } from '../adapters/sns/sns-sms-sender';
import { systemClock } from '../adapters/system/system-clock';
import { deliverOutboxMessage } from '../use-cases/outbox/deliver-outbox-message';

const deliver = deliverOutboxMessage({
  outbox: outboxRepository(),
  mailer: sesMailer(),
  sms: snsSmsSender(),
  clock: systemClock,
});

/**
 * DynamoDB stream → outbox delivery. A failed send is recorded on the message (retry job),
 * so the batch itself only fails when the table cannot be written — then Lambda retries it.
 */
export const handler = async (
  event: DynamoDBStreamEvent,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> => {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || image?._type?.S !== 'Outbox' || !image.messageId?.S) continue;
    try {
      const outcome = await deliver(image.messageId.S);
      logger.info('Outbox message handled', { messageId: image.messageId.S, outcome });
    } catch (error) {
      logger.error('Outbox delivery could not be recorded', { error: error as Error });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
};
