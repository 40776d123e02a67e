import { CfnOutput, Lazy, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth } from './auth';
import { Data } from './data';
import { Jobs } from './jobs';
import { Messaging } from './messaging';
import { Monitoring } from './monitoring';
import { acknowledgeCdkOwnedConstructs } from './nag';
import type { GrantableResources } from './permissions';
import type { RuntimeEnvironment } from './portal-function';
import { Secrets } from './secrets';
import type { StageConfig } from './stages';
import { Storage } from './storage';
import { webAclNameFor } from './waf';
import { Web } from './web';

export interface PortalStackProps extends Omit<StackProps, 'env' | 'crossRegionReferences'> {
  readonly stage: StageConfig;
  /**
   * CloudFront's WAF web ACL, from the stage's us-east-1 EdgeStack (lib/app.ts): a cross-region
   * reference, hence `crossRegionReferences` on this stack.
   */
  readonly webAclArn: string;
  /** Built SPA to deploy; default web/dist (skipped with a warning when absent). */
  readonly webDistPath?: string;
  /** Built documents pratiques to deploy; default .build/documents (skipped with a warning when absent). */
  readonly documentsBuildPath?: string;
}

/**
 * One stage of the portal in its region: everything of ARCHITECTURE.md "One picture" but the WAF
 * (EdgeStack). The shared resources live here; the functions live in nested stacks (one per route
 * tag, one for the jobs: lib/function-stack.ts), and so do the alarms and the dashboard
 * (lib/monitoring.ts), so that the route and job tables can grow without this stack growing.
 */
export class PortalStack extends Stack {
  readonly monitoring: Monitoring;

  constructor(
    scope: Construct,
    id: string,
    { stage, webDistPath, documentsBuildPath, webAclArn, ...props }: PortalStackProps,
  ) {
    super(scope, id, {
      ...props,
      env: stage.env,
      crossRegionReferences: true,
      description: `Espace Entreprise Santé (${stage.name}): SPA, API, data and jobs`,
      terminationProtection: stage.deletionProtection,
    });
    Tags.of(this).add('project', 'espace-entreprise-sante');
    Tags.of(this).add('stage', stage.name);

    // The functions and the uploads CORS rule need the site's origin, while the distribution needs
    // the API: without a custom domain the origin is read from the distribution once it exists.
    const siteOrigin: string = stage.domain
      ? `https://${stage.domain.name}`
      : Lazy.string({ produce: (): string => web.siteOrigin });

    const data = new Data(this, 'Data', { stage });
    const storage = new Storage(this, 'Storage', {
      stage,
      siteOrigin,
      ...(documentsBuildPath ? { documentsBuildPath } : {}),
    });
    const auth = new Auth(this, 'Auth', { stage });
    const secrets = new Secrets(this, 'Secrets', { stage });
    const monitoring = new Monitoring(this, 'Monitoring', { stage });
    const messaging = new Messaging(this, 'Messaging', { stage, alarmTopic: monitoring.topic });

    const resources: GrantableResources = {
      table: data.table,
      buckets: storage.dataBuckets,
      userPool: auth.userPool,
      mailFrom: stage.mailFrom,
      mailConfigurationSetName: messaging.configurationSetName,
    };
    const environment: RuntimeEnvironment = {
      STAGE: stage.name,
      TABLE_NAME: data.table.tableName,
      UPLOADS_BUCKET: storage.uploads.bucketName,
      DOCUMENTS_BUCKET: storage.documents.bucketName,
      GENERATED_BUCKET: storage.generated.bucketName,
      INBOUND_BUCKET: storage.inbound.bucketName,
      USER_POOL_ID: auth.userPool.userPoolId,
      USER_POOL_CLIENT_ID: auth.client.userPoolClientId,
      // Secrets: dynamic references resolved by CloudFormation at deploy time (see secrets.ts).
      USER_POOL_CLIENT_SECRET: auth.clientSecret.unsafeUnwrap(),
      SECRET_PEPPER: secrets.pepper.secretValue.unsafeUnwrap(),
      ORIGIN_VERIFY_SECRET: secrets.originVerify.secretValue.unsafeUnwrap(),
      INSURER_API_KEY: secrets.insurerApiKey.secretValue.unsafeUnwrap(),
      AFFILIATION_REMINDER_DAYS: '7,14',
      AFFILIATION_ABANDON_DAYS: '30',
      MAIL_FROM: stage.mailFrom,
      INSURER_TEAM_EMAIL: stage.insurerTeamEmail,
      PUBLIC_URL: siteOrigin,
      TRUST_FORWARDED_FOR: 'false',
      POWERTOOLS_SERVICE_NAME: 'espace-entreprise-sante',
      POWERTOOLS_METRICS_NAMESPACE: 'EspaceEntrepriseSante',
      LOG_LEVEL: stage.logLevel,
    };

    const api = new Api(this, 'Api', { stage, environment, resources });
    const jobs = new Jobs(this, 'Jobs', { stage, environment, resources, inboundBucket: storage.inbound });
    const web = new Web(this, 'Web', {
      stage,
      apiDomainName: api.originDomainName,
      originVerifySecret: secrets.originVerify,
      logsBucket: storage.logs,
      uploadsHost: storage.uploadsHost,
      webAclArn,
      ...(webDistPath ? { webDistPath } : {}),
    });
    monitoring.observe({
      routeIds: [...api.functions.keys()],
      jobIds: [...jobs.functions.keys()],
      failureQueueIds: [...jobs.failureQueues.keys()],
      httpApi: api.httpApi,
      distributionId: web.distribution.distributionId,
      webAclName: webAclNameFor(stage),
    });

    acknowledgeCdkOwnedConstructs(this, {
      deploymentBuckets: [
        ...(web.siteDeployed ? [web.bucket] : []),
        ...(storage.documentsDeployed ? [storage.documents] : []),
      ],
    });

    this.monitoring = monitoring;
    const output = (name: string, value: string, description: string) =>
      new CfnOutput(this, name, { value, description });
    output('SiteUrl', siteOrigin, 'Public URL of the portal');
    output('DistributionId', web.distribution.distributionId, 'CloudFront distribution (invalidations)');
    output(
      'DistributionDomainName',
      web.distribution.distributionDomainName,
      'Target of the DNS record (CNAME or Route 53 alias) of the stage domain',
    );
    output('SiteBucketName', web.bucket.bucketName, 'Bucket holding the SPA build');
    output('ApiId', api.httpApi.apiId, 'HTTP API id (reachable through CloudFront /api/* only)');
    output('TableName', data.table.tableName, 'DynamoDB single table');
    output('UserPoolId', auth.userPool.userPoolId, 'Cognito user pool');
    output('UserPoolClientId', auth.client.userPoolClientId, 'Cognito app client of the BFF');
    output('UploadsBucketName', storage.uploads.bucketName, 'Uploads bucket');
    output('InboundBucketName', storage.inbound.bucketName, 'Back-office drop bucket');
  }
}
