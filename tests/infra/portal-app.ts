import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addStage } from '../../lib/app';
import type { StageConfig } from '../../lib/stages';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

export interface SynthOptions {
  /**
   * false skips esbuild (CDK's `aws:cdk:bundling-stacks` context): for files that only inspect the
   * template. The prod file bundles for real.
   */
  readonly bundle: boolean;
  /** Built SPA to deploy; undefined = a directory without index.html (no deployment). */
  readonly webDistPath?: string;
}

export interface SynthesizedPortal {
  readonly app: App;
  /** The stage-region PortalStack. */
  readonly stack: Stack;
  readonly template: Template;
  /** The PortalStack's nested stack of alarms and the dashboard. */
  readonly monitoringTemplate: Template;
  /** The us-east-1 EdgeStack (WAF). */
  readonly edgeStack: Stack;
  readonly edgeTemplate: Template;
  /** Cloud assembly directory (bundled assets live there). */
  readonly assemblyDir: string;
}

/** Builds the stage's stacks the way bin/portal.ts does, with cdk.json's feature flags, and synthesizes them. */
export function synthesizePortal(stage: StageConfig, options: SynthOptions): SynthesizedPortal {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'ees-cdk-')),
    context: {
      ...cdkJson.context,
      stage: stage.name,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const { edge, portal } = addStage(app, stage, {
    webDistPath: options.webDistPath ?? mkdtempSync(join(tmpdir(), 'ees-no-web-dist-')),
  });
  const template = Template.fromStack(portal);
  const edgeTemplate = Template.fromStack(edge);
  const observability = portal.monitoring.observability;
  if (!observability) throw new Error('The PortalStack has no observability nested stack');
  return {
    app,
    stack: portal,
    template,
    monitoringTemplate: Template.fromStack(observability),
    edgeStack: edge,
    edgeTemplate,
    assemblyDir: app.synth().directory,
  };
}

/** A minimal built SPA, so that tests do not depend on web/dist having been built. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ees-web-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  return dir;
}

/** cdk-nag's AwsSolutions pack run on the stack: violations left after acknowledgments. */
export function nagViolations(stack: Stack): { rule: string; paths: string[] }[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.map((violation) => ({
    rule: violation.ruleName,
    paths: violation.violatingResources.map(
      (resource) => resource.constructPath ?? resource.resourceLogicalId ?? '?',
    ),
  }));
}

export type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown> } & Record<string, unknown>
>;

export const resourcesOfType = (template: Template, type: string): Resources =>
  template.findResources(type) as Resources;

export const tagValue = (properties: Record<string, unknown> | undefined, key: string): string | undefined =>
  (properties?.Tags as { Key: string; Value: string }[] | undefined)?.find((tag) => tag.Key === key)?.Value;

/** Every cdk-nag acknowledgment recorded in the app (Validations.of(...).acknowledge), with its reason. */
export function acknowledgments(app: App): { path: string; rule: string; reason: string }[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
          path: construct.node.path,
          rule,
          reason,
        })),
      ),
  );
}
