/**
 * CDK app: the two stacks of the stage given with `-c stage=dev|staging|prod` (cdk.json: dev),
 * `EspaceEntrepriseSante-<stage>-edge` (us-east-1, WAF) and `EspaceEntrepriseSante-<stage>`.
 *   npx cdk synth -c stage=prod
 *   npx cdk deploy -c stage=staging --all
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addStage } from '../lib/app';
import { stageConfig } from '../lib/stages';

const app = new App();
addStage(app, stageConfig(app.node.tryGetContext('stage')));

// cdk-nag 3 is a policy-validation plugin: unacknowledged findings fail the synth, and each
// acknowledgment (Validations.of(construct).acknowledge) carries its reason next to the resource.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));

app.synth();
