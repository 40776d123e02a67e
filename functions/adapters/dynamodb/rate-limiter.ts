import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys } from './table-keys';
import type { RateLimiter } from '../../ports/rate-limiter';

/**
 * Fixed-window counters in the table: one atomic ADD per hit, the window in the sort key,
 * TTL cleanup after the window. Cheap, exact enough, and shared by every Lambda instance.
 */
export const dynamoRateLimiter = (nowMs: () => number): RateLimiter => ({
  async hit({ scope, subject, limit, windowSeconds }) {
    const window = Math.floor(nowMs() / 1000 / windowSeconds);
    const { Attributes } = await documentClient().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.rateCounter(scope, subject, String(window)),
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires), #type = :type',
        ExpressionAttributeNames: { '#type': '_type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':expires': (window + 1) * windowSeconds + 60,
          ':type': 'RateCounter',
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return (Attributes?.hits as number) <= limit;
  },
});
