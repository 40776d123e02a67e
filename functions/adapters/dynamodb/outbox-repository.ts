import { GetCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys } from './table-keys';
import { queryPage } from './query-page';
import { sentSummary, type OutboxMessage, type OutboxPayload } from '../../domain/outbox';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const SENT_RETENTION_SECONDS = 30 * 24 * 3600;

/** The Put of a new outbox message, to include in the transaction of the change causing it. */
export function outboxPut(input: {
  messageId: string;
  purpose: string;
  payload: OutboxPayload;
  nowIso: string;
}): TransactItem {
  const message: OutboxMessage = {
    messageId: input.messageId,
    purpose: input.purpose,
    payload: input.payload,
    status: 'pending',
    attempts: 0,
    createdAt: input.nowIso,
    nextAttemptAt: input.nowIso,
  };
  return {
    Put: {
      TableName: config().TABLE_NAME,
      Item: {
        ...keys.outbox(input.messageId),
        ...keys.outboxDue(input.nowIso, input.messageId),
        _type: 'Outbox',
        _v: 1,
        ...message,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export const outboxRepository = () => {
  const table = () => config().TABLE_NAME;
  const client = () => documentClient();
  return {
    async get(messageId: string): Promise<OutboxMessage | undefined> {
      const { Item } = await client().send(
        new GetCommand({ TableName: table(), Key: keys.outbox(messageId), ConsistentRead: true }),
      );
      return Item as OutboxMessage | undefined;
    },

    /** Takes the message for one delivery; false when someone else holds it or it is done. */
    async claim(
      messageId: string,
      nowIso: string,
      claimUntilIso: string,
    ): Promise<OutboxMessage | undefined> {
      try {
        const { Attributes } = await client().send(
          new UpdateCommand({
            TableName: table(),
            Key: keys.outbox(messageId),
            UpdateExpression: 'SET #status = :sending, claimedUntil = :until, attempts = attempts + :one',
            ConditionExpression:
              'attribute_exists(PK) AND (#status = :pending OR (#status = :sending AND claimedUntil < :now))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':pending': 'pending',
              ':until': claimUntilIso,
              ':now': nowIso,
              ':one': 1,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes as OutboxMessage;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    async markSent(message: OutboxMessage, nowIso: string, nowSeconds: number): Promise<void> {
      await client().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.outbox(message.messageId),
          // The body may hold a login code or a personal link: once delivered it is dropped.
          UpdateExpression:
            'SET #status = :sent, sentAt = :now, payload = :summary, expiresAt = :expires REMOVE GSI1PK, GSI1SK, claimedUntil, lastError',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sent': 'sent',
            ':sending': 'sending',
            ':now': nowIso,
            ':summary': sentSummary(message.payload),
            ':expires': nowSeconds + SENT_RETENTION_SECONDS,
          },
        }),
      );
    },

    async scheduleRetry(message: OutboxMessage, nextAttemptAt: string, error: string): Promise<void> {
      const due = keys.outboxDue(nextAttemptAt, message.messageId);
      await client().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.outbox(message.messageId),
          UpdateExpression:
            'SET #status = :pending, nextAttemptAt = :next, lastError = :error, GSI1PK = :gpk, GSI1SK = :gsk REMOVE claimedUntil',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':sending': 'sending',
            ':next': nextAttemptAt,
            ':error': error.slice(0, 500),
            ':gpk': due.GSI1PK,
            ':gsk': due.GSI1SK,
          },
        }),
      );
    },

    async park(message: OutboxMessage, nowIso: string, error: string): Promise<void> {
      const parked = keys.outboxParked(nowIso, message.messageId);
      await client().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.outbox(message.messageId),
          UpdateExpression:
            'SET #status = :parked, parkedAt = :now, lastError = :error, GSI2PK = :gpk, GSI2SK = :gsk REMOVE GSI1PK, GSI1SK, claimedUntil',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':parked': 'parked',
            ':sending': 'sending',
            ':now': nowIso,
            ':error': error.slice(0, 500),
            ':gpk': parked.GSI2PK,
            ':gsk': parked.GSI2SK,
          },
        }),
      );
    },

    /** Messages whose next attempt is due (the sparse GSI1 holds only pending ones). */
    async listDue(nowIso: string, limit: number): Promise<OutboxMessage[]> {
      const page = await queryPage<OutboxMessage>({
        index: 'GSI1',
        partition: keys.outboxDuePartition(),
        // Sort keys are "<nextAttemptAt>#<id>": everything below "<now>~" is due.
        sortKeyBelow: `${nowIso}~`,
        limit,
      });
      return page.items;
    },
  };
};

export type OutboxRepository = ReturnType<typeof outboxRepository>;
