import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { RouteDefinition } from '../functions/routes';
import { ESM_REQUIRE_BANNER } from '../lib/portal-function';
import type { BenchEnv } from './bench-env';
import { runTracked } from './children';
import { buildEvent, lambdaContext } from './invoke';
import type { BundleResult, ColdRun } from './results-types';
import type { ScenarioChoice } from './scenarios';
import { gzipSize } from './spa-assets';
import { median, ratio } from './stats';

/**
 * Every Lambda bundled as CDK's NodejsFunction does it in lib/portal-function.ts (esbuild:
 * ESM, minified, source map without sources, module/main fields, the createRequire banner,
 * the SDK bundled), then started cold in a fresh Node process — import, then a first call
 * with a representative event against the running emulators — next to a bare handler doing
 * one GetItem. The processes run with NODE_OPTIONS=--enable-source-maps, as deployed.
 */
const repoRoot = resolve(import.meta.dirname, '..');

const COLD_RUNNER = `import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const bootMs = performance.now();
const [bundle, eventFile] = process.argv.slice(2);
const { event, context } = JSON.parse(readFileSync(eventFile, 'utf8'));
Object.assign(context, { getRemainingTimeInMillis: () => 29000, done() {}, fail() {}, succeed() {} });
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const t1 = performance.now();
const res = await mod.handler(event, context);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ bootMs, importMs: t1 - t0, firstCallMs: t2 - t1, totalMs: t2 - t0,
  status: res && typeof res.statusCode === 'number' ? res.statusCode : null, cookies: (res && res.cookies) || [] }) + '\\n');
process.exit(0);
`;

export interface BundleOptions {
  coldRuns: number;
  bareRuns: number;
  workDir: string;
}

interface Built {
  file: string;
  bytes: number;
  gzipBytes: number;
  sourceMapBytes: number;
  topInputs: { name: string; bytes: number }[];
}

const packageOf = (path: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1]!;
  return path.split('/').slice(0, 2).join('/');
};

function topInputs(output: Metafile['outputs'][string] | undefined): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    totals.set(packageOf(path), (totals.get(packageOf(path)) ?? 0) + bytesInOutput);
  }
  return [...totals.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
}

/**
 * Bundles every entry in one esbuild run (node_modules parsed once). Without code splitting
 * each entry still gets its own self-contained, separately tree-shaken bundle — the same
 * output as one NodejsFunction build per function.
 */
export async function bundleAll(
  entries: Record<string, string>,
  outDir: string,
  target: string,
): Promise<Map<string, Built>> {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: entries,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
  });
  const built = new Map<string, Built>();
  for (const name of Object.keys(entries)) {
    const file = join(outDir, `${name}.mjs`);
    const content = await readFile(file);
    const map = await stat(`${file}.map`).catch(() => undefined);
    const output = Object.entries(result.metafile.outputs).find(
      ([path]) => resolve(repoRoot, path) === file,
    )?.[1];
    built.set(name, {
      file,
      bytes: content.length,
      gzipBytes: gzipSize(content),
      sourceMapBytes: map?.size ?? 0,
      topInputs: topInputs(output),
    });
  }
  return built;
}

async function coldRun(
  runner: string,
  file: string,
  payload: unknown,
  eventFile: string,
  extraEnv: Record<string, string>,
): Promise<ColdRun & { cookies: string[]; error?: string }> {
  await writeFile(eventFile, JSON.stringify(payload));
  const run = await runTracked(process.execPath, [runner, file, eventFile], {
    timeoutMs: 60_000,
    cwd: resolve(file, '..'),
    env: {
      ...process.env,
      ...extraEnv,
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ColdRun & { cookies: string[] };
  } catch {
    return {
      importMs: Number.NaN,
      firstCallMs: Number.NaN,
      totalMs: Number.NaN,
      bootMs: Number.NaN,
      status: null,
      cookies: [],
      error: `cold run failed (code ${run.code}${run.timedOut ? ', timed out' : ''}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    };
  }
}

const summarizeRuns = (runs: ColdRun[]) => {
  const ok = runs.filter((run) => Number.isFinite(run.totalMs));
  if (ok.length === 0) return null;
  return {
    runs,
    medianImportMs: median(ok.map((run) => run.importMs)),
    medianFirstCallMs: median(ok.map((run) => run.firstCallMs)),
    medianTotalMs: median(ok.map((run) => run.totalMs)),
    statuses: runs.map((run) => run.status),
  };
};

export async function measureBundles(
  env: BenchEnv,
  routeList: readonly RouteDefinition[],
  scenarioFor: (route: RouteDefinition) => ScenarioChoice,
  options: BundleOptions,
  log: (line: string) => void,
): Promise<{ bare: BundleResult; routes: BundleResult[] }> {
  const runner = join(options.workDir, 'cold-runner.mjs');
  await writeFile(runner, COLD_RUNNER);
  const eventFile = join(options.workDir, 'event.json');

  log(`  esbuild: ${routeList.length} handlers + the bare handler, one run`);
  const entries: Record<string, string> = { 'bench-bare': resolve(repoRoot, 'bench/bare-handler.ts') };
  for (const route of routeList) entries[route.id] = resolve(repoRoot, 'functions', route.handler);
  const bundles = await bundleAll(entries, join(options.workDir, 'bundles'), 'node22');
  const bareBuilt = bundles.get('bench-bare')!;
  log('  bare handler (one GetItem)');
  const bareRuns: ColdRun[] = [];
  const runBare = async (): Promise<ColdRun> => {
    const { cookies: _cookies, ...run } = await coldRun(
      runner,
      bareBuilt.file,
      { event: {}, context: {} },
      eventFile,
      {
        BENCH_BARE_PK: `COMPANY#${env.companies.big.companyId}`,
      },
    );
    bareRuns.push(run);
    return run;
  };
  for (let i = 0; i < options.bareRuns; i++) await runBare();
  const bare: BundleResult = {
    id: 'bare (one GetItem)',
    handler: 'bench/bare-handler.ts',
    localOnly: false,
    ...withoutFile(bareBuilt),
    target: 'node22',
    cold: summarizeRuns(bareRuns),
    ratioToBare: 1,
  };

  const results: BundleResult[] = [];
  for (const route of routeList) {
    const result: BundleResult = {
      id: route.id,
      handler: route.handler,
      localOnly: Boolean(route.localOnly),
      bytes: 0,
      gzipBytes: 0,
      sourceMapBytes: 0,
      topInputs: [],
      target: 'node22',
      cold: null,
      ratioToBare: null,
    };
    results.push(result);
    try {
      let built = bundles.get(route.id)!;
      Object.assign(result, withoutFile(built));
      const choice = scenarioFor(route);
      if ('skip' in choice) {
        result.note = `no cold start: ${choice.skip}`;
        continue;
      }
      const runs: (ColdRun & { error?: string })[] = [];
      // Each run is paired with a bare run just before it: the machine's load changes during
      // the phase, and the ratio must compare starts made under the same conditions.
      const pairedBare: ColdRun[] = [];
      // A slow first call (e.g. an export of 20,000 rows) gets fewer runs: at most ~20 s per function.
      const budgetEnd = Date.now() + 20_000;
      for (let i = 0; i < options.coldRuns && (i === 0 || Date.now() < budgetEnd); i++) {
        const request = await choice.scenario.next();
        const payload = { event: buildEvent(route, request, env.publicUrl), context: lambdaContext(route) };
        pairedBare.push(await runBare());
        let run = await coldRun(runner, built.file, payload, eventFile, {});
        if (run.error && /SyntaxError/.test(run.error) && result.target === 'node22') {
          // Node 20 cannot parse what esbuild emitted for node22: measure a node20 build instead.
          built = (
            await bundleAll(
              { [route.id]: entries[route.id]! },
              join(options.workDir, 'bundles-node20'),
              'node20',
            )
          ).get(route.id)!;
          result.target = 'node20 (node22 output does not run on Node 20)';
          run = await coldRun(runner, built.file, payload, eventFile, {});
        }
        const { cookies, ...figures } = run;
        runs.push(figures);
        await choice.scenario.after?.(
          { status: run.status ?? 0, body: undefined, cookies: cookies ?? [], ms: run.totalMs },
          request,
        );
      }
      result.cold = summarizeRuns(runs);
      const failed = runs.find((run) => run.error);
      if (failed) result.note = failed.error;
      result.bareMedianTotalMs = summarizeRuns(pairedBare)?.medianTotalMs ?? null;
      result.ratioToBare = ratio(result.cold?.medianTotalMs, result.bareMedianTotalMs);
      log(
        `  ${route.id}: ${(result.bytes / 1024).toFixed(0)} KB, cold ${result.cold?.medianTotalMs.toFixed(0) ?? '?'} ms (×${
          result.ratioToBare?.toFixed(2) ?? '?'
        } bare)`,
      );
    } catch (error) {
      result.error = (error as Error).message;
      log(`  ${route.id}: ${result.error}`);
    }
  }
  // Every bare run of the phase, for the bare line of the table.
  bare.cold = summarizeRuns(bareRuns);
  return { bare, routes: results };
}

const withoutFile = ({ file: _file, ...rest }: Built) => rest;
