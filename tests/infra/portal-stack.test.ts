/**
 * The prod stage (PortalStack + us-east-1 EdgeStack), synthesized once with real esbuild bundling
 * (a few seconds per function). Issue #10's checklist, property by property.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission, deployedRoutes, fullPath, routes } from '../../functions/routes';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition';
import { ORIGIN_VERIFY_HEADER as API_ORIGIN_VERIFY_HEADER } from '../../functions/runtime/http';
import { configSchema } from '../../functions/runtime/config';
import {
  DOCUMENTS_PREFIX,
  documentKey,
  MANIFEST_FILE,
} from '../../functions/use-cases/documents/storage-keys';
import { type EventTrigger, eventTriggers, scheduledJobs } from '../../functions/schedules';
import { concurrencyGroupOf } from '../../lib/concurrency';
import { pascalCase } from '../../lib/api';
import { OUTBOX_ITEM_TYPE, overlappingInboundTriggers } from '../../lib/jobs';
import { SES_CONFIGURATION_SET_DIMENSION, SES_METRIC_EVENTS, SES_NOTIFIED_EVENTS } from '../../lib/messaging';
import {
  ESM_REQUIRE_BANNER,
  FUNCTION_ID_TAG,
  FUNCTION_KIND_TAG,
  NOT_GRANTED,
} from '../../lib/portal-function';
import { EDGE_REGION, edgeStackNameFor, SMS_SENDER_ID, stackNameFor, stageConfig } from '../../lib/stages';
import { MANAGED_RULE_GROUPS, RATE_LIMITED_AUTH_PATHS, webAclNameFor } from '../../lib/waf';
import { PENDING_UPLOADS_PREFIX } from '../../lib/storage';
import { ORIGIN_VERIFY_HEADER } from '../../lib/web';
import {
  acknowledgments,
  fakeDocumentsBuild,
  fakeWebDist,
  nagViolations,
  parametersPassedTo,
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
  portal = synthesizePortal(stageConfig('prod'), {
    bundle: true,
    webDistPath: fakeWebDist(),
    documentsBuildPath: fakeDocumentsBuild(),
  });
  // The functions live in nested stacks: `flat` follows references across them.
  functions = resourcesOfType(portal.flat, 'AWS::Lambda::Function');
  for (const [logicalId, resource] of Object.entries(functions)) {
    const id = tagValue(resource.Properties, FUNCTION_ID_TAG);
    if (id) byId.set(id, { logicalId, properties: resource.Properties ?? {} });
  }
}, 300_000);

/**
 * Logical id of the (first) resource of a type whose id starts with a construct path relative to
 * its stack, e.g. `DataTable` (stage stack) or `dispatchOutboxFailures` (jobs stack).
 */
const logicalIdOf = (type: string, pathPart: string) =>
  Object.keys(resourcesOfType(portal.flat, type)).find((logicalId) => logicalId.startsWith(pathPart)) ?? '?';

/** Environment variables of a portal function, by id. */
const variablesOf = (id: string) =>
  (byId.get(id)?.properties.Environment as { Variables: Record<string, unknown> }).Variables;

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
    // AwsCustomResource's function sets the account SMS settings (lib/messaging.ts).
    expect(cdkOwned.map((logicalId) => logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AWS679f53fac002430cb0da5b7982bd2287',
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
      'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB',
    ]);
  });

  it('puts each route in the nested stack of its tag, jobs and triggers in theirs, none in the stage stack', () => {
    const stackOf = new Map<string, string>();
    for (const { stack, template } of portal.nestedStacks) {
      for (const fn of Object.values(resourcesOfType(template, 'AWS::Lambda::Function'))) {
        const id = tagValue(fn.Properties, FUNCTION_ID_TAG);
        if (id) stackOf.set(id, stack.node.path);
      }
    }
    const root = portal.stack.node.path;
    for (const route of deployedRoutes()) {
      expect(stackOf.get(route.id), route.id).toBe(`${root}/Api/Routes${pascalCase(route.tag)}`);
    }
    for (const entry of [...scheduledJobs, ...eventTriggers]) {
      expect(stackOf.get(entry.id), entry.id).toBe(`${root}/Jobs/Functions`);
    }
    const inStageStack = Object.values(resourcesOfType(portal.template, 'AWS::Lambda::Function')).filter(
      (fn) => tagValue(fn.Properties, FUNCTION_KIND_TAG),
    );
    expect(inStageStack).toEqual([]);
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
    const routeKeys = Object.values(resourcesOfType(portal.flat, 'AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties?.RouteKey,
    );
    for (const route of localOnly) {
      expect(byId.has(route.id)).toBe(false);
      expect(routeKeys).not.toContain(`${route.method} ${fullPath(route)}`);
    }
  });

  it('runs every portal function on nodejs22.x, arm64, as an ESM bundle, traced by X-Ray', () => {
    for (const [id, fn] of byId) {
      expect(fn.properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.properties.Architectures, id).toEqual(['arm64']);
      expect(fn.properties.Handler, id).toBe('index.handler');
      expect(fn.properties.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON' });
      expect(fn.properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.properties.MemorySize, id).toBe(stageConfig('prod').lambdaMemoryMb);
    }
  });

  it('reserves concurrency for the functions calling Cognito, SES/SNS or the health probes, and only them', () => {
    const { reservedConcurrency } = stageConfig('prod');
    const expected: Record<string, number | undefined> = {};
    for (const entry of portalEntries()) {
      const group = concurrencyGroupOf(entry.permissions as readonly Permission[]);
      expected[entry.id] = group ? reservedConcurrency[group] : undefined;
      expect(byId.get(entry.id)?.properties.ReservedConcurrentExecutions, entry.id).toBe(expected[entry.id]);
    }
    // The choice, spelled out (issue #10): auth routes that reach Cognito, the message senders, health.
    const reserved = Object.entries(expected)
      .filter(([, value]) => value !== undefined)
      .map(([id]) => id);
    expect(reserved).toEqual(
      expect.arrayContaining([
        'login',
        'activateSpace',
        'resetPassword',
        'changePassword',
        'dispatchOutbox',
        'retryOutbox',
        'getHealth',
      ]),
    );
    expect(reserved).not.toContain('getOpenApiDocument');
    expect(reserved).not.toContain('getMe');
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
      expect(variables.POWERTOOLS_METRICS_NAMESPACE).toBe('EspaceEntrepriseSante');
      expect(variables.LOG_LEVEL).toBe('INFO');
      expect(JSON.stringify(variables.SECRET_PEPPER)).toContain('{{resolve:secretsmanager:');
    }
  });

  it('hands the Cognito client secret only to cognito:auth functions, the origin secret only to routes', () => {
    for (const entry of portalEntries()) {
      const variables = variablesOf(entry.id);
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

  it("hands the insurer's back-office key only to the insurer routes, as a deploy-time reference", () => {
    const insurerRoutes = new Set(
      deployedRoutes()
        .filter((route) => route.access === 'insurer')
        .map((route) => route.id),
    );
    expect(insurerRoutes.size, 'the route table has back-office routes').toBeGreaterThan(0);
    const key = logicalIdOf('AWS::SecretsManager::Secret', 'SecretsInsurerApiKey');
    for (const entry of portalEntries()) {
      const value = JSON.stringify(variablesOf(entry.id).INSURER_API_KEY);
      if (insurerRoutes.has(entry.id)) {
        expect(value, entry.id).toContain('{{resolve:secretsmanager:');
        expect(value, entry.id).toContain(key);
      } else {
        expect(variablesOf(entry.id), entry.id).not.toHaveProperty('INSURER_API_KEY');
      }
    }
    // Not even the secret's ARN reaches the stacks of other routes.
    const receivers = portal.nestedStacks.filter(({ stack }) =>
      JSON.stringify(parametersPassedTo(portal, stack)).includes(key),
    );
    const functionIdsOf = (template: Template) =>
      Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).map((fn) =>
        tagValue(fn.Properties, FUNCTION_ID_TAG),
      );
    for (const { stack, template } of receivers) {
      expect(
        functionIdsOf(template).some((id) => id && insurerRoutes.has(id)),
        stack.node.path,
      ).toBe(true);
    }
  });

  it('passes the Cognito client secret to a nested stack only as a NoEcho parameter, and only where used', () => {
    const cognitoAuth = new Set(
      portalEntries()
        .filter((entry) => (entry.permissions as readonly Permission[]).includes('cognito:auth'))
        .map((entry) => entry.id),
    );
    expect(cognitoAuth.size).toBeGreaterThan(0);
    for (const { stack, template } of portal.nestedStacks) {
      const declared = (template.toJSON().Parameters ?? {}) as Record<string, { NoEcho?: boolean }>;
      const secretParameters = Object.entries(parametersPassedTo(portal, stack))
        .filter(([, value]) => JSON.stringify(value).includes('"ClientSecret"'))
        .map(([name]) => name);
      // DescribeStacks shows the values of the other parameters of a nested stack.
      for (const name of secretParameters)
        expect(declared[name]?.NoEcho, `${stack.node.path} ${name}`).toBe(true);
      const usesIt = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).some((fn) =>
        cognitoAuth.has(tagValue(fn.Properties, FUNCTION_ID_TAG) ?? ''),
      );
      expect(secretParameters.length > 0, stack.node.path).toBe(usesIt);
    }
  });

  it('writes each function log to its own log group, with the stage retention', () => {
    for (const [id, fn] of byId) {
      const logGroup = (fn.properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(portal.flat.toJSON().Resources[logGroup], id).toMatchObject({
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
      Object.values(resourcesOfType(portal.flat, 'AWS::ApiGatewayV2::Route')).map((route) => [
        route.Properties?.RouteKey,
        route.Properties,
      ]),
    );
    expect(routesByKey.size).toBe(deployedRoutes().length);
    const integrations = resourcesOfType(portal.flat, 'AWS::ApiGatewayV2::Integration');
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
      'ses:send': [{ action: /^ses:(SendEmail|SendRawEmail)$/, resource: ':identity/*' }],
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
    return Object.values(resourcesOfType(portal.flat, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(role))
      .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const actionsOf = (statement: Statement) => [statement.Action].flat();
  const logGroupOf = (id: string) =>
    (byId.get(id)?.properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;

  it('grants each function only what its permissions imply (plus its logs and event plumbing)', () => {
    const rules = allowedBy();
    for (const entry of portalEntries()) {
      const failureQueue = logicalIdOf('AWS::SQS::Queue', `${entry.id}Failures`);
      const source = eventTriggers.find((trigger) => trigger.id === entry.id)?.source;
      const plumbing: { action: RegExp; resource?: string }[] = [
        { action: /^logs:(CreateLogStream|PutLogEvents)$/, resource: logGroupOf(entry.id) },
        // Active tracing; these two actions have no resource-level permission.
        { action: /^xray:(PutTraceSegments|PutTelemetryRecords)$/, resource: '"*"' },
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

  it('gives getOpenApiDocument nothing but its own logs and traces', () => {
    const actions = statementsOf('getOpenApiDocument').flatMap(actionsOf);
    expect(new Set(actions)).toEqual(
      new Set([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
      ]),
    );
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

  it('lets SES send only from MAIL_FROM, through the stage configuration set', () => {
    for (const id of ['dispatchOutbox', 'retryOutbox']) {
      const sender = statementsOf(id).find((s) => actionsOf(s).includes('ses:SendEmail'));
      expect(sender?.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': stageConfig('prod').mailFrom },
      });
      const resources = JSON.stringify(sender?.Resource);
      expect(resources).toContain(':identity/*');
      expect(resources).toContain(':configuration-set/');
      expect(resources).toContain(logicalIdOf('AWS::SES::ConfigurationSet', 'MessagingConfigurationSet'));
    }
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
        TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) =>
          Match.objectLike({ IndexName: index.name, Projection: { ProjectionType: 'ALL' } }),
        ),
      }),
    });
  });

  it('wakes the dispatcher only for outbox inserts, with bisect, retries and a failure queue', () => {
    portal.flat.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
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
});

describe('jobs and triggers: every entry of functions/schedules.ts is wired without CDK code', () => {
  const queueArnOf = (id: string) => ({
    'Fn::GetAtt': [logicalIdOf('AWS::SQS::Queue', `${id}Failures`), 'Arn'],
  });

  it('gives every job and trigger its function and its failure queue', () => {
    for (const entry of [...scheduledJobs, ...eventTriggers]) {
      expect(byId.get(entry.id), entry.id).toBeDefined();
      portal.flat.hasResourceProperties('AWS::SQS::Queue', { QueueName: `ees-prod-${entry.id}-failures` });
    }
  });

  it('schedules each job with its expression in French time, retried, then parked in its failure queue', () => {
    expect(Object.keys(resourcesOfType(portal.flat, 'AWS::Scheduler::Schedule'))).toHaveLength(
      scheduledJobs.length,
    );
    for (const job of scheduledJobs) {
      portal.flat.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: `ees-prod-${job.id}`,
        ScheduleExpression: job.schedule,
        ScheduleExpressionTimezone: 'Europe/Paris',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [byId.get(job.id)?.logicalId, 'Arn'] },
          DeadLetterConfig: { Arn: queueArnOf(job.id) },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        }),
      });
    }
  });

  it('feeds each stream trigger from the table stream, with its failure queue', () => {
    const table = logicalIdOf('AWS::DynamoDB::Table', 'DataTable');
    for (const trigger of eventTriggers.filter((t) => t.source === 'tableStream')) {
      portal.flat.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: byId.get(trigger.id)?.logicalId },
        EventSourceArn: { 'Fn::GetAtt': [table, 'StreamArn'] },
        DestinationConfig: { OnFailure: { Destination: queueArnOf(trigger.id) } },
      });
    }
  });

  it('fires each inbound-bucket trigger on its own prefix and suffix, invoked by S3 from that bucket only', () => {
    const inbound = eventTriggers.filter((t) => t.source === 'inboundBucket');
    expect(inbound.find((t) => t.id === 'importBackOfficeFile')).toMatchObject({
      prefix: 'back-office/',
      suffix: '.csv',
    });
    const bucket = logicalIdOf('AWS::S3::Bucket', 'StorageInbound');
    const notifications = Object.values(resourcesOfType(portal.flat, 'Custom::S3BucketNotifications'));
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.Properties?.BucketName).toEqual({ Ref: bucket });
    type Configuration = {
      Events: string[];
      Filter?: { Key: { FilterRules: { Name: string; Value: string }[] } };
      LambdaFunctionArn: unknown;
    };
    const configurations = (
      notifications[0]?.Properties?.NotificationConfiguration as {
        LambdaFunctionConfigurations: Configuration[];
      }
    ).LambdaFunctionConfigurations;
    expect(configurations).toHaveLength(inbound.length);
    for (const trigger of inbound) {
      const arn = { 'Fn::GetAtt': [byId.get(trigger.id)?.logicalId, 'Arn'] };
      const configuration = configurations.find(
        (c) => JSON.stringify(c.LambdaFunctionArn) === JSON.stringify(arn),
      );
      expect(configuration?.Events, trigger.id).toEqual(['s3:ObjectCreated:*']);
      const filters = Object.fromEntries(
        (configuration?.Filter?.Key.FilterRules ?? []).map((rule) => [rule.Name, rule.Value]),
      );
      expect(filters, trigger.id).toEqual({
        ...('prefix' in trigger && trigger.prefix ? { prefix: trigger.prefix } : {}),
        ...('suffix' in trigger && trigger.suffix ? { suffix: trigger.suffix } : {}),
      });
      portal.flat.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arn,
        Principal: 's3.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [bucket, 'Arn'] },
        SourceAccount: Match.anyValue(),
      });
      // S3 invokes asynchronously: what fails twice lands in the failure queue.
      portal.flat.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: byId.get(trigger.id)?.logicalId },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: queueArnOf(trigger.id) } },
      });
    }
  });

  it('tells which inbound triggers S3 would refuse together (lib/jobs.ts then stops the synth)', () => {
    const trigger = (id: string, filter: { prefix?: string; suffix?: string }): EventTrigger => ({
      id,
      handler: `triggers/${id}.ts`,
      source: 'inboundBucket',
      permissions: [],
      summary: id,
      ...filter,
    });
    expect(overlappingInboundTriggers(eventTriggers)).toEqual([]);
    expect(
      overlappingInboundTriggers([
        trigger('csv', { prefix: 'back-office/', suffix: '.csv' }),
        trigger('dsn', { prefix: 'dsn/', suffix: '.dsn' }),
        trigger('sameFolderOtherType', { prefix: 'back-office/', suffix: '.dsn' }),
      ]),
    ).toEqual([]);
    expect(
      overlappingInboundTriggers([
        trigger('csv', { prefix: 'back-office/', suffix: '.csv' }),
        trigger('nested', { prefix: 'back-office/dsn/', suffix: '.report.csv' }),
        trigger('everything', {}),
      ]),
    ).toEqual([
      ['csv', 'nested'],
      ['csv', 'everything'],
      ['nested', 'everything'],
    ]);
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

  it('versions the buckets whose data matters, not the rebuildable ones, and expires old versions', () => {
    const versioned = (logicalIdPrefix: string) =>
      resourcesOfType(portal.template, 'AWS::S3::Bucket')[logicalIdOf('AWS::S3::Bucket', logicalIdPrefix)]
        ?.Properties?.VersioningConfiguration;
    for (const name of ['StorageUploads', 'StorageDocuments', 'StorageInbound']) {
      expect(versioned(name), name).toEqual({ Status: 'Enabled' });
      portal.template.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([Match.stringLikeRegexp(`^ees-prod-${name.slice(7).toLowerCase()}-`)]),
          ],
        }),
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }),
          ]),
        },
      });
    }
    // Generated PDFs can be generated again; the SPA is redeployed from git.
    for (const name of ['StorageGenerated', 'WebSite']) expect(versioned(name), name).toBeUndefined();
  });

  it('protects both prod stacks from deletion', () => {
    expect(portal.stack.terminationProtection).toBe(true);
    expect(portal.edgeStack.terminationProtection).toBe(true);
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

describe('documents pratiques', () => {
  const deployments = () =>
    Object.entries(resourcesOfType(portal.template, 'Custom::CDKBucketDeployment')).filter(([, deployment]) =>
      JSON.stringify(deployment.Properties?.DestinationBucketName).includes(
        logicalIdOf('AWS::S3::Bucket', 'StorageDocuments'),
      ),
    );
  /** File names inside the asset a deployment copies (staged as a directory in the cloud assembly). */
  const filesOf = (deployment: Resources[string] | undefined) =>
    ((deployment?.Properties?.SourceObjectKeys ?? []) as string[]).flatMap((key) =>
      readdirSync(join(portal.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`)),
    );

  it('deploys the built PDFs to documents/ of the documents bucket, where the functions read them', () => {
    const [pdfs, manifest] = [
      deployments().find(([, d]) => d.Properties?.Prune !== false),
      deployments().find(([, d]) => d.Properties?.Prune === false),
    ];
    expect(deployments()).toHaveLength(2);
    for (const [, deployment] of [pdfs, manifest].filter((d) => d !== undefined)) {
      expect(deployment.Properties?.DestinationBucketKeyPrefix).toBe(DOCUMENTS_PREFIX);
    }
    expect(documentKey('guide.pdf')).toBe(`${DOCUMENTS_PREFIX}guide.pdf`);
    // The PDFs deployment prunes documents no longer built, but never the manifest.
    expect(pdfs?.[1].Properties?.Exclude).toEqual([MANIFEST_FILE]);
    expect(filesOf(pdfs?.[1])).toEqual(['guide.pdf']);
    expect(filesOf(manifest?.[1])).toEqual([MANIFEST_FILE]);
  });

  it('writes the manifest only once the PDFs it lists are in place', () => {
    const pdfs = deployments().find(([, d]) => d.Properties?.Prune !== false)?.[0];
    const manifest = deployments().find(([, d]) => d.Properties?.Prune === false)?.[1];
    expect(pdfs).toBeDefined();
    expect(manifest?.DependsOn).toContain(pdfs);
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

  it('sends the very secret the API functions check, under the header name the API reads', () => {
    // functions/runtime/http.ts refuses a request whose x-origin-verify differs from ORIGIN_VERIFY_SECRET.
    expect(ORIGIN_VERIFY_HEADER).toBe(API_ORIGIN_VERIFY_HEADER);
    const config = Object.values(resourcesOfType(portal.template, 'AWS::CloudFront::Distribution'))[0]
      ?.Properties?.DistributionConfig as { Origins: { OriginCustomHeaders?: { HeaderValue: unknown }[] }[] };
    const sent = config.Origins.flatMap((origin) => origin.OriginCustomHeaders ?? [])[0]?.HeaderValue;
    const originSecret = logicalIdOf('AWS::SecretsManager::Secret', 'SecretsOriginVerify');
    expect(JSON.stringify(sent)).toContain(originSecret);
    for (const route of deployedRoutes()) {
      const variables = (byId.get(route.id)?.properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(variables.ORIGIN_VERIFY_SECRET, route.id).toEqual(sent);
    }
  });

  it('puts the distribution behind the stage web ACL of the us-east-1 edge stack', () => {
    const config = Object.values(resourcesOfType(portal.template, 'AWS::CloudFront::Distribution'))[0]
      ?.Properties?.DistributionConfig as Record<string, unknown>;
    // A weak cross-region reference (cdk.json): read from the edge stack's output at deploy time.
    expect(config.WebACLId).toEqual({
      'Fn::GetStackOutput': {
        StackName: edgeStackNameFor('prod'),
        Region: EDGE_REGION,
        OutputName: expect.stringContaining('WafWebAcl'),
      },
    });
    const outputName = (config.WebACLId as { 'Fn::GetStackOutput': { OutputName: string } })[
      'Fn::GetStackOutput'
    ].OutputName;
    expect(portal.edgeTemplate.toJSON().Outputs[outputName]).toMatchObject({
      Value: { 'Fn::GetAtt': [expect.stringMatching(/^WafWebAcl/), 'Arn'] },
    });
    expect(portal.stack.dependencies.map((stack) => stack.stackName)).toContain(edgeStackNameFor('prod'));
  });

  it('deploys the built SPA: immutable assets, revalidated index.html', () => {
    const site = logicalIdOf('AWS::S3::Bucket', 'WebSite');
    const deployments = Object.values(resourcesOfType(portal.template, 'Custom::CDKBucketDeployment')).filter(
      (deployment) => JSON.stringify(deployment.Properties?.DestinationBucketName).includes(site),
    );
    expect(deployments.map((d) => JSON.stringify(d.Properties?.SystemMetadata)).sort()).toEqual([
      JSON.stringify({ 'cache-control': 'no-cache' }),
      JSON.stringify({ 'cache-control': 'public, max-age=31536000, immutable' }),
    ]);
  });
});

describe('edge stack (WAF)', () => {
  type Rule = {
    Name: string;
    Priority: number;
    Action?: Record<string, unknown>;
    OverrideAction?: Record<string, unknown>;
    Statement: Record<string, Record<string, unknown>>;
  };
  const webAcl = () =>
    Object.values(resourcesOfType(portal.edgeTemplate, 'AWS::WAFv2::WebACL'))[0]?.Properties as {
      Scope: string;
      Name: string;
      DefaultAction: unknown;
      Rules: Rule[];
      CustomResponseBodies: Record<string, { Content: string; ContentType: string }>;
    };

  it('lives in us-east-1 as EspaceEntrepriseSante-<stage>-edge, with the one CLOUDFRONT web ACL', () => {
    expect(portal.edgeStack.stackName).toBe(`${stackNameFor('prod')}-edge`);
    expect(portal.edgeStack.region).toBe(EDGE_REGION);
    expect(portal.stack.region).toBe(stageConfig('prod').env.region);
    portal.edgeTemplate.resourceCountIs('AWS::WAFv2::WebACL', 1);
    expect(webAcl()).toMatchObject({ Scope: 'CLOUDFRONT', Name: webAclNameFor(stageConfig('prod')) });
    expect(webAcl().DefaultAction).toEqual({ Allow: {} });
  });

  it('runs the AWS managed rule groups, IP reputation first', () => {
    const managed = webAcl().Rules.filter((rule) => rule.Statement.ManagedRuleGroupStatement);
    expect(managed.map((rule) => rule.Statement.ManagedRuleGroupStatement?.Name)).toEqual([
      ...MANAGED_RULE_GROUPS,
    ]);
    expect(managed.map((rule) => rule.Name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(webAcl().Rules[0]?.Name).toBe('AWSManagedRulesAmazonIpReputationList');
    for (const rule of managed) {
      expect(rule.OverrideAction, rule.Name).toEqual({ None: {} });
      expect(rule.Statement.ManagedRuleGroupStatement?.VendorName).toBe('AWS');
    }
    // Only the body size rule is relaxed (the API caps bodies at 64 KiB itself).
    const common = managed.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  it('rate-limits login, activation and password reset per IP (100 per 5 minutes), answering 429', () => {
    const rateRules = webAcl().Rules.filter((rule) => rule.Statement.RateBasedStatement);
    const byPath = new Map(
      rateRules.map((rule) => {
        const statement = rule.Statement.RateBasedStatement as {
          Limit: number;
          AggregateKeyType: string;
          EvaluationWindowSec: number;
          ScopeDownStatement: { ByteMatchStatement: Record<string, unknown> };
        };
        return [statement.ScopeDownStatement.ByteMatchStatement.SearchString, { rule, statement }] as const;
      }),
    );
    expect([...byPath.keys()].sort()).toEqual(['/api/', ...Object.values(RATE_LIMITED_AUTH_PATHS)].sort());
    expect(Object.values(RATE_LIMITED_AUTH_PATHS)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/activation', '/api/auth/password-reset']),
    );
    for (const path of Object.values(RATE_LIMITED_AUTH_PATHS)) {
      const found = byPath.get(path);
      expect(found?.statement, path).toMatchObject({
        Limit: 100,
        AggregateKeyType: 'IP',
        EvaluationWindowSec: 300,
        ScopeDownStatement: {
          ByteMatchStatement: {
            FieldToMatch: { UriPath: {} },
            PositionalConstraint: 'STARTS_WITH',
            TextTransformations: expect.arrayContaining([
              expect.objectContaining({ Type: 'URL_DECODE' }),
              expect.objectContaining({ Type: 'LOWERCASE' }),
            ]),
          },
        },
      });
      expect(found?.rule.Action, path).toEqual({
        Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' } },
      });
    }
    expect(byPath.get('/api/')?.statement.Limit).toBe(stageConfig('prod').waf.apiRequestsPer5Minutes);
    const body = webAcl().CustomResponseBodies['rate-limited'];
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body?.Content ?? '{}')).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.any(String),
    });
  });

  it('covers every public auth route, and any public route reaching Cognito, with an auth rate rule', () => {
    const limited: string[] = Object.values(RATE_LIMITED_AUTH_PATHS);
    const covered = deployedRoutes().filter(
      (r) =>
        (r.access === 'public' || r.access === 'loginAttempt') &&
        (r.path.startsWith('/auth/') || r.permissions.some((p) => p.startsWith('cognito:'))),
    );
    expect(covered.map((r) => r.id)).toEqual(
      expect.arrayContaining(['login', 'activateSpace', 'resetPassword']),
    );
    for (const route of covered) {
      // A single-use 256-bit link token: nothing to guess, no Cognito call, no message sent.
      if (route.id === 'confirmEmail') continue;
      expect(
        limited.some((prefix) => fullPath(route).startsWith(prefix)),
        `${route.method} ${fullPath(route)}`,
      ).toBe(true);
    }
  });

  it('evaluates every rule once, in order, with metrics and sampled requests', () => {
    const rules = webAcl().Rules;
    expect(rules.map((rule) => rule.Priority)).toEqual(rules.map((_, index) => index));
    portal.edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', {
      VisibilityConfig: {
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: true,
        MetricName: Match.anyValue(),
      },
    });
  });

  it('logs blocked and counted requests, cookies redacted, with the stage retention', () => {
    portal.edgeTemplate.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'),
      RetentionInDays: 365,
    });
    portal.edgeTemplate.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([{ SingleHeader: { Name: 'cookie' } }]),
      LoggingFilter: Match.objectLike({ DefaultBehavior: 'DROP' }),
    });
  });

  it('reports no unacknowledged AwsSolutions finding', () => {
    expect(nagViolations(portal.edgeStack)).toEqual([]);
  });
});

describe('messaging', () => {
  const prod = stageConfig('prod');

  it('verifies the stage mail domain with Easy DKIM and a custom MAIL FROM, under the configuration set', () => {
    expect(prod.mailFrom.endsWith(`@${prod.mailDomain}`)).toBe(true);
    portal.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: prod.mailDomain,
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: {
        MailFromDomain: `bounce.${prod.mailDomain}`,
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: logicalIdOf('AWS::SES::ConfigurationSet', 'Messaging') },
      },
    });
    const outputs = Object.keys(portal.template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs.filter((name) => name.startsWith('MessagingDkimRecord'))).toHaveLength(3);
  });

  it('has a configuration set: TLS required, suppression on bounces and complaints, reputation metrics', () => {
    portal.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'ees-prod',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('counts sending events in CloudWatch and sends bounces, complaints and rejects to the alarm topic', () => {
    const topic = logicalIdOf('AWS::SNS::Topic', 'MonitoringAlarmTopic');
    portal.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: [...SES_METRIC_EVENTS],
        CloudWatchDestination: {
          DimensionConfigurations: [
            {
              DimensionName: SES_CONFIGURATION_SET_DIMENSION,
              DimensionValueSource: 'messageTag',
              DefaultDimensionValue: 'ees-prod',
            },
          ],
        },
      }),
    });
    portal.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: [...SES_NOTIFIED_EVENTS],
        SnsDestination: { TopicARN: { Ref: topic } },
      }),
    });
    expect([...SES_NOTIFIED_EVENTS].sort()).toEqual(['bounce', 'complaint', 'reject']);
    // The encrypted topic lets SES in: topic policy (this configuration set only) and key policy.
    portal.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: Match.objectLike({ 'AWS:SourceArn': Match.anyValue() }) },
          }),
        ]),
      },
    });
    portal.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            // Merged with CloudWatch's identical grant (@aws-cdk/aws-iam:minimizePolicies).
            Principal: { Service: Match.arrayWith(['ses.amazonaws.com']) },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('sets the SNS SMS settings: transactional, sender id HCRBienEtre, the stage monthly spend limit', () => {
    const settings = Object.values(resourcesOfType(portal.template, 'Custom::SnsSmsSettings'));
    expect(settings).toHaveLength(1);
    const properties = settings[0]?.Properties as { Create: string; Update: string };
    for (const call of [properties.Create, properties.Update]) {
      expect(JSON.parse(call)).toMatchObject({
        service: 'SNS',
        action: 'setSMSAttributes',
        parameters: {
          attributes: {
            DefaultSMSType: 'Transactional',
            DefaultSenderID: SMS_SENDER_ID,
            MonthlySpendLimit: String(prod.sms.monthlySpendLimitUsd),
          },
        },
      });
    }
    expect(SMS_SENDER_ID).toBe('HCRBienEtre');
    expect(prod.sms.senderId).toBe(SMS_SENDER_ID);
    portal.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sns:SetSMSAttributes', Effect: 'Allow', Resource: '*' }] },
    });
  });
});

describe('monitoring', () => {
  const prod = stageConfig('prod');
  const alarms = () =>
    new Map(
      Object.values(resourcesOfType(portal.monitoringTemplate, 'AWS::CloudWatch::Alarm')).map((alarm) => [
        String(alarm.Properties?.AlarmName),
        alarm.Properties ?? {},
      ]),
    );

  it('keeps alarms and dashboard in their nested stack, which finds what it watches by name', () => {
    portal.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    // Functions, queues and table are found by name: the nested stack takes 3 parameters, not one per function.
    expect(Object.keys(portal.monitoringTemplate.toJSON().Parameters ?? {}).length).toBeLessThanOrEqual(4);
  });

  it('has exactly the expected alarms, each paging the alarm topic', () => {
    const expected = [
      ...[...byId.keys()].flatMap((id) => [`ees-prod-${id}-errors`, `ees-prod-${id}-throttles`]),
      ...[...scheduledJobs, ...eventTriggers].map((entry) => `ees-prod-${entry.id}-failures`),
      'ees-prod-api-5xx-rate',
      'ees-prod-table-throttles',
      'ees-prod-ses-bounce-rate',
      'ees-prod-ses-complaint-rate',
      'ees-prod-sms-spend',
    ];
    expect([...alarms().keys()].sort()).toEqual(expected.sort());
    const actions = new Set([...alarms().values()].map((alarm) => JSON.stringify(alarm.AlarmActions)));
    expect(actions.size).toBe(1);
    // The one action is the parent's alarm topic, passed to the nested stack as a parameter.
    const [parameter] = Object.keys(portal.monitoringTemplate.toJSON().Parameters ?? {}).filter((name) =>
      name.includes('MonitoringAlarmTopic'),
    );
    expect([...actions][0]).toBe(JSON.stringify([{ Ref: parameter }]));
    portal.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: prod.alarmEmail,
    });
    portal.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('watches the functions under their deployed names', () => {
    for (const [id, fn] of byId) {
      expect(alarms().get(`ees-prod-${id}-errors`), id).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: fn.properties.FunctionName }],
        Threshold: 1,
      });
      expect(alarms().get(`ees-prod-${id}-throttles`), id).toMatchObject({ MetricName: 'Throttles' });
    }
  });

  it('alarms on the API 5xx rate, not a count', () => {
    const alarm = alarms().get('ees-prod-api-5xx-rate');
    expect(alarm?.Threshold).toBe(prod.alarmThresholds.api5xxRatePercent);
    const expression = (alarm?.Metrics as { Expression?: string }[]).find((m) => m.Expression)?.Expression;
    expect(expression).toMatch(/100 \* FILL\(errors, 0\) \/ requests/);
  });

  it('alarms on DynamoDB throttles of the table and every index', () => {
    const alarm = alarms().get('ees-prod-table-throttles');
    const metrics = JSON.stringify(alarm?.Metrics);
    expect(metrics).toContain('"Value":"ees-prod"');
    for (const index of tableDefinition.globalIndexes) expect(metrics).toContain(`"Value":"${index.name}"`);
  });

  it('alarms on SES reputation and SMS spend with the stage thresholds', () => {
    expect(alarms().get('ees-prod-ses-bounce-rate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: prod.alarmThresholds.sesBounceRatePercent / 100,
    });
    expect(alarms().get('ees-prod-ses-complaint-rate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
    });
    expect(alarms().get('ees-prod-sms-spend')).toMatchObject({
      Namespace: 'AWS/SNS',
      MetricName: 'SMSMonthToDateSpentUSD',
      Threshold: (prod.sms.monthlySpendLimitUsd * prod.alarmThresholds.smsSpendPercentOfLimit) / 100,
    });
  });

  it('alarms on the depth of the outbox failure queue (the dispatcher DLQ)', () => {
    portal.flat.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'ees-prod-dispatchOutbox-failures',
    });
    expect(alarms().get('ees-prod-dispatchOutbox-failures')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: 'ees-prod-dispatchOutbox-failures' }],
      Threshold: 1,
    });
  });

  it('has one dashboard: API, functions by id, DynamoDB, failure queues, SES, SMS, CloudFront and WAF', () => {
    const dashboards = Object.values(
      resourcesOfType(portal.monitoringTemplate, 'AWS::CloudWatch::Dashboard'),
    );
    expect(dashboards).toHaveLength(1);
    portal.template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(dashboards[0]?.Properties?.DashboardName).toBe('ees-prod');
    const body = JSON.stringify(dashboards[0]?.Properties?.DashboardBody);
    for (const needle of [
      'AWS/ApiGateway',
      '5xx',
      'Latency',
      'AWS/Lambda',
      'Errors',
      'Duration',
      'AWS/DynamoDB',
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'ThrottleEvents',
      'ApproximateNumberOfMessagesVisible',
      'ees-prod-dispatchOutbox-failures',
      'AWS/SES',
      'Bounce',
      'Reputation.BounceRate',
      'SMSMonthToDateSpentUSD',
      'AWS/CloudFront',
      'AWS/WAFV2',
      'BlockedRequests',
      EDGE_REGION,
    ]) {
      expect(body, needle).toContain(needle);
    }
    // Errors and duration per route: every route is on the dashboard under its id.
    for (const route of deployedRoutes()) expect(body, route.id).toContain(`label\\":\\"${route.id}\\"`);
  });
});

describe('CloudFormation limits: 500 resources, 200 parameters, 200 outputs per template', () => {
  const count = (template: Template, section: 'Resources' | 'Parameters' | 'Outputs') =>
    Object.keys((template.toJSON()[section] ?? {}) as Record<string, unknown>).length;
  const stacks = () => [
    { path: portal.stack.node.path, template: portal.template },
    { path: portal.edgeStack.node.path, template: portal.edgeTemplate },
    ...portal.nestedStacks.map(({ stack, template }) => ({ path: stack.node.path, template })),
  ];
  const routeStacks = () =>
    portal.nestedStacks.filter(({ stack }) => stack.node.path.includes('/Api/Routes'));
  const functionsCount = () => portalEntries().length;

  it('keeps every stack, the stage stack and each nested one, at 400 resources or fewer', () => {
    expect(routeStacks().length).toBe(new Set(deployedRoutes().map((route) => route.tag)).size);
    for (const { path, template } of stacks()) {
      // Past 400, split the stack before CloudFormation refuses it: for a route stack, give some of
      // its routes a tag of their own (functions/routes.ts).
      expect(count(template, 'Resources'), path).toBeLessThanOrEqual(400);
      expect(count(template, 'Parameters'), path).toBeLessThanOrEqual(150);
      expect(count(template, 'Outputs'), path).toBeLessThanOrEqual(150);
    }
  });

  it('does not grow the stage stack with the route and job tables', () => {
    portal.template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    portal.template.resourceCountIs('AWS::ApiGatewayV2::Integration', 0);
    portal.template.resourceCountIs('AWS::Scheduler::Schedule', 0);
    portal.template.resourceCountIs('AWS::SQS::Queue', 0);
    // Only what S3 needs by the inbound bucket: one invoke permission per inbound trigger.
    portal.template.resourceCountIs(
      'AWS::Lambda::Permission',
      eventTriggers.filter((trigger) => trigger.source === 'inboundBucket').length,
    );
    // One nested stack per route tag, one for the jobs, one for the alarms.
    portal.template.resourceCountIs('AWS::CloudFormation::Stack', routeStacks().length + 2);
  });

  it('costs a tag stack at most 8 resources per route: one tag holds 50 routes within 400', () => {
    const routesIn = (template: Template) =>
      Object.keys(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).length;
    // Measured, not assumed: function, role, policy, log group, route, integration, permission.
    for (const { stack, template } of routeStacks()) {
      const perRoute = count(template, 'Resources') / routesIn(template);
      expect(perRoute, stack.node.path).toBeLessThanOrEqual(8);
    }
    // Two alarms per function: the alarms stack holds about 190 functions within 400.
    expect(count(portal.monitoringTemplate, 'Resources')).toBeLessThanOrEqual(2 * functionsCount() + 20);
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions finding', () => {
    expect(nagViolations(portal.stack)).toEqual([]);
  });

  it('leaves no error annotation on either stack', () => {
    expect(Annotations.fromStack(portal.stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(portal.edgeStack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('gives every acknowledgment a reason', () => {
    const acknowledged = acknowledgments(portal.app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, rule, reason } of acknowledged) {
      expect(reason.length, `${path} ${rule}`).toBeGreaterThan(30);
    }
  });
});
