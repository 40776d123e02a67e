/**
 * CDK app: one PortalStack for the stage given with `-c stage=dev|staging|prod` (cdk.json: dev).
 *   npx cdk synth -c stage=prod
 *   npx cdk deploy -c stage=staging
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PortalStack } from '../lib/portal-stack';
import { stackNameFor, stageConfig } from '../lib/stages';

const app = new App();
const stage = stageConfig(app.node.tryGetContext('stage'));

new PortalStack(app, stackNameFor(stage.name), { stage });

// cdk-nag 3 is a policy-validation plugin: unacknowledged findings fail the synth, and each
// acknowledgment (Validations.of(construct).acknowledge) carries its reason next to the resource.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));

app.synth();
