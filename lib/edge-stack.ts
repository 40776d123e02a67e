import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EDGE_REGION, type StageConfig } from './stages';
import { WebAcl } from './waf';

export interface EdgeStackProps extends Omit<StackProps, 'env' | 'crossRegionReferences'> {
  readonly stage: StageConfig;
}

/**
 * The us-east-1 part of a stage: CloudFront only accepts a WAF web ACL of that region. Its ARN
 * reaches the stage's PortalStack as a CDK cross-region reference (`crossRegionReferences` on both
 * stacks). cdk.json makes references weak (`@aws-cdk/core:defaultCrossStackReferences`), so CDK
 * renders it as CloudFormation's `Fn::GetStackOutput` (this stack's output, read in us-east-1 when
 * the PortalStack deploys): no custom resource, no SSM parameter, no export lock between the
 * stacks. The PortalStack depends on this one, so `cdk deploy --all` deploys it first.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;

  constructor(scope: Construct, id: string, { stage, ...props }: EdgeStackProps) {
    super(scope, id, {
      ...props,
      env: { account: stage.env.account, region: EDGE_REGION },
      crossRegionReferences: true,
      description: `Espace Entreprise Santé (${stage.name}): CloudFront web ACL (us-east-1)`,
      terminationProtection: stage.deletionProtection,
    });
    Tags.of(this).add('project', 'espace-entreprise-sante');
    Tags.of(this).add('stage', stage.name);

    this.webAcl = new WebAcl(this, 'Waf', { stage });
  }

  get webAclArn(): string {
    return this.webAcl.webAcl.attrArn;
  }
}
