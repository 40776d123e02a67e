import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runTracked, spawnTracked, stopChild } from './children';
import type { LighthousePage } from './results-types';

/**
 * Lighthouse 12.2.3 (its CLI, in its own process) on pages of the SPA served by the local
 * stack, in the Debian chromium we start ourselves (headless, loopback only, its own
 * profile), so it is always stopped with the benchmark. Signed-in pages get the session
 * cookie through Lighthouse's extraHeaders. Lighthouse defaults: mobile form factor,
 * simulated throttling (slow 4G, 4× CPU slowdown).
 */
export interface LighthouseTarget {
  name: string;
  path: string;
  cookie?: string;
}

const lighthouseCli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitForDevTools(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`chromium did not open its DevTools port ${port} within ${timeoutMs / 1000} s`);
}

interface Lhr {
  lighthouseVersion: string;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  configSettings: { formFactor: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      details?: { items?: Record<string, unknown>[] };
    }
  >;
}

const score = (lhr: Lhr, id: string) => {
  const value = lhr.categories[id]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
};
const numeric = (lhr: Lhr, id: string) => {
  const value = lhr.audits[id]?.numericValue;
  return value === undefined ? null : Math.round(value * 1000) / 1000;
};

export async function runLighthouse(
  baseUrl: string,
  targets: readonly LighthouseTarget[],
  options: { chromiumPath: string; workDir: string; runs: number },
  log: (line: string) => void,
): Promise<{ version: string; formFactor: string; pages: LighthousePage[] }> {
  const profile = join(options.workDir, 'chromium-profile');
  await mkdir(profile, { recursive: true });
  const port = await freePort();
  const chromium = spawnTracked(
    options.chromiumPath,
    [
      '--headless=new',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--remote-debugging-address=127.0.0.1',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-default-apps',
      '--metrics-recording-only',
      '--mute-audio',
      '--password-store=basic',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const pages: LighthousePage[] = [];
  let version = '';
  let formFactor = '';
  try {
    await waitForDevTools(port, 20_000);
    let n = 0;
    const runOnce = async (target: LighthouseTarget): Promise<LighthousePage> => {
      n += 1;
      const url = `${baseUrl}${target.path}`;
      const page: LighthousePage = {
        name: target.name,
        path: target.path,
        signedIn: Boolean(target.cookie),
        finalUrl: '',
        scores: { performance: null, accessibility: null, bestPractices: null },
        metrics: { fcpMs: null, lcpMs: null, tbtMs: null, cls: null, speedIndexMs: null },
        failedAudits: [],
      };
      const output = join(options.workDir, `lighthouse-${n}.json`);
      const headersFile = join(options.workDir, `lighthouse-headers-${n}.json`);
      await writeFile(headersFile, JSON.stringify(target.cookie ? { Cookie: target.cookie } : {}));
      const run = await runTracked(
        process.execPath,
        [
          lighthouseCli,
          url,
          `--port=${port}`,
          '--hostname=127.0.0.1',
          '--output=json',
          `--output-path=${output}`,
          '--only-categories=performance,accessibility,best-practices',
          `--extra-headers=${headersFile}`,
          '--disable-full-page-screenshot',
          '--enable-error-reporting=false',
          '--max-wait-for-load=45000',
          '--quiet',
        ],
        { timeoutMs: 150_000, env: { ...process.env, CHROME_PATH: options.chromiumPath } },
      );
      if (run.code !== 0) {
        page.error = `lighthouse exited with ${run.code}${run.timedOut ? ' (timed out)' : ''}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
        return page;
      }
      const lhr = JSON.parse(await readFile(output, 'utf8')) as Lhr;
      version = lhr.lighthouseVersion;
      formFactor = lhr.configSettings.formFactor;
      if (lhr.runtimeError) page.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
      page.finalUrl = (lhr.finalDisplayedUrl ?? '').replace(baseUrl, '');
      page.scores = {
        performance: score(lhr, 'performance'),
        accessibility: score(lhr, 'accessibility'),
        bestPractices: score(lhr, 'best-practices'),
      };
      page.metrics = {
        fcpMs: numeric(lhr, 'first-contentful-paint'),
        lcpMs: numeric(lhr, 'largest-contentful-paint'),
        tbtMs: numeric(lhr, 'total-blocking-time'),
        cls: numeric(lhr, 'cumulative-layout-shift'),
        speedIndexMs: numeric(lhr, 'speed-index'),
      };
      for (const category of ['performance', 'accessibility', 'best-practices']) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || audit.score === null || audit.score >= 0.9) continue;
          if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
          if (category === 'performance' && ref.weight === 0 && audit.score >= 0.5) continue;
          // What the console said, which issue Chrome raised: enough to find it without the report.
          const detail =
            category === 'best-practices'
              ? (audit.details?.items ?? [])
                  .slice(0, 2)
                  .map((item) => String(item.description ?? item.issueType ?? item.url ?? '').slice(0, 160))
                  .filter(Boolean)
                  .join(' / ')
              : '';
          page.failedAudits.push({ category, id: ref.id, title: audit.title, ...(detail ? { detail } : {}) });
        }
      }
      return page;
    };
    for (const target of targets) {
      log(`  ${target.name} (${target.path})${target.cookie ? ', signed in' : ''}, ${options.runs} run(s)`);
      const runs: LighthousePage[] = [];
      for (let r = 0; r < options.runs; r++) runs.push(await runOnce(target));
      // The run with the median performance score stands for the page (Lighthouse's own advice).
      const scored = runs.filter((run) => run.scores.performance !== null);
      scored.sort((a, b) => a.scores.performance! - b.scores.performance!);
      const chosen = scored[Math.floor((scored.length - 1) / 2)] ?? runs[runs.length - 1]!;
      chosen.performanceRuns = runs.map((run) => run.scores.performance);
      pages.push(chosen);
    }
  } finally {
    await stopChild(chromium, 3_000);
  }
  return { version, formFactor, pages };
}
