import type { App } from 'aws-cdk-lib';
import { EdgeStack } from './edge-stack';
import { PortalStack } from './portal-stack';
import { edgeStackNameFor, stackNameFor, type StageConfig } from './stages';

export interface PortalStage {
  /** us-east-1: CloudFront's web ACL. */
  readonly edge: EdgeStack;
  /** The stage region: everything else. */
  readonly portal: PortalStack;
}

/**
 * The two stacks of a stage, as bin/portal.ts deploys them (and tests/infra synthesizes them):
 * `EspaceEntrepriseSante-<stage>-edge` in us-east-1, then `EspaceEntrepriseSante-<stage>`, which
 * reads the web ACL's ARN through a CDK cross-region reference.
 */
export function addStage(
  app: App,
  stage: StageConfig,
  options: { webDistPath?: string; documentsBuildPath?: string } = {},
): PortalStage {
  const edge = new EdgeStack(app, edgeStackNameFor(stage.name), { stage });
  const portal = new PortalStack(app, stackNameFor(stage.name), {
    stage,
    webAclArn: edge.webAclArn,
    ...(options.webDistPath ? { webDistPath: options.webDistPath } : {}),
    ...(options.documentsBuildPath ? { documentsBuildPath: options.documentsBuildPath } : {}),
  });
  return { edge, portal };
}
