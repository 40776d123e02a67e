import { fileURLToPath } from 'node:url';
import { type Duration, Tags, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { z } from 'zod';
import type { Access, Permission } from '../functions/routes';
import type { configSchema } from '../functions/runtime/config';
import { reservedConcurrencyFor } from './concurrency';
import { FunctionStack } from './function-stack';
import { grantPermissions } from './permissions';
import { resourcePrefix, type StageConfig, type StageName } from './stages';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Physical name of a route, job or trigger function: alarms and dashboards find it by this name. */
export const functionNameFor = (stage: StageName, id: string): string => `${resourcePrefix(stage)}-${id}`;

/** Tag keys that identify the portal's own functions (tests and cost reports rely on them). */
export const FUNCTION_KIND_TAG = 'ees:function-kind';
export const FUNCTION_ID_TAG = 'ees:function-id';
export type FunctionKind = 'route' | 'job' | 'trigger';

/** Set by the Lambda runtime (AWS_REGION) or only used locally (emulator endpoints). */
type NotSetInAws =
  'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'S3_ENDPOINT' | 'SES_ENDPOINT' | 'SNS_ENDPOINT' | 'COGNITO_ENDPOINT';

/**
 * Every variable of functions/runtime/config.ts the stack must set: a new variable in the schema
 * fails the type check (and tests/infra) until it is provided here.
 */
export type RuntimeEnvironment = Record<Exclude<keyof z.input<typeof configSchema>, NotSetInAws>, string> & {
  /** Read by the Powertools logger (and metrics, tracer), outside the config schema. */
  readonly POWERTOOLS_SERVICE_NAME: string;
  /** CloudWatch namespace of Powertools metrics. */
  readonly POWERTOOLS_METRICS_NAMESPACE: string;
};

/** Stands in for a secret the function has no use for (config.ts still requires a value). */
export const NOT_GRANTED = 'not-granted';

/**
 * Each function gets the shared configuration, minus the secrets it cannot use: the Cognito client
 * secret only with `cognito:auth`, the CloudFront origin secret only on HTTP routes, and the
 * insurer's back-office key only on `insurer` routes (the only ones that check it).
 */
function functionEnvironment(
  scope: Construct,
  { environment, kind, permissions, access }: PortalFunctionProps,
): Record<string, string> {
  const { ORIGIN_VERIFY_SECRET, INSURER_API_KEY, USER_POOL_CLIENT_SECRET, ...shared } = environment;
  return {
    ...shared,
    USER_POOL_CLIENT_SECRET: permissions.includes('cognito:auth')
      ? FunctionStack.containing(scope).secretInput('UserPoolClientSecret', USER_POOL_CLIENT_SECRET)
      : NOT_GRANTED,
    ...(kind === 'route' ? { ORIGIN_VERIFY_SECRET } : {}),
    // Unset elsewhere rather than NOT_GRANTED: config.ts takes 32 characters or nothing, and
    // nothing makes every back-office call fail (functions/runtime/auth.ts).
    ...(kind === 'route' && access === 'insurer' ? { INSURER_API_KEY } : {}),
  };
}

/** Esbuild's ESM output needs a CommonJS `require` for the SDK's dynamic `require('node:https')`. */
export const ESM_REQUIRE_BANNER =
  "import{createRequire}from'module';const require=createRequire(import.meta.url);";

export interface PortalFunctionProps {
  readonly stage: StageConfig;
  readonly kind: FunctionKind;
  /** Who may call the route (routes only): decides which secrets it receives. */
  readonly access?: Access;
  /** Route or job id: names the function `ees-<stage>-<id>`. */
  readonly id: string;
  /** Module relative to functions/, exporting `handler`. */
  readonly handler: string;
  readonly permissions: readonly Permission[];
  readonly environment: RuntimeEnvironment;
  readonly timeout: Duration;
  readonly description: string;
}

/**
 * One portal Lambda: bundled from functions/ with the local esbuild, its own role holding only
 * what `permissions` grants plus writing to its own log group, and the stage's log retention.
 * It lives in a FunctionStack (lib/function-stack.ts) and grants on that stack's `resources`.
 */
export class PortalFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id);
    const { stage } = props;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    // An explicit role instead of the managed AWSLambdaBasicExecutionRole, which may write to any log group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.kind} ${props.id} (${stage.name})`,
    });
    this.logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      functionName: functionNameFor(stage.name, props.id),
      description: props.description.slice(0, 256),
      entry: `${repoRoot}functions/${props.handler}`,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: stage.lambdaMemoryMb,
      timeout: props.timeout,
      reservedConcurrentExecutions: reservedConcurrencyFor(stage, props.permissions),
      // X-Ray segments for every invocation and its SDK calls (the API's own latency is in its access logs).
      tracing: Tracing.ACTIVE,
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        ...functionEnvironment(this, props),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the SDK too: pinned versions, tree-shaken, no dependence on the runtime's copy.
        externalModules: [],
        forceDockerBundling: false,
      },
    });
    grantPermissions(this.function, props.permissions, FunctionStack.containing(this).resources);
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: local development and CI run Node 20 (middy 6, vitest 4 are pinned for it) and the code must behave the same; 22 is the supported runtime closest to it. Move to 24 with the toolchain.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permission (plus, where declared, the account-level reads and SMS publish of lib/permissions.ts, each explained there).',
    });

    Tags.of(this).add(FUNCTION_KIND_TAG, props.kind);
    Tags.of(this).add(FUNCTION_ID_TAG, props.id);
  }
}
