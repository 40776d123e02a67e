import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { SESv2Client, GetAccountCommand } from '@aws-sdk/client-sesv2';
import { GetSMSAttributesCommand } from '@aws-sdk/client-sns';
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { DependencyProbes } from '../../use-cases/platform/check-health';
import { cognitoClient, dynamoClient, s3Client, snsClient } from '../../runtime/clients';
import { config } from '../../runtime/config';

/** The cheapest read-only call of each dependency that proves we can reach and use it. */
export function dependencyProbes(): DependencyProbes {
  const settings = config();
  return {
    dynamodb: async () => {
      await dynamoClient().send(new DescribeTableCommand({ TableName: settings.TABLE_NAME }));
    },
    s3: async () => {
      await s3Client().send(new HeadBucketCommand({ Bucket: settings.UPLOADS_BUCKET }));
    },
    // SES v1 has no cheap read call that the local emulator implements; v2 GetAccount is the
    // same service, answered both by AWS and by aws-ses-v2-local.
    ses: async () => {
      const client = new SESv2Client({ region: settings.AWS_REGION, endpoint: settings.SES_ENDPOINT });
      try {
        await client.send(new GetAccountCommand({}));
      } finally {
        client.destroy();
      }
    },
    cognito: async () => {
      await cognitoClient().send(new DescribeUserPoolCommand({ UserPoolId: settings.USER_POOL_ID }));
    },
    sms: async () => {
      await snsClient().send(new GetSMSAttributesCommand({ attributes: ['DefaultSMSType'] }));
    },
  };
}
