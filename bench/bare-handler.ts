import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * The cold-start yardstick: a handler that does one GetItem with the plain SDK client and
 * nothing else (no middy, zod, logger, DocumentClient). Bundled exactly like the routes.
 */
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.DYNAMODB_ENDPOINT,
});

export const handler = async (): Promise<{ statusCode: number; body: string }> => {
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { PK: { S: process.env.BENCH_BARE_PK ?? 'BENCH#BARE' }, SK: { S: 'PROFILE' } },
    }),
  );
  return { statusCode: Item ? 200 : 404, body: '' };
};
