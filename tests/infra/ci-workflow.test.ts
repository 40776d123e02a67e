/**
 * The GitHub Actions workflow, offline: schema-checked by action-validator (the same check GitHub
 * runs on push), then the deployment rules of issue #10 read from its text.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workflowPath = join(repoRoot, '.github/workflows/ci-cd.yml');
const workflow = readFileSync(workflowPath, 'utf8');
const validator = join(repoRoot, 'node_modules/.bin/action-validator');

const validate = (path: string) => spawnSync(validator, [path], { encoding: 'utf8', timeout: 60_000 });

/** The text of each job under `jobs:`, by job id (two-space indented keys). */
function jobs(): Map<string, string> {
  const lines = workflow.slice(workflow.indexOf('\njobs:\n') + '\njobs:\n'.length).split('\n');
  const byId = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines) {
    const start = /^ {2}([\w-]+):\s*$/.exec(line);
    if (start?.[1]) current = start[1];
    if (current) byId.set(current, `${byId.get(current) ?? ''}${line}\n`);
  }
  return byId;
}

const DEPLOYS = [
  { job: 'deploy-dev', stage: 'dev', environment: 'dev', needs: 'ci' },
  { job: 'deploy-staging', stage: 'staging', environment: 'staging', needs: 'deploy-dev' },
  { job: 'deploy-prod', stage: 'prod', environment: 'production', needs: 'deploy-staging' },
] as const;

describe('.github/workflows/ci-cd.yml', () => {
  it('passes action-validator', () => {
    const result = validate(workflowPath);
    expect(result.error, 'the action-validator binary must run here').toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it('is checked for real: a broken copy fails action-validator', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'ees-workflow-')), 'broken.yml');
    writeFileSync(broken, workflow.replace('needs: deploy-dev', 'needs: deploy-nowhere'));
    const result = validate(broken);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('unresolved job deploy-nowhere');
  });

  it('runs .ci/run on pull requests and on pushes to main, on Node 20 with the npm cache', () => {
    expect(workflow).toMatch(/^on:\n {2}pull_request:\n {2}push:\n {4}branches: \[main\]\n/m);
    const ci = jobs().get('ci') ?? '';
    expect(ci).toContain('run: bash .ci/run');
    expect(ci).not.toContain('if:');
    for (const [id, job] of jobs()) {
      expect(job, id).toContain('uses: actions/setup-node@v4');
      expect(job, id).toMatch(/node-version: 20\n\s+cache: npm/);
    }
  });

  it('deploys dev, then staging, then prod, only from main, behind the GitHub environments', () => {
    expect([...jobs().keys()]).toEqual(['ci', ...DEPLOYS.map((d) => d.job)]);
    for (const { job, environment, needs } of DEPLOYS) {
      const text = jobs().get(job) ?? '';
      expect(text, job).toContain(`environment: ${environment}`);
      expect(text, job).toContain(`needs: ${needs}`);
    }
    expect(jobs().get('deploy-dev')).toContain(
      "if: github.event_name == 'push' && github.ref == 'refs/heads/main'",
    );
  });

  it('reaches AWS through OIDC role assumption only, never long-lived keys', () => {
    expect(workflow).toMatch(/^permissions:\n {2}contents: read\n/m);
    expect(workflow).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/i);
    expect(workflow).not.toContain('secrets.');
    for (const { job } of DEPLOYS) {
      const text = jobs().get(job) ?? '';
      expect(text, job).toMatch(/permissions:\n\s+contents: read\n\s+id-token: write/);
      expect(text, job).toContain('uses: aws-actions/configure-aws-credentials@v4');
      expect(text, job).toContain('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    }
    expect(jobs().get('ci')).not.toContain('id-token');
  });

  it('builds the SPA and the documents pratiques, shows cdk diff, then deploys both stacks without a prompt', () => {
    for (const { job, stage } of DEPLOYS) {
      const text = jobs().get(job) ?? '';
      const build = text.indexOf('npm run build:web');
      // The stack deploys .build/documents only if it exists at synth time (lib/storage.ts).
      const buildDocuments = text.indexOf('npm run build:documents');
      const credentials = text.indexOf('configure-aws-credentials');
      const diff = text.indexOf(`npx cdk diff -c stage=${stage}`);
      const deploy = text.indexOf(`npx cdk deploy -c stage=${stage} --all --require-approval never`);
      expect(
        [build, buildDocuments, credentials, diff, deploy].every((index) => index > 0),
        job,
      ).toBe(true);
      expect(build, job).toBeLessThan(diff);
      expect(buildDocuments, job).toBeLessThan(diff);
      expect(credentials, job).toBeLessThan(diff);
      expect(diff, job).toBeLessThan(deploy);
      expect(text, job).toContain('GITHUB_STEP_SUMMARY');
    }
  });
});
