import type { BenchResults, RouteResult } from './results-types';
import type { ListDataSeed } from './seed-lists';
import { evaluateTargets, kb, verdict } from './targets';

/** bench/results.md: every figure with one line saying what it is. */
const ms = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const times = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `×${value.toFixed(2)}`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: (string | number)[]) => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
const table = (header: string[], rows: (string | number)[][]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

const frequenciesText = (values: string[]) =>
  [...new Set(values)].map((value) => `${value}×${values.filter((v) => v === value).length}`).join(', ');

function routeNotes(route: RouteResult): string {
  const notes: string[] = [];
  if (route.localOnly) notes.push('local only (never deployed)');
  if (route.generic) notes.push('generic request');
  const unexpected = route.statuses.filter((s) => !route.expectedStatuses.includes(s.value));
  if (unexpected.length > 0)
    notes.push(`⚠ unexpected status ${unexpected.map((s) => `${s.value}×${s.count}`).join(', ')}`);
  if (route.outcomes.length > 1)
    notes.push(`paths: ${route.outcomes.map((o) => `${o.value}×${o.count}`).join(', ')}`);
  if (route.dynamodb.operations.length > 1) {
    notes.push(
      `other call sets: ${route.dynamodb.operations
        .slice(1)
        .map((o) => `${o.value} ×${o.count}`)
        .join('; ')}`,
    );
  }
  if (route.duplicateReads && route.duplicateReads.length > 0)
    notes.push(`⚠ ${route.duplicateReads.join('; ')}`);
  if (route.probeMismatches > 0)
    notes.push(`⚠ probe/capture disagree on ${route.probeMismatches} request(s)`);
  if (route.baseline?.note) notes.push(route.baseline.note);
  if (route.baselineNote) notes.push(route.baselineNote);
  if (route.error) notes.push(`⚠ ${route.error}`);
  if (route.skipped) notes.push(`skipped: ${route.skipped}`);
  return notes.join('; ');
}

export function renderMarkdown(results: BenchResults): string {
  const { meta } = results;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const checks = evaluateTargets(results);
  const failed = checks.filter((check) => check.pass === false);

  push(
    '# Benchmark — Espace Entreprise Santé',
    '',
    `Produced by \`npm run bench\` (bench/run.ts) on ${meta.date}${meta.quick ? ' — **QUICK RUN (reduced data and iterations): not comparable**' : ''}.`,
    '',
    `- **Commit** \`${meta.commit}\`${meta.uncommittedFiles > 0 ? ` + ${meta.uncommittedFiles} uncommitted file(s) in the working tree` : ''}`,
    `- **Machine** ${meta.cpus} × ${meta.cpuModel}, ${meta.memoryGb} GB RAM, ${meta.platform}, Node ${meta.node}; load average ${meta.loadAverage.start.join(' / ')} at start, ${meta.loadAverage.end.join(' / ')} at end (1/5/15 min: above ${meta.cpus} means other work competed for the cores)`,
    `- **Run time** ${(meta.durationSeconds / 60).toFixed(1)} min (${meta.phases.map((p) => `${p.name} ${p.seconds.toFixed(0)} s`).join(', ')})`,
  );
  if (results.data) {
    push(
      `- **Data** a company with ${results.data.big.insured.toLocaleString('en')} insured (${results.data.big.insuredIndexItems.toLocaleString('en')} affiliations in its GSI1 list partition) and one with ${results.data.small.insured} (${results.data.small.insuredIndexItems}), plus the demo data, all loaded through the real back-office import in ${results.data.seedSeconds.toFixed(0)} s`,
    );
    const lists = results.data.lists;
    if (lists) {
      const counts = (c: ListDataSeed['big']) =>
        `${c.affiliationRequests.toLocaleString('en')} pré-affiliations (${c.courriers.toLocaleString('en')} by courrier), ${c.dispenses.toLocaleString('en')} dispenses asked, ${(c.notAffiliated + c.endedStillAffiliated).toLocaleString('en')} DSN anomalies`;
      push(
        `- **Lists of issues #7 and #8** 20k company: ${counts(lists.big)}; 50 company: ${counts(lists.small)} — through the pré-affiliation import, the employees' BIA and a monthly DSN (importDsn), in ${lists.seconds.toFixed(0)} s of the seeding; the 50 company gets at least one SPA page + 1 of each list, so both sides of the 20k/50 ratio read full pages`,
      );
    }
  }
  push(
    '- Everything runs on this one machine: DynamoDB Local (Java), the emulators, the local API server and the load generators share its cores, so absolute figures are not AWS figures; the ratios compare like with like in the same run.',
    '',
    '## Targets',
    '',
    failed.length === 0
      ? 'Every target that could be judged is met.'
      : `**${failed.length} of ${checks.filter((check) => check.pass !== null).length} judged checks fail** — ${[
          ...new Set(failed.map((check) => check.group)),
        ]
          .map((group) => {
            const inGroup = failed.filter((check) => check.group === group);
            const names = inGroup.slice(0, 5).map((check) => check.subject.replace(/ \((read|write)\)$/, ''));
            return `${group}: ${inGroup.length} (${names.join(', ')}${inGroup.length > 5 ? ', …' : ''})`;
          })
          .join(
            '; ',
          )}. ${checks.filter((check) => check.pass === null).length} check(s) could not be judged (➖).`,
    '',
    table(
      ['', 'Target', 'Subject', 'Measured', 'Limit', 'Note'],
      checks.map((check) => [
        verdict(check.pass),
        check.group,
        check.subject,
        check.measured,
        check.limit,
        check.note ?? '',
      ]),
    ),
    '',
    '## Routes: DynamoDB work and in-process latency',
    '',
    'Each route is called in-process (API Gateway v2 event → its handler, as the local server and Lambda do), warm, with a realistic successful request prepared untimed beforehand (`Scenario`). ' +
      '**Calls** = DynamoDB round trips per request as counted by the product probe (`functions/runtime/client-probes.ts`), most frequent value; **stages** = how many of them are sequential (calls issued together count once). ' +
      '**RCU/WCU** = consumed capacity per request (median) as DynamoDB Local reports it. ' +
      '**Baseline** = the same DynamoDB calls of a typical request replayed with the raw SDK client in the same stages (reads verbatim, writes on scratch items), so **ratio** = what the handler stack (middy, zod, DocumentClient, logger, crypto, Cognito…) costs on top of its DynamoDB work. ' +
      'Rate-limit counters touched by a request are deleted between iterations so every iteration takes the same path.',
    '',
    table(
      [
        'Route',
        'Method path',
        'Kind',
        'Scenario',
        'n',
        'Calls (stages)',
        'Operations',
        'RCU / WCU',
        'Scan',
        'p50 / p95 ms',
        'Baseline p50 / p95 ms',
        'Ratio p50',
        'Other SDK calls',
        'Notes',
      ],
      results.routes.map((route) => [
        route.id,
        `${route.method} ${route.path}`,
        route.kind,
        route.scenario,
        route.iterations,
        route.iterations > 0
          ? `${route.dynamodb.roundTrips.typical} (${route.dynamodb.stages.typical})`
          : '—',
        route.dynamodb.operations[0]?.value ?? '—',
        route.iterations > 0 ? `${route.dynamodb.rcu.median} / ${route.dynamodb.wcu.median}` : '—',
        route.dynamodb.scan ? '⚠ yes' : 'no',
        `${ms(route.latencyMs.p50)} / ${ms(route.latencyMs.p95)}`,
        route.baseline ? `${ms(route.baseline.latencyMs.p50)} / ${ms(route.baseline.latencyMs.p95)}` : '—',
        times(route.ratio.p50),
        route.otherCalls[0]?.value ?? '—',
        routeNotes(route),
      ]),
    ),
    '',
    'Baseline call order per route (`∥` = issued together, `→` = after):',
    '',
    ...results.routes
      .filter((route) => route.baseline)
      .map((route) => `- ${route.id}: ${route.baseline!.operations}`),
    '',
    '## Lists: 20,000 vs 50 insured',
    '',
  );
  if (!results.lists.measured) {
    push('Not measured (`--skip=lists`).', '');
  } else if (results.lists.routes.length === 0) {
    push(
      '**No list route yet**: no GET route of the route table has `{companyId}` in its path. The harness picks such routes up automatically (calls each for both companies with their administrator, generic request unless a scenario exists) and reports the 20k/50 ratio of RCU and latency here.',
      '',
    );
  } else {
    push(
      'Each GET route with `{companyId}` called for both companies by their administrator; ratio = 20k company / 50 company (target ≤ 1.1: a page must not cost more because the company is big).',
      '',
      table(
        [
          'Route',
          'Page (20k / 50)',
          '20k: RCU, p50 ms',
          '50: RCU, p50 ms',
          'RCU ratio',
          'p50 ratio',
          'Notes',
        ],
        results.lists.routes.map((list) => [
          list.id,
          `${list.big.outcomes[0]?.value ?? '—'} / ${list.small.outcomes[0]?.value ?? '—'}`,
          `${list.big.dynamodb.rcu.median}, ${ms(list.big.latencyMs.p50)}`,
          `${list.small.dynamodb.rcu.median}, ${ms(list.small.latencyMs.p50)}`,
          times(list.rcuRatio),
          times(list.latencyRatioP50),
          [routeNotes(list.big), routeNotes(list.small)].filter(Boolean).join(' / '),
        ]),
      ),
      '',
    );
  }
  if (results.lists.rawPages.length > 0) {
    push(
      'Baseline: one raw `Query` page (Limit 50) on GSI1 `COMPANY#<id>#INSURED` (insured by name), what a list route should cost:',
      '',
      table(
        ['Company', 'Items in partition', 'Items returned', 'RCU', 'p50 / p95 ms'],
        results.lists.rawPages.map((page) => [
          page.company,
          page.indexItems.toLocaleString('en'),
          page.itemsReturned,
          page.rcu,
          `${ms(page.latencyMs.p50, 2)} / ${ms(page.latencyMs.p95, 2)}`,
        ]),
      ),
      '',
      `20k/50 ratio of the raw page: RCU ${times(results.lists.rawRcuRatio)}, p50 ${times(results.lists.rawLatencyRatioP50)}.`,
      '',
    );
  }

  push('## API throughput', '');
  const t = results.throughput;
  if (!t) push('Not measured.', '');
  else {
    push(
      `\`${t.routeId}\` over HTTP on 127.0.0.1 (local API server: SPA + API on one origin, handlers in-process), autocannon in its own process, ${t.connections} connections for ${t.durationSeconds} s after a warm-up; raw figures: the same number of concurrent loops calling DynamoDB Local directly from the bench process.`,
      '',
      table(
        ['What', 'req/s', 'latency', 'errors / non-2xx'],
        [
          [
            `API ${t.routeId}`,
            ms(t.api?.requestsPerSecond, 0),
            t.api
              ? `p50 ${t.api.latencyMs.p50} ms, p97.5 ${t.api.latencyMs.p97_5} ms, p99 ${t.api.latencyMs.p99} ms`
              : (t.error ?? '—'),
            t.api ? `${t.api.errors + t.api.timeouts} / ${t.api.non2xx}` : '—',
          ],
          [
            `raw ${t.rawQuery?.operation ?? 'Query'}`,
            ms(t.rawQuery?.requestsPerSecond, 0),
            t.rawQuery
              ? `p50 ${ms(t.rawQuery.latencyMs.p50, 2)} ms, p95 ${ms(t.rawQuery.latencyMs.p95, 2)} ms`
              : '—',
            String(t.rawQuery?.errors ?? '—'),
          ],
          ...(t.rawSameWork
            ? [
                [
                  `raw replay of the route's ${t.rawSameWork.calls} DynamoDB calls`,
                  ms(t.rawSameWork.requestsPerSecond, 0),
                  `p50 ${ms(t.rawSameWork.latencyMs.p50, 2)} ms, p95 ${ms(t.rawSameWork.latencyMs.p95, 2)} ms`,
                  String(t.rawSameWork.errors),
                ],
              ]
            : []),
        ],
      ),
      '',
      `API / raw Query: ${times(t.ratioToRawQuery)} (target ≥ 0.7). API / raw same work: ${times(t.ratioToRawSameWork)}.${t.note ? ` ${t.note}.` : ''}`,
      '',
    );
  }

  push('## Lambda bundles and cold start', '');
  const b = results.bundles;
  if (!b || (!b.bare && b.routes.length === 0)) push(`Not measured.${b?.error ? ` ${b.error}` : ''}`, '');
  else {
    push(
      'Each handler bundled like `lib/portal-function.ts` (esbuild, ESM, minified, external source map, createRequire banner, SDK bundled, target node22), then started in a fresh `node --enable-source-maps` process: **import** = loading the bundle, **first call** = the first invocation with a representative event against the running emulators; median of the runs. The bare handler does one GetItem with the plain client; each cold start of a function is paired with a bare cold start made just before it (the load of the machine varies during the phase), and **ratio** = median (import + first call) / median of its paired bare starts.',
      '',
      table(
        [
          'Function',
          'Bundle',
          'gzip',
          'Largest inputs',
          'Import ms',
          'First call ms',
          'Cold total ms',
          'Paired bare ms',
          'Ratio',
          'Notes',
        ],
        [...(b.bare ? [b.bare] : []), ...b.routes].map((bundle) => [
          bundle.id,
          kb(bundle.bytes),
          kb(bundle.gzipBytes),
          bundle.topInputs
            .slice(0, 3)
            .map((input) => `${input.name} ${kb(input.bytes)}`)
            .join(', '),
          ms(bundle.cold?.medianImportMs, 0),
          ms(bundle.cold?.medianFirstCallMs, 0),
          ms(bundle.cold?.medianTotalMs, 0),
          ms(bundle.bareMedianTotalMs ?? bundle.cold?.medianTotalMs, 0),
          times(bundle.ratioToBare),
          [
            bundle.localOnly ? 'local only' : '',
            bundle.cold
              ? `${bundle.cold.runs.length} runs, status ${frequenciesText(bundle.cold.statuses.map((status) => String(status)))}`
              : '',
            bundle.target !== 'node22' ? bundle.target : '',
            bundle.note ?? '',
            bundle.error ?? '',
          ]
            .filter(Boolean)
            .join('; '),
        ]),
      ),
      '',
    );
  }

  push('## SPA', '');
  const spa = results.spa;
  if (!spa) push('Not measured.', '');
  else if (spa.error && spa.initialJs.length === 0) push(`Not measured: ${spa.error}`, '');
  else {
    push(
      `Built for the run (${spa.built}). **Initial JS** = the entry script of index.html, its modulepreloads and their static imports (lazy chunks excluded), gzip level 6: **${kb(spa.initialJsGzipBytes)}** gzip (${kb(spa.initialJsBytes)} raw).`,
      '',
      table(
        ['File', 'Raw', 'gzip', 'Why initial'],
        [
          ...spa.initialJs.map((file) => [file.path, kb(file.bytes), kb(file.gzipBytes), file.via]),
          ...spa.css.map((file) => [
            file.path,
            kb(file.bytes),
            kb(file.gzipBytes),
            'stylesheet (not counted in JS)',
          ]),
        ],
      ),
      '',
    );
    const lh = spa.lighthouse;
    if (!lh) push('Lighthouse: not run.', '');
    else {
      push(
        `Lighthouse ${lh.version || '12.2.3'} in Debian chromium (headless), ${lh.formFactor || 'mobile'} form factor with Lighthouse's default simulated throttling (slow 4G, 4× CPU slowdown), on the SPA served by the local stack ${
          meta.options.compression === false
            ? '**uncompressed** (`--no-compression`: the local server as is; CloudFront would gzip/brotli it)'
            : 'gzip-compressed as CloudFront serves it (CDK `Distribution` compresses by default; the local server itself does not — `--no-compression` measures it as is)'
        }. Signed-in pages get the session cookie of the 20k company's administrator via extraHeaders. ${String(meta.options.lighthouseRuns ?? 1)} run(s) per page: the figures are those of the run with the median performance score.${lh.error ? ` ⚠ ${lh.error}` : ''}`,
        '',
        table(
          [
            'Page',
            'Performance',
            'Accessibility',
            'Best practices',
            'FCP / LCP ms',
            'TBT ms',
            'CLS',
            'Audits below 0.9',
            'Notes',
          ],
          lh.pages.map((page) => [
            `${page.name} (${page.path})`,
            `${page.scores.performance ?? '—'}${page.performanceRuns && page.performanceRuns.length > 1 ? ` (runs: ${page.performanceRuns.join(', ')})` : ''}`,
            page.scores.accessibility ?? '—',
            page.scores.bestPractices ?? '—',
            `${ms(page.metrics.fcpMs, 0)} / ${ms(page.metrics.lcpMs, 0)}`,
            ms(page.metrics.tbtMs, 0),
            ms(page.metrics.cls, 3),
            page.failedAudits
              .map((audit) => `${audit.category}: ${audit.id}${audit.detail ? ` (“${audit.detail}”)` : ''}`)
              .join(', ') || '—',
            [
              page.finalUrl && page.finalUrl !== page.path ? `ended on ${page.finalUrl}` : '',
              page.error ?? '',
            ]
              .filter(Boolean)
              .join('; '),
          ]),
        ),
        '',
      );
    }
  }

  if (results.errors.length > 0)
    push('## Errors during the run', '', ...results.errors.map((error) => `- ${error}`), '');
  push(
    '## How to read and caveats',
    '',
    '- DynamoDB Local reports only total `CapacityUnits`: the probe files them as RCU for reads and WCU for writes. It also counts a transactional write like a plain one (AWS charges 2 WCU per item in a transaction), so WCU of transactional routes are lower than on AWS.',
    '- The API server, the bench driver, DynamoDB Local and the emulators share the machine; the throughput ratio mostly shows how much CPU the Node side burns per request next to Java answering a bare Query.',
    '- Lighthouse performance scores on a 2-core machine running everything else too are pessimistic; accessibility and best-practices scores do not depend on the machine.',
    "- DynamoDB Local's Query time grows with the size of the partition it reads from (a 20k company's partition holds its insured, NIR guards, establishments and contracts): when a route and its raw replay are both slower for the 20k company with the same RCU, it is DynamoDB Local, not the route; on AWS a Query costs its page. RCU is the scaling figure to trust.",
    '- Routes and their baselines, and the 20k/50 pairs, are timed alternately or back to back so both see the same machine load; API and raw throughput are measured one after the other.',
    `- Options of this run: \`${JSON.stringify(meta.options)}\`.`,
    '',
  );
  return lines.join('\n');
}
