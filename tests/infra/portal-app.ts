import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnResource, NestedStack, type Stack, Validations } from 'aws-cdk-lib';
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
  /** Built documents pratiques to deploy; undefined = a directory without manifest (no deployment). */
  readonly documentsBuildPath?: string;
}

export interface SynthesizedPortal {
  readonly app: App;
  /** The stage-region PortalStack. */
  readonly stack: Stack;
  /** The PortalStack's own template (its nested stacks appear as AWS::CloudFormation::Stack). */
  readonly template: Template;
  /**
   * The PortalStack and all its nested stacks as one template, to follow references across them:
   * a nested stack's `{ Ref: <parameter> }` is replaced by what the parent passes to it, and the
   * parent's `Fn::GetAtt <nested stack>.Outputs.<name>` by that output's value. Logical ids are
   * those of each resource's own template.
   */
  readonly flat: Template;
  /** Every nested stack of the PortalStack, with its template. */
  readonly nestedStacks: readonly { readonly stack: NestedStack; readonly template: Template }[];
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
    documentsBuildPath: options.documentsBuildPath ?? mkdtempSync(join(tmpdir(), 'ees-no-documents-')),
  });
  // One synthesis for every template: Template.fromStack would synthesize the app again per stack.
  const assembly = app.synth();
  const templateOf = (stack: Stack) =>
    Template.fromJSON(
      stack.nestedStackParent
        ? (JSON.parse(readFileSync(join(assembly.directory, stack.templateFile), 'utf8')) as object)
        : (assembly.getStackArtifact(stack.artifactId).template as object),
    );
  const template = templateOf(portal);
  const observability = portal.monitoring.observability;
  if (!observability) throw new Error('The PortalStack has no observability nested stack');
  const nestedStacks = portal.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct))
    .map((nested) => ({ stack: nested, template: templateOf(nested) }));
  return {
    app,
    stack: portal,
    template,
    flat: flatten(portal, template, nestedStacks),
    nestedStacks,
    monitoringTemplate: templateOf(observability),
    edgeStack: edge,
    edgeTemplate: templateOf(edge),
    assemblyDir: assembly.directory,
  };
}

type Json = unknown;

/** The Parameters the parent stack passes to one of its nested stacks. */
export function parametersPassedTo(portal: SynthesizedPortal, nested: NestedStack): Record<string, Json> {
  const logicalId = portal.stack.resolve((nested.nestedStackResource as CfnResource).logicalId) as string;
  const resources = portal.template.toJSON().Resources as Resources;
  return (resources[logicalId]?.Properties?.Parameters ?? {}) as Record<string, Json>;
}

/** Replaces, anywhere in `node`, each value `replace` returns something for. */
function substitute(node: Json, replace: (value: Json) => Json | undefined): Json {
  const replaced = replace(node);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(node)) return node.map((item) => substitute(item, replace));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value, replace)]));
  }
  return node;
}

/** See SynthesizedPortal.flat. */
function flatten(
  parent: Stack,
  parentTemplate: Template,
  nestedStacks: readonly { stack: NestedStack; template: Template }[],
): Template {
  const parentJson = parentTemplate.toJSON() as { Resources: Resources; Outputs?: Record<string, Json> };
  const resources: Record<string, Json> = { ...parentJson.Resources };
  const outputsOf = new Map<string, Record<string, Json>>();
  for (const { stack: nested, template } of nestedStacks) {
    if (nested.nestedStackParent !== parent) throw new Error(`${nested.node.path}: nested twice`);
    const logicalId = parent.resolve((nested.nestedStackResource as CfnResource).logicalId) as string;
    const passed = (parentJson.Resources[logicalId]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    const json = substitute(template.toJSON(), (value) => {
      const ref = (value as { Ref?: unknown } | null)?.Ref;
      return typeof ref === 'string' && ref in passed ? passed[ref] : undefined;
    }) as { Resources: Record<string, Json>; Outputs?: Record<string, { Value: Json }> };
    for (const [id, resource] of Object.entries(json.Resources)) {
      if (id in resources) throw new Error(`Logical id ${id} is in two stacks: flat cannot tell them apart`);
      resources[id] = resource;
    }
    outputsOf.set(
      logicalId,
      Object.fromEntries(Object.entries(json.Outputs ?? {}).map(([name, output]) => [name, output.Value])),
    );
  }
  const readNestedOutput = (value: Json) => {
    const getAtt = (value as { 'Fn::GetAtt'?: unknown } | null)?.['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || typeof getAtt[1] !== 'string' || !getAtt[1].startsWith('Outputs.')) {
      return undefined;
    }
    return outputsOf.get(getAtt[0] as string)?.[getAtt[1].slice('Outputs.'.length)];
  };
  return Template.fromJSON(
    substitute({ ...parentJson, Resources: resources }, readNestedOutput) as Record<string, unknown>,
  );
}

/** A minimal built SPA, so that tests do not depend on web/dist having been built. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ees-web-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  return dir;
}

/** A minimal documents build (bin/build-documents.ts's layout), so that tests need no PDF rendering. */
export function fakeDocumentsBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ees-documents-'));
  writeFileSync(join(dir, 'guide.pdf'), '%PDF-1.7\n%test\n');
  writeFileSync(join(dir, 'manifest.json'), '[]');
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
