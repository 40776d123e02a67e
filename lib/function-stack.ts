import { CfnParameter, NestedStack, Stack, Token } from 'aws-cdk-lib';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct, IConstruct } from 'constructs';
import type { GrantableResources } from './permissions';
import type { DataBucketName } from './storage';

export interface FunctionStackProps {
  readonly description: string;
  /** The stage stack's resources that the functions' permissions point at. */
  readonly resources: GrantableResources;
  /** The functions read the table's stream (event triggers): the stream ARN comes in too. */
  readonly tableStream?: boolean;
}

/**
 * A nested stack of portal functions (lib/api.ts: the routes of one tag; lib/jobs.ts: the jobs
 * and triggers). One route costs seven resources (function, role, policy, log group, route,
 * integration, permission): in the stage stack they would reach CloudFormation's 500-resource
 * limit within a few dozen routes, while here the stage stack does not grow with the route table.
 *
 * What the grants point at (table, buckets, user pool, configuration set) comes in through named
 * parameters of this stack and is imported from them: the IAM policies, the cdk-nag findings on
 * them and our acknowledgments (lib/permissions.ts) then all spell the same `<TableArn>/index/*`,
 * before and after CDK resolves cross-stack references. The rest of the environment is left to
 * CDK's own cross-stack references (one parameter per value used), but for the Cognito client
 * secret, which comes in as a NoEcho parameter (secretInput) so that DescribeStacks never shows it.
 */
export class FunctionStack extends NestedStack {
  /** The stage's grantable resources, imported from this stack's parameters on first use. */
  readonly resources: GrantableResources;

  /** The FunctionStack a construct belongs to. */
  static containing(scope: IConstruct): FunctionStack {
    const stack = Stack.of(scope);
    if (!(stack instanceof FunctionStack)) {
      throw new Error(`${scope.node.path} is not inside a FunctionStack (lib/function-stack.ts)`);
    }
    return stack;
  }

  constructor(scope: Construct, id: string, { description, resources, tableStream }: FunctionStackProps) {
    super(scope, id, { description });
    const { table, buckets, userPool } = resources;
    const once = <T>(make: () => T): (() => T) => {
      let value: T | undefined;
      return () => (value ??= make());
    };
    // Imported on first use: a stack only takes the parameters its functions' grants need.
    const importedTable = once(() =>
      Table.fromTableAttributes(this, 'Table', {
        tableArn: this.input('TableArn', table.tableArn),
        ...(tableStream && table.tableStreamArn
          ? { tableStreamArn: this.input('TableStreamArn', table.tableStreamArn) }
          : {}),
        // Queries on the GSIs: grants cover `<TableArn>/index/*` too.
        grantIndexPermissions: true,
      }),
    );
    const importedBucket = (name: DataBucketName) =>
      once(() => {
        const pascal = `${name[0]?.toUpperCase()}${name.slice(1)}`;
        return Bucket.fromBucketAttributes(this, `${pascal}Bucket`, {
          bucketArn: this.input(`${pascal}BucketArn`, buckets[name].bucketArn),
          bucketName: this.input(`${pascal}BucketName`, buckets[name].bucketName),
        });
      });
    const bucketImports: Record<DataBucketName, () => IBucket> = {
      uploads: importedBucket('uploads'),
      documents: importedBucket('documents'),
      generated: importedBucket('generated'),
      inbound: importedBucket('inbound'),
    };
    const importedUserPool = once(() =>
      UserPool.fromUserPoolArn(this, 'UserPool', this.input('UserPoolArn', userPool.userPoolArn)),
    );
    const configurationSetName = once(() =>
      this.input('MailConfigurationSetName', resources.mailConfigurationSetName),
    );
    this.resources = {
      get table() {
        return importedTable();
      },
      buckets: {
        get uploads() {
          return bucketImports.uploads();
        },
        get documents() {
          return bucketImports.documents();
        },
        get generated() {
          return bucketImports.generated();
        },
        get inbound() {
          return bucketImports.inbound();
        },
      },
      get userPool() {
        return importedUserPool();
      },
      mailFrom: resources.mailFrom,
      get mailConfigurationSetName() {
        return configurationSetName();
      },
    };
  }

  /**
   * A value of the stage stack, as a parameter of this stack named `name` (created once, then
   * reused); a plain value needs no parameter and is returned as is.
   */
  input(name: string, value: string): string {
    return this.parameter(name, value, false);
  }

  /** As input(), for a secret resolved by the parent (e.g. `Fn::GetAtt ClientSecret`): NoEcho. */
  secretInput(name: string, value: string): string {
    return this.parameter(name, value, true);
  }

  private parameter(name: string, value: string, noEcho: boolean): string {
    if (!Token.isUnresolved(value)) return value;
    const existing = this.node.tryFindChild(name);
    if (existing instanceof CfnParameter) return existing.valueAsString;
    if (existing) throw new Error(`${this.node.path}/${name} exists and is not a parameter`);
    const parameter = new CfnParameter(this, name, { type: 'String', noEcho });
    this.setParameter(name, value);
    return parameter.valueAsString;
  }
}
