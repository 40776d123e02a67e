import { Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Permission } from '../functions/routes';
import { wildcardActionFinding, wildcardResourceFinding } from './nag';
import type { DataBucketName } from './storage';

/** What the route and job tables' permissions can point at. */
export interface GrantableResources {
  readonly table: ITable;
  readonly buckets: Record<DataBucketName, IBucket>;
  readonly userPool: IUserPool;
  /** The sender address; SES sends are only allowed from it. */
  readonly mailFrom: string;
  /**
   * The SES configuration set applied by default to every message of the sending identity: SES
   * authorizes a send against the configuration set too.
   */
  readonly mailConfigurationSetName: string;
}

/**
 * Turns a route's (or job's) declared permissions into IAM grants on its own role, and nothing
 * else: a Record, so a new Permission does not compile until it is mapped here.
 */
export function grantPermissions(
  fn: IFunction,
  permissions: readonly Permission[],
  resources: GrantableResources,
): void {
  const granted = new Set(permissions);
  // Read-write already includes read.
  if (granted.has('table:write')) granted.delete('table:read');
  for (const permission of granted) grants[permission](fn, resources);
}

type GrantFn = (fn: IFunction, resources: GrantableResources) => void;

const allow = (actions: string[], resources: string[], conditions?: PolicyStatement['conditions']) =>
  new PolicyStatement({ effect: Effect.ALLOW, actions, resources, ...(conditions ? { conditions } : {}) });

/** Records, on the function's role, why a wildcard a grant produced is the least we can ask for. */
const acknowledge = (fn: IFunction, findings: string[], reason: string) => {
  if (!fn.role) throw new Error(`${fn.node.path} has no role to grant to`);
  Validations.of(fn.role).acknowledge(...findings.map((id) => ({ id, reason })));
};

const grantTable = (fn: IFunction, table: ITable, write: boolean) => {
  if (write) table.grantReadWriteData(fn);
  else table.grantReadData(fn);
  acknowledge(
    fn,
    [wildcardResourceFinding(fn, `${table.tableArn}/index/*`)],
    'Queries on the GSIs of our single table: the index ARNs of that one table.',
  );
};

const grantBucketRead = (fn: IFunction, bucket: IBucket) => {
  bucket.grantRead(fn);
  acknowledge(
    fn,
    [
      wildcardActionFinding('s3:GetObject*'),
      wildcardActionFinding('s3:GetBucket*'),
      wildcardActionFinding('s3:List*'),
      wildcardResourceFinding(fn, `${bucket.bucketArn}/*`),
    ],
    'Read-only actions (Get*/List*) on the objects of one bucket; object keys are chosen at run time.',
  );
};

const grantBucketPut = (fn: IFunction, bucket: IBucket) => {
  bucket.grantPut(fn);
  acknowledge(
    fn,
    [wildcardActionFinding('s3:Abort*'), wildcardResourceFinding(fn, `${bucket.bucketArn}/*`)],
    'Writes (and aborts of multipart writes) of new objects in one bucket; object keys are chosen at run time.',
  );
};

const grants: Record<Permission, GrantFn> = {
  'table:read': (fn, { table }) => grantTable(fn, table, false),
  'table:write': (fn, { table }) => grantTable(fn, table, true),
  'uploads:read': (fn, { buckets }) => grantBucketRead(fn, buckets.uploads),
  'uploads:write': (fn, { buckets }) => grantBucketPut(fn, buckets.uploads),
  'documents:read': (fn, { buckets }) => grantBucketRead(fn, buckets.documents),
  'generated:read': (fn, { buckets }) => grantBucketRead(fn, buckets.generated),
  'generated:write': (fn, { buckets }) => grantBucketPut(fn, buckets.generated),
  'inbound:read': (fn, { buckets }) => grantBucketRead(fn, buckets.inbound),
  'inbound:write': (fn, { buckets }) => grantBucketPut(fn, buckets.inbound),
  'cognito:auth': (fn, { userPool }) =>
    fn.addToRolePolicy(
      allow(['cognito-idp:InitiateAuth', 'cognito-idp:RevokeToken'], [userPool.userPoolArn]),
    ),
  // Listed rather than `Admin*`: the user lifecycle of PRODUCT.md §3, nothing that could bypass our MFA.
  'cognito:admin': (fn, { userPool }) =>
    fn.addToRolePolicy(
      allow(
        [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminDeleteUser',
          'cognito-idp:AdminUserGlobalSignOut',
        ],
        [userPool.userPoolArn],
      ),
    ),
  'ses:send': (fn, { mailFrom, mailConfigurationSetName }) => {
    const stack = Stack.of(fn);
    const identities = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    const configurationSet = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: mailConfigurationSetName,
    });
    fn.addToRolePolicy(
      allow(['ses:SendEmail', 'ses:SendRawEmail'], [identities, configurationSet], {
        StringEquals: { 'ses:FromAddress': mailFrom },
      }),
    );
    acknowledge(
      fn,
      [wildcardResourceFinding(fn, identities)],
      "Any SES identity of the account and region, because a sandboxed account also authorises the recipients' identities; the condition pins the sender to MAIL_FROM.",
    );
  },
  'sns:publish': (fn) => {
    const stack = Stack.of(fn);
    fn.addToRolePolicy(
      allow(['sns:Publish'], ['*'], { StringEquals: { 'aws:RequestedRegion': stack.region } }),
    );
    // The deny keeps that `*` to SMS: no topic or platform endpoint, of any account, can be published to.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['sns:Publish'],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
    );
    acknowledge(
      fn,
      [wildcardResourceFinding(fn, '*')],
      'SMS go straight to a phone number, which has no ARN: IAM only accepts Resource "*" for that Publish. An explicit Deny on every SNS ARN restricts it to SMS, and the region is pinned.',
    );
  },
  // The probes of adapters/probes/dependency-probes.ts, nothing more.
  'health:probe': (fn, { table, buckets, userPool }) => {
    fn.addToRolePolicy(allow(['dynamodb:DescribeTable'], [table.tableArn]));
    // HeadBucket is authorised by s3:ListBucket.
    fn.addToRolePolicy(allow(['s3:ListBucket'], [buckets.uploads.bucketArn]));
    fn.addToRolePolicy(allow(['cognito-idp:DescribeUserPool'], [userPool.userPoolArn]));
    fn.addToRolePolicy(allow(['ses:GetAccount', 'sns:GetSMSAttributes'], ['*']));
    acknowledge(
      fn,
      [wildcardResourceFinding(fn, '*')],
      'ses:GetAccount and sns:GetSMSAttributes are account-level reads that have no resource type in IAM.',
    );
  },
};
