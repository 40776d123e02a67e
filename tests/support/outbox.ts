import { inject } from 'vitest';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/runtime/clients';
import { config, resetConfigCache } from '../../functions/runtime/config';
import { keys } from '../../functions/adapters/dynamodb/table-keys';

/** Makes every pending outbox message due now (tests cannot wait for the real backoff). */
export async function makeOutboxDue(): Promise<number> {
  Object.assign(process.env, inject('stackEnv'));
  resetConfigCache();
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxDuePartition().GSI1PK },
    }),
  );
  const past = '2000-01-01T00:00:00.000Z';
  for (const item of Items) {
    const due = keys.outboxDue(past, item.messageId as string);
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: config().TABLE_NAME,
          Key: keys.outbox(item.messageId as string),
          UpdateExpression: 'SET nextAttemptAt = :past, GSI1SK = :gsk',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':past': past, ':gsk': due.GSI1SK, ':pending': 'pending' },
        }),
      )
      .catch(() => undefined);
  }
  return Items.length;
}
