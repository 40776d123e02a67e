import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { config, isLocalStage } from './config';
import { instrumentClient } from './client-probes';

/**
 * AWS SDK clients, created once per container and only when first used (a route pays the
 * init cost of the clients it touches, nothing else). Each endpoint is overridable so the
 * same code talks to the local emulators.
 */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** Local and test stages only: the benchmark's counters and the fault-injection tests' hooks. */
const probed = <T extends { middlewareStack: unknown }>(service: string, client: T): T => {
  if (isLocalStage(config().STAGE)) instrumentClient(service, client.middlewareStack as never);
  return client;
};

/**
 * Local emulators must answer fast or be reported down; AWS keeps the SDK defaults. Without
 * throwOnRequestTimeout the SDK only warns when requestTimeout passes, and a call the emulator
 * never answers (SES v1 calls it lacks) would wait forever.
 */
const requestHandlerFor = (endpoint: string | undefined) =>
  endpoint ? { requestTimeout: 5_000, connectionTimeout: 2_000, throwOnRequestTimeout: true } : undefined;

export const dynamoClient = once(() => {
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  return probed(
    'dynamodb',
    new DynamoDBClient({
      region: AWS_REGION,
      endpoint: DYNAMODB_ENDPOINT,
      requestHandler: requestHandlerFor(DYNAMODB_ENDPOINT),
      // A throttled or failed write is retried by the SDK; our writes are conditional, so a retry is safe.
      maxAttempts: 3,
    }),
  );
});

export const documentClient = once(() =>
  DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  }),
);

export const s3Client = once(() => {
  const { AWS_REGION, S3_ENDPOINT } = config();
  return probed(
    's3',
    new S3Client({
      region: AWS_REGION,
      endpoint: S3_ENDPOINT,
      requestHandler: requestHandlerFor(S3_ENDPOINT),
      // s3rver needs path-style URLs and does not understand the newer default checksums.
      forcePathStyle: Boolean(S3_ENDPOINT),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(S3_ENDPOINT && process.env.S3_ACCESS_KEY_ID
        ? {
            credentials: {
              accessKeyId: process.env.S3_ACCESS_KEY_ID,
              secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? process.env.S3_ACCESS_KEY_ID,
            },
          }
        : {}),
    }),
  );
});

export const sesClient = once(() => {
  const { AWS_REGION, SES_ENDPOINT } = config();
  return probed(
    'ses',
    new SESClient({
      region: AWS_REGION,
      endpoint: SES_ENDPOINT,
      requestHandler: requestHandlerFor(SES_ENDPOINT),
    }),
  );
});

export const snsClient = once(() => {
  const { AWS_REGION, SNS_ENDPOINT } = config();
  return probed(
    'sns',
    new SNSClient({
      region: AWS_REGION,
      endpoint: SNS_ENDPOINT,
      requestHandler: requestHandlerFor(SNS_ENDPOINT),
    }),
  );
});

export const cognitoClient = once(() => {
  const { AWS_REGION, COGNITO_ENDPOINT } = config();
  return probed(
    'cognito',
    new CognitoIdentityProviderClient({
      region: AWS_REGION,
      endpoint: COGNITO_ENDPOINT,
      requestHandler: requestHandlerFor(COGNITO_ENDPOINT),
    }),
  );
});
