/**
 * The prod stack, synthesized once with real esbuild bundling (a few seconds per function).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission, deployedRoutes, fullPath, routes } from '../../functions/routes';
import { configSchema } from '../../functions/runtime/config';
import { eventTriggers, scheduledJobs } from '../../functions/schedules';
import { OUTBOX_ITEM_TYPE } from '../../lib/jobs';
import {
  ESM_REQUIRE_BANNER,
  FUNCTION_ID_TAG,
  FUNCTION_KIND_TAG,
  NOT_GRANTED,
} from '../../lib/portal-function';
import { stageConfig } from '../../lib/stages';
import { PENDING_UPLOADS_PREFIX } from '../../lib/storage';
import { ORIGIN_VERIFY_HEADER } from '../../lib/web';
import {
  fakeWebDist,
  nagViolations,
  type Resources,
  resourcesOfType,
  type SynthesizedPortal,
  synthesizePortal,
  tagValue,
} from './portal-app';

let portal: SynthesizedPortal;
let functions: Resources;
/** Portal functions (ours, tagged) by route/job/trigger id. */
const byId = new Map<string, { logicalId: string; properties: Record<string, unknown> }>();

beforeAll(() => {
  portal = synthesizePortal(stageConfig('prod'), { bundle: true, webDistPath: fakeWebDist() });
  functions = resourcesOfType(portal.template, 'AWS::Lambda::Function');
  for (const [logicalId, resource] of Object.entries(functions)) {
    const id = tagValue(resource.Properties, FUNCTION_ID_TAG);
    if (id) byId.set(id, { logicalId, properties: resource.Properties ?? {} });
  }
}, 300_000);

const portalEntries = () => [
  ...deployedRoutes().map((route) => ({ id: route.id, kind: 'route', permissions: route.permissions })),
  ...scheduledJobs.map((job) => ({ id: job.id, kind: 'job', permissions: job.permissions })),
  ...eventTriggers.map((trigger) => ({ id: trigger.id, kind: 'trigger', permissions: trigger.permissions })),
];

describe('functions', () => {
  it('has exactly one Lambda per deployed route, job and trigger, plus the CDK-owned custom resources', () => {
    const ours = Object.values(functions).filter((fn) => tagValue(fn.Properties, FUNCTION_KIND_TAG));
    expect(ours).toHaveLength(deployedRoutes().length + scheduledJobs.length + eventTriggers.length);
    expect([...byId.keys()].sort()).toEqual(
      portalEntries()
        .map((entry) => entry.id)
        .sort(),
    );

    // aws-cdk-lib adds its own singletons: the bucket-notification handler (an inboundBucket
    // trigger exists) and the BucketDeployment function (a built SPA was given).
    const cdkOwned = Object.keys(functions).filter(
      (logicalId) => ![...byId.values()].some((fn) => fn.logicalId === logicalId),
    );
    expect(cdkOwned.map((logicalId) => logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
      'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB',
    ]);
  });

  it('tags each function with its kind and names it after its id', () => {
    for (const entry of portalEntries()) {
      const fn = byId.get(entry.id);
      expect(tagValue(fn?.properties, FUNCTION_KIND_TAG), entry.id).toBe(entry.kind);
      expect(fn?.properties.FunctionName).toBe(`ees-prod-${entry.id}`);
    }
  });

  it('does not deploy the local-only routes', () => {
    const localOnly = routes.filter((route) => 'localOnly' in route && route.localOnly);
    expect(localOnly.length).toBeGreaterThan(0);
    const routeKeys = Object.values(resourcesOfType(portal.template, 'AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties?.RouteKey,
    );
    for (const route of localOnly) {
      expect(byId.has(route.id)).toBe(false);
      expect(routeKeys).not.toContain(`${route.method} ${fullPath(route)}`);
    }
  });

  it('runs every portal function on nodejs22.x, arm64, as an ESM bundle', () => {
    for (const [id, fn] of byId) {
      expect(fn.properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.properties.Architectures, id).toEqual(['arm64']);
      expect(fn.properties.Handler, id).toBe('index.handler');
      expect(fn.properties.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON' });
    }
  });

  it('bundles for real: minified ESM with the createRequire banner, SDK included, source map beside it', () => {
    for (const [id, fn] of byId) {
      const assetHash = String((fn.properties.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
      const bundle = join(portal.assemblyDir, `asset.${assetHash}`, 'index.mjs');
      expect(existsSync(bundle), id).toBe(true);
      expect(existsSync(`${bundle}.map`), id).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER), id).toBe(true);
      // Nothing left for the runtime to resolve: the SDK is inside the bundle.
      expect(code, id).not.toMatch(/from\s*["']@aws-sdk\//);
    }
  });

  it('gives every function the whole runtime configuration, secrets as deploy-time references', () => {
    const required = Object.entries(configSchema.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([name]) => name)
      .filter((name) => name !== 'AWS_REGION');
    for (const [id, fn] of byId) {
      const variables = (fn.properties.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const name of required) expect(variables, `${id} ${name}`).toHaveProperty(name);
      expect(variables.STAGE).toBe('prod');
      expect(variables.POWERTOOLS_SERVICE_NAME).toBe('espace-entreprise-sante');
      expect(JSON.stringify(variables.SECRET_PEPPER)).toContain('{{resolve:secretsmanager:');
    }
  });

  it('hands the Cognito client secret only to cognito:auth functions, the origin secret only to routes', () => {
    for (const entry of portalEntries()) {
      const variables = (byId.get(entry.id)?.properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      if ((entry.permissions as readonly Permission[]).includes('cognito:auth')) {
        expect(variables.USER_POOL_CLIENT_SECRET).toEqual({
          'Fn::GetAtt': [expect.any(String), 'ClientSecret'],
        });
      } else {
        expect(variables.USER_POOL_CLIENT_SECRET, entry.id).toBe(NOT_GRANTED);
      }
      if (entry.kind === 'route') {
        expect(JSON.stringify(variables.ORIGIN_VERIFY_SECRET), entry.id).toContain(
          '{{resolve:secretsmanager:',
        );
      } else {
        expect(variables, entry.id).not.toHaveProperty('ORIGIN_VERIFY_SECRET');
      }
    }
  });

  it('writes each function log to its own log group, with the stage retention', () => {
    for (const [id, fn] of byId) {
      const logGroup = (fn.properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(portal.template.toJSON().Resources[logGroup], id).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 365 },
        DeletionPolicy: 'Retain',
      });
    }
  });
});

describe('HTTP API', () => {
  it('routes METHOD /api/path of every deployed route to its own function', () => {
    const routesByKey = new Map(
      Object.values(resourcesOfType(portal.template, 'AWS::ApiGatewayV2::Route')).map((route) => [
        route.Properties?.RouteKey,
        route.Properties,
      ]),
    );
    expect(routesByKey.size).toBe(deployedRoutes().length);
    const integrations = resourcesOfType(portal.template, 'AWS::ApiGatewayV2::Integration');
    for (const route of deployedRoutes()) {
      const routeKey = `${route.method} ${fullPath(route)}`;
      expect(routeKey).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\//);
      const target = JSON.stringify(routesByKey.get(routeKey)?.Target);
      const integrationId = Object.keys(integrations).find((logicalId) => target.includes(logicalId));
      expect(integrationId, routeKey).toBeDefined();
      expect(JSON.stringify(integrations[integrationId ?? '']?.Properties?.IntegrationUri)).toContain(
        byId.get(route.id)?.logicalId,
      );
    }
  });

  it('logs access and throttles on the $default stage', () => {
    portal.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });
});

describe('least privilege', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const logicalIdOf = (type: string, pathPart: string) =>
    Object.keys(resourcesOfType(portal.template, type)).find((logicalId) => logicalId.startsWith(pathPart)) ??
    '?';

  /** What each permission may add to a role: action pattern, and a logical id its resource must name. */
  const allowedBy = (): Record<Permission, { action: RegExp; resource?: string }[]> => {
    const table = logicalIdOf('AWS::DynamoDB::Table', 'DataTable');
    const bucket = (name: string) => logicalIdOf('AWS::S3::Bucket', `Storage${name}`);
    const pool = logicalIdOf('AWS::Cognito::UserPool', 'AuthUserPool');
    const tableRead =
      /^dynamodb:(BatchGetItem|GetItem|Query|Scan|ConditionCheckItem|DescribeTable|GetRecords|GetShardIterator)$/;
    const bucketRead = /^s3:(GetObject\*|GetBucket\*|List\*)$/;
    const bucketPut =
      /^s3:(PutObject|PutObjectLegalHold|PutObjectRetention|PutObjectTagging|PutObjectVersionTagging|Abort\*)$/;
    return {
      'table:read': [{ action: tableRead, resource: table }],
      'table:write': [
        { action: tableRead, resource: table },
        { action: /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/, resource: table },
      ],
      'uploads:read': [{ action: bucketRead, resource: bucket('Uploads') }],
      'uploads:write': [{ action: bucketPut, resource: bucket('Uploads') }],
      'documents:read': [{ action: bucketRead, resource: bucket('Documents') }],
      'generated:read': [{ action: bucketRead, resource: bucket('Generated') }],
      'generated:write': [{ action: bucketPut, resource: bucket('Generated') }],
      'inbound:read': [{ action: bucketRead, resource: bucket('Inbound') }],
      'inbound:write': [{ action: bucketPut, resource: bucket('Inbound') }],
      'cognito:auth': [{ action: /^cognito-idp:(InitiateAuth|RevokeToken)$/, resource: pool }],
      'cognito:admin': [{ action: /^cognito-idp:Admin[A-Za-z]+$/, resource: pool }],
      'ses:send': [{ action: /^ses:(SendEmail|SendRawEmail)$/ }],
      'sns:publish': [{ action: /^sns:Publish$/ }],
      'health:probe': [
        { action: /^dynamodb:DescribeTable$/, resource: table },
        { action: /^s3:ListBucket$/, resource: bucket('Uploads') },
        { action: /^cognito-idp:DescribeUserPool$/, resource: pool },
        { action: /^(ses:GetAccount|sns:GetSMSAttributes)$/ },
      ],
    };
  };

  const statementsOf = (id: string): Statement[] => {
    const role = JSON.stringify(
      (byId.get(id)?.properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0],
    );
    return Object.values(resourcesOfType(portal.template, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(role))
      .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const actionsOf = (statement: Statement) => [statement.Action].flat();
  const logGroupOf = (id: string) =>
    (byId.get(id)?.properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;

  it('grants each function only what its permissions imply (plus its logs and event plumbing)', () => {
    const rules = allowedBy();
    for (const entry of portalEntries()) {
      const failureQueue = logicalIdOf('AWS::SQS::Queue', `Jobs${entry.id}Failures`);
      const source = eventTriggers.find((trigger) => trigger.id === entry.id)?.source;
      const plumbing: { action: RegExp; resource?: string }[] = [
        { action: /^logs:(CreateLogStream|PutLogEvents)$/, resource: logGroupOf(entry.id) },
        ...(source === 'tableStream'
          ? [
              { action: /^dynamodb:(DescribeStream|GetRecords|GetShardIterator)$/, resource: 'DataTable' },
              // Lambda's stream poller; ListStreams has no resource-level permission.
              { action: /^dynamodb:ListStreams$/ },
            ]
          : []),
        ...(source
          ? [{ action: /^sqs:(SendMessage|GetQueueAttributes|GetQueueUrl)$/, resource: failureQueue }]
          : []),
      ];
      const allowed = [
        ...(entry.permissions as readonly Permission[]).flatMap((permission) => rules[permission]),
        ...plumbing,
      ];
      for (const statement of statementsOf(entry.id).filter((s) => s.Effect === 'Allow')) {
        for (const action of actionsOf(statement)) {
          const rule = allowed.find(
            (candidate) =>
              candidate.action.test(action) &&
              (!candidate.resource || JSON.stringify(statement.Resource).includes(candidate.resource)),
          );
          expect(
            rule,
            `${entry.id} may not ${action} on ${JSON.stringify(statement.Resource)}`,
          ).toBeDefined();
        }
      }
    }
  });

  it('grants every declared permission (no permission silently dropped)', () => {
    const rules = allowedBy();
    for (const entry of portalEntries()) {
      const actions = statementsOf(entry.id)
        .filter((s) => s.Effect === 'Allow')
        .flatMap(actionsOf);
      for (const permission of entry.permissions as readonly Permission[]) {
        expect(
          rules[permission].some((rule) => actions.some((action) => rule.action.test(action))),
          `${entry.id} lacks ${permission}`,
        ).toBe(true);
      }
    }
  });

  it('gives getOpenApiDocument nothing but its own logs', () => {
    const actions = statementsOf('getOpenApiDocument').flatMap(actionsOf);
    expect(new Set(actions)).toEqual(new Set(['logs:CreateLogStream', 'logs:PutLogEvents']));
  });

  it('never grants DynamoDB data access to the health probe', () => {
    const actions = statementsOf('getHealth').flatMap(actionsOf);
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual(['dynamodb:DescribeTable']);
  });

  it('keeps SNS Publish to SMS: any SNS ARN is denied', () => {
    for (const entry of portalEntries().filter((e) =>
      (e.permissions as readonly Permission[]).includes('sns:publish'),
    )) {
      expect(statementsOf(entry.id)).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Resource: expect.anything() }),
      );
    }
  });

  it('lets SES send only from MAIL_FROM', () => {
    const sender = statementsOf('dispatchOutbox').find((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(sender?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': stageConfig('prod').mailFrom } });
  });
});

describe('data', () => {
  it('keeps the prod table: PITR, deletion protection, RETAIN, stream, TTL, on-demand, ALL-projected GSIs', () => {
    portal.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'ees-prod',
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'GSI1', Projection: { ProjectionType: 'ALL' } }),
          Match.objectLike({ IndexName: 'GSI2', Projection: { ProjectionType: 'ALL' } }),
        ],
      }),
    });
  });

  it('wakes the dispatcher only for outbox inserts, with bisect, retries and a failure queue', () => {
    portal.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: byId.get('dispatchOutbox')?.logicalId },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { _type: { S: [OUTBOX_ITEM_TYPE] } } },
            }),
          },
        ],
      },
    });
  });

  it('schedules each job with its expression', () => {
    for (const job of scheduledJobs) {
      portal.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: job.schedule,
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [byId.get(job.id)?.logicalId, 'Arn'] } }),
      });
    }
  });

  it('fires the back-office import on its inbound prefix', () => {
    const trigger = eventTriggers.find((t) => t.source === 'inboundBucket');
    portal.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: trigger?.prefix }] } },
          }),
        ],
      },
    });
  });
});

describe('storage', () => {
  it('blocks public access, encrypts, and refuses plain HTTP on every bucket', () => {
    const buckets = resourcesOfType(portal.template, 'AWS::S3::Bucket');
    const policies = Object.values(resourcesOfType(portal.template, 'AWS::S3::BucketPolicy'));
    expect(Object.keys(buckets).length).toBe(6);
    for (const [logicalId, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, logicalId).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption, logicalId).toBeDefined();
      const policy = policies.find((p) => JSON.stringify(p.Properties?.Bucket).includes(logicalId));
      expect(JSON.stringify(policy?.Properties?.PolicyDocument), logicalId).toContain(
        '"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"',
      );
      expect(bucket.DeletionPolicy, logicalId).toBe('Retain');
    }
  });

  it('sweeps abandoned uploads after a day and accepts presigned POSTs from the site only', () => {
    portal.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^ees-prod-uploads-')])],
      }),
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
          Match.objectLike({ Prefix: PENDING_UPLOADS_PREFIX, ExpirationInDays: 1 }),
        ]),
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: [Match.anyValue()] })],
      },
    });
  });
});

describe('auth', () => {
  it('signs in by e-mail only, with a length-only password policy and no self sign-up or recovery', () => {
    portal.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: false,
          RequireUppercase: false,
          RequireNumbers: false,
          RequireSymbols: false,
        }),
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has one confidential client: secret, USER_PASSWORD_AUTH + refresh, no OAuth, no user enumeration', () => {
    portal.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    portal.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });
});

describe('web', () => {
  const policy = () =>
    Object.values(resourcesOfType(portal.template, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]?.Properties
      ?.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> };
  const csp = () =>
    JSON.stringify(policy().SecurityHeadersConfig.ContentSecurityPolicy?.ContentSecurityPolicy);

  it('sends a strict CSP (no inline scripts), HSTS, DENY framing, nosniff and a strict referrer policy', () => {
    expect(csp()).toContain("script-src 'self';");
    expect(csp()).toContain("frame-ancestors 'none'");
    expect(csp()).toContain("object-src 'none'");
    expect(csp()).not.toContain('unsafe-inline');
    expect(csp()).not.toContain('unsafe-eval');
    expect(policy().SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
  });

  it('serves the SPA from a private bucket, with a fallback that leaves /api/* errors alone', () => {
    const config = Object.values(resourcesOfType(portal.template, 'AWS::CloudFront::Distribution'))[0]
      ?.Properties?.DistributionConfig as Record<string, unknown>;
    expect(config.CustomErrorResponses).toBeUndefined();
    const defaultBehavior = config.DefaultCacheBehavior as Record<string, unknown>;
    expect(defaultBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    expect(defaultBehavior.ResponseHeadersPolicyId).toBeDefined();
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins.find((origin) => origin.S3OriginConfig)?.OriginAccessControlId).toBeDefined();
  });

  it('forwards /api/* uncached, with viewer headers but Host, and the origin secret header', () => {
    const config = Object.values(resourcesOfType(portal.template, 'AWS::CloudFront::Distribution'))[0]
      ?.Properties?.DistributionConfig as Record<string, unknown>;
    const api = (config.CacheBehaviors as Record<string, unknown>[]).find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
      ResponseHeadersPolicyId: expect.anything(),
    });
    const apiOrigin = (config.Origins as Record<string, unknown>[]).find((o) => o.Id === api?.TargetOriginId);
    const headers = apiOrigin?.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    expect(headers.map((header) => header.HeaderName)).toEqual([ORIGIN_VERIFY_HEADER]);
    expect(JSON.stringify(headers[0]?.HeaderValue)).toContain('{{resolve:secretsmanager:');
  });

  it('deploys the built SPA: immutable assets, revalidated index.html', () => {
    const deployments = Object.values(resourcesOfType(portal.template, 'Custom::CDKBucketDeployment'));
    expect(deployments.map((d) => JSON.stringify(d.Properties?.SystemMetadata)).sort()).toEqual([
      JSON.stringify({ 'cache-control': 'no-cache' }),
      JSON.stringify({ 'cache-control': 'public, max-age=31536000, immutable' }),
    ]);
  });
});

describe('monitoring', () => {
  it('alarms on errors and throttles of every function, API 5xx, table throttles and failure queues', () => {
    const alarms = Object.values(resourcesOfType(portal.template, 'AWS::CloudWatch::Alarm'));
    const names = alarms.map((alarm) => alarm.Properties?.AlarmName);
    for (const id of byId.keys()) {
      expect(names).toContain(`ees-prod-${id}-errors`);
      expect(names).toContain(`ees-prod-${id}-throttles`);
    }
    expect(names).toContain('ees-prod-api-5xx');
    expect(names).toContain('ees-prod-table-throttles');
    for (const id of [...scheduledJobs, ...eventTriggers].map((entry) => entry.id)) {
      expect(names).toContain(`ees-prod-${id}-failures`);
    }
    for (const alarm of alarms)
      expect(alarm.Properties?.AlarmActions, String(alarm.Properties?.AlarmName)).toHaveLength(1);
    portal.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: stageConfig('prod').alarmEmail,
    });
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions finding', () => {
    expect(nagViolations(portal.stack)).toEqual([]);
  });

  it('leaves no error annotation on the stack', () => {
    expect(Annotations.fromStack(portal.stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
