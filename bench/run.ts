/**
 * `npm run bench`: starts the local stack (stage 'test', free ports, demo data), seeds a
 * company with 20,000 insured and one with 50 through the real back-office import, then
 * measures every route of the route table, the lists, API throughput, the Lambda bundles'
 * cold start and the SPA (initial JS, Lighthouse), and writes bench/results.json and
 * bench/results.md. Everything it starts is stopped at the end, on failure and on Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { routes, type RouteDefinition } from '../functions/routes';
import { startLocalStack, type LocalStack } from '../bin/local/stack';
import { BenchEnv } from './bench-env';
import { measureBundles } from './bundles';
import { killAllChildren, killAllChildrenNow, runTracked } from './children';
import { runLighthouse } from './lighthouse';
import { isListRoute, measureRawPages, measureRoute, measureRoutePair } from './measure-routes';
import { parseOptions, type BenchOptions, type Phase } from './options';
import { renderMarkdown } from './report';
import type { BenchResults, ListComparison, RawPageResult } from './results-types';
import { ScenarioBook } from './scenarios';
import { seedListData } from './seed-lists';
import { installSdkCapture, rawDynamoClient, type CapturedCall } from './sdk-capture';
import { initialJavaScript } from './spa-assets';
import { compressedStatic } from './static-gzip';
import { ratio, round } from './stats';
import { evaluateTargets, verdict } from './targets';
import { measureThroughput } from './throughput';

const repoRoot = resolve(import.meta.dirname, '..');
const started = Date.now();
const clock = () => {
  const seconds = Math.floor((Date.now() - started) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};
const log = (line: string) => console.log(`[bench ${clock()}] ${line}`);

const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((done, fail) => {
          const server = createServer();
          server.once('error', fail);
          server.listen(0, '127.0.0.1', () => done(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
};

function gitInfo(): { commit: string; uncommittedFiles: number } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    // Read-only: --no-optional-locks keeps status from refreshing the index.
    const status = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return { commit, uncommittedFiles: status.split('\n').filter(Boolean).length };
  } catch {
    return { commit: 'unknown', uncommittedFiles: 0 };
  }
}

async function buildSpa(
  options: BenchOptions,
  workDir: string,
): Promise<{ dir: string; label: string; error?: string }> {
  if (options.webDist) return { dir: resolve(options.webDist), label: `existing build ${options.webDist}` };
  const dir = join(workDir, 'web-dist');
  // vite's package exports do not include its CLI: take it from its package folder.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const run = await runTracked(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: repoRoot, timeoutMs: 300_000, env: process.env },
  );
  if (run.code !== 0) {
    // The message is at the top of vite's output, the stack at the bottom.
    const lines = `${run.stderr}\n${run.stdout}`
      .trim()
      .split('\n')
      .filter((line) => !/^\s+at /.test(line));
    return {
      dir,
      label: 'build failed',
      error: `vite build failed (code ${run.code}): ${lines.slice(0, 8).join(' | ')}`,
    };
  }
  return { dir, label: 'vite build of the working tree into a temporary directory' };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const skip = (phase: Phase) => options.skip.includes(phase);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const workDir = await mkdtemp(join(tmpdir(), 'ees-bench-'));
  const out =
    options.out ??
    (options.quick ? join(tmpdir(), 'ees-bench-quick-results') : join(repoRoot, 'bench', 'results'));
  const phases: { name: string; seconds: number }[] = [];
  let phaseStart = Date.now();
  const phaseDone = (name: string) => {
    phases.push({ name, seconds: (Date.now() - phaseStart) / 1000 });
    phaseStart = Date.now();
  };
  const git = gitInfo();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      commit: git.commit,
      uncommittedFiles: git.uncommittedFiles,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      platform: `${process.platform} ${process.arch}`,
      loadAverage: { start: loadavg().map((value) => round(value) ?? 0), end: [] },
      durationSeconds: 0,
      quick: options.quick,
      options: { ...options } as unknown as Record<string, unknown>,
      phases,
    },
    data: null,
    routes: [],
    lists: { measured: false, routes: [], rawPages: [], rawRcuRatio: null, rawLatencyRatioP50: null },
    throughput: null,
    bundles: null,
    spa: null,
    errors: [],
  };

  let stack: LocalStack | undefined;
  let stopping = false;
  const cleanUp = async () => {
    if (stopping) return;
    stopping = true;
    await killAllChildren().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping everything…`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAllChildrenNow);
  // A stray rejection must not kill the run before everything is stopped: record it.
  process.on('unhandledRejection', (reason) => {
    results.errors.push(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
    log(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });

  try {
    // The SPA builds in its own process while the stack starts and the data is imported.
    const spaBuild =
      skip('spa') && skip('lighthouse')
        ? undefined
        : buildSpa(options, workDir).catch((error: Error) => ({
            dir: '',
            label: 'build failed',
            error: error.message,
          }));
    const [apiPort, dynamodb, s3, ses, cognito, sns] = await freePorts(6);
    const spaDir = options.webDist ? resolve(options.webDist) : join(workDir, 'web-dist');
    log(`starting the local stack (stage test, API on 127.0.0.1:${apiPort}) with the demo data…`);
    stack = await startLocalStack({
      stage: 'test',
      port: apiPort!,
      host: '127.0.0.1',
      web: options.compression
        ? { middleware: compressedStatic(spaDir, [`http://127.0.0.1:${s3}`]) }
        : { distDir: spaDir, uploadOrigins: [`http://127.0.0.1:${s3}`] },
      seedDemoData: true,
      runJobTimers: false,
      emulatorPorts: { dynamodb: dynamodb!, s3: s3!, ses: ses!, cognito: cognito!, sns: sns! },
      log: (line) => {
        if (/error|erreur|impossible|fail|crash/i.test(line)) log(`  [stack] ${line}`);
      },
    });
    installSdkCapture();
    const raw = rawDynamoClient(stack.env);
    const env = new BenchEnv(stack, raw, log);
    phaseDone('stack start');

    log(
      `seeding: ${options.bigInsured.toLocaleString('en')} + ${options.smallInsured} insured and throwaway companies, through the back-office import…`,
    );
    const seedStart = Date.now();
    const heavy = options.heavyIterations + options.warmup + options.coldRuns;
    await env.seed({
      bigInsured: options.bigInsured,
      smallInsured: options.smallInsured,
      freshCount: 2 * heavy + 20,
    });
    log('seeding the new lists (pré-affiliations, dispenses, a DSN) through the product…');
    const lists = await seedListData(env, {
      perRoute: options.iterations + options.warmup + options.coldRuns + 5,
    });
    results.data = {
      big: {
        companyNumber: env.companies.big.companyNumber,
        insured: env.companies.big.insured,
        insuredIndexItems: env.companies.big.insuredIndexItems,
      },
      small: {
        companyNumber: env.companies.small.companyNumber,
        insured: env.companies.small.insured,
        insuredIndexItems: env.companies.small.insuredIndexItems,
      },
      seedSeconds: (Date.now() - seedStart) / 1000,
      lists,
    };
    phaseDone('seed');

    const book = new ScenarioBook(env);
    const routeList = routes as readonly RouteDefinition[];
    const representative = new Map<string, CapturedCall[]>();
    const measureOptions = { ...options, baseline: true };

    // Lists first: the generic writes of the routes phase (e.g. revealNir, which audits) would
    // otherwise change the big company's data and skew the 20k/50 comparison.
    if (!skip('lists')) {
      const listRoutes = routeList.filter(isListRoute);
      log(
        `lists: ${listRoutes.length === 0 ? 'no list route yet' : listRoutes.map((r) => r.id).join(', ')}; raw GSI1 pages`,
      );
      for (const route of listRoutes) {
        log(`  ${route.id}: 20k and 50 company, alternating`);
        const [big, small] = await measureRoutePair(
          env,
          route,
          [book.scenarioFor(route, 'big'), book.scenarioFor(route, 'small')],
          options,
        );
        const comparison: ListComparison = {
          id: route.id,
          path: route.path,
          big,
          small,
          rcuRatio: ratio(big.dynamodb.rcu.median, small.dynamodb.rcu.median),
          latencyRatioP50: ratio(big.latencyMs.p50, small.latencyMs.p50),
        };
        results.lists.routes.push(comparison);
      }
      const pages = await measureRawPages(
        env,
        [env.companies.big, env.companies.small],
        options.iterations,
        options.warmup,
      );
      const [bigPage, smallPage] = pages as [RawPageResult, RawPageResult];
      results.lists.rawPages = pages;
      results.lists.rawRcuRatio = ratio(bigPage.rcu, smallPage.rcu);
      results.lists.rawLatencyRatioP50 = ratio(bigPage.latencyMs.p50, smallPage.latencyMs.p50);
      results.lists.measured = true;
      phaseDone('lists');
    }

    if (!skip('routes')) {
      log(
        `routes: ${routeList.length} routes, ${options.iterations} calls each (${options.heavyIterations} for costly ones) + raw baselines`,
      );
      for (const route of routeList) {
        const { result, calls } = await measureRoute(env, route, book.scenarioFor(route), measureOptions);
        representative.set(route.id, calls);
        results.routes.push(result);
        log(
          `  ${route.id}: ${
            result.skipped
              ? `skipped (${result.skipped})`
              : `${result.dynamodb.roundTrips.typical} calls, p50 ${round(result.latencyMs.p50)} ms, baseline ${
                  round(result.baseline?.latencyMs.p50) ?? '—'
                } ms${result.error ? `, error: ${result.error}` : ''}`
          }`,
        );
      }
      phaseDone('routes');
    }

    if (!skip('throughput')) {
      // The employees list when it exists (what the GSI1 baseline is about), else any list route, else getMe.
      const id =
        options.throughputRoute ??
        (routeList.some((r) => r.id === 'listEmployees')
          ? 'listEmployees'
          : (routeList.find(isListRoute)?.id ?? 'getMe'));
      await env.ensureSessions();
      log(`throughput: ${id}`);
      try {
        const route = env.route(id);
        const choice = book.scenarioFor(route);
        if ('skip' in choice) throw new Error(choice.skip);
        let calls = representative.get(id);
        if (!calls)
          calls = (
            await measureRoute(env, route, choice, {
              ...options,
              iterations: 5,
              heavyIterations: 5,
              baseline: false,
            })
          ).calls;
        results.throughput = await measureThroughput(env, route, choice.scenario, calls, options, log);
      } catch (error) {
        results.errors.push(`throughput: ${(error as Error).message}`);
      }
      phaseDone('throughput');
    }

    if (!skip('bundles')) {
      log(`bundles: ${routeList.length} Lambdas + bare handler, ${options.coldRuns} cold starts each`);
      try {
        results.bundles = await measureBundles(
          env,
          routeList,
          (route) => book.scenarioFor(route),
          { ...options, workDir },
          log,
        );
      } catch (error) {
        results.bundles = { bare: null, routes: [], error: (error as Error).message };
        results.errors.push(`bundles: ${(error as Error).message}`);
      }
      phaseDone('bundles');
    }

    if (spaBuild) {
      log('SPA: initial JS…');
      let build = await spaBuild;
      if (build.error) {
        // Built while other people edit web/: one more try before giving up.
        log(`  ${build.error.slice(0, 300)} — building again`);
        build = await buildSpa(options, workDir).catch((error: Error) => ({
          dir: '',
          label: 'build failed',
          error: error.message,
        }));
      }
      results.spa = {
        built: build.label,
        initialJs: [],
        initialJsBytes: 0,
        initialJsGzipBytes: 0,
        css: [],
        lighthouse: null,
        error: build.error,
      };
      if (!build.error) {
        try {
          const { files, css } = await initialJavaScript(build.dir);
          results.spa.initialJs = files;
          results.spa.css = css;
          results.spa.initialJsBytes = files.reduce((sum, file) => sum + file.bytes, 0);
          results.spa.initialJsGzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
        } catch (error) {
          results.spa.error = (error as Error).message;
        }
        if (!skip('lighthouse')) {
          log(`Lighthouse: 3 pages × ${options.lighthouseRuns} run(s) in headless chromium…`);
          await env.ensureSessions();
          const cookie = env.sessionCookieHeader(env.admins.big);
          try {
            results.spa.lighthouse = await runLighthouse(
              stack.url,
              [
                { name: 'login', path: '/connexion' },
                { name: 'home', path: '/', cookie },
                { name: 'employees', path: '/salaries', cookie },
              ],
              { chromiumPath: options.chromium, workDir, runs: options.lighthouseRuns },
              log,
            );
          } catch (error) {
            results.spa.lighthouse = {
              version: '',
              formFactor: '',
              pages: [],
              error: (error as Error).message,
            };
            results.errors.push(`lighthouse: ${(error as Error).message}`);
          }
        }
      } else {
        results.errors.push(build.error);
      }
      phaseDone('spa');
    }
  } catch (error) {
    results.errors.push(`aborted: ${(error as Error).stack ?? String(error)}`);
    log(`failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    log('stopping the stack and every child process…');
    await cleanUp();
  }

  results.meta.durationSeconds = (Date.now() - started) / 1000;
  results.meta.loadAverage.end = loadavg().map((value) => round(value) ?? 0);
  await writeFile(`${out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${out}.md`, renderMarkdown(results));
  log(`results: ${out}.json and ${out}.md (${(results.meta.durationSeconds / 60).toFixed(1)} min)`);
  const checks = evaluateTargets(results);
  for (const check of checks.filter((c) => c.pass !== true)) {
    log(
      `  ${verdict(check.pass)} ${check.group} — ${check.subject}: ${check.measured} (target ${check.limit})`,
    );
  }
  return results.errors.some((error) => error.startsWith('aborted')) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
