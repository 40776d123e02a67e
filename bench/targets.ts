import type { BenchResults, ListComparison } from './results-types';

/**
 * The targets of issue #4, checked against the measured figures. Each check says what was
 * measured, the limit, and passes (true), fails (false) or cannot be judged (null).
 * Every route of the route table is held to them as it lands, whoever calls it (session,
 * the employee's BIA link, the back office's key): a GET is a read (≤ 2 DynamoDB round
 * trips), anything else a write (≤ 3); no Scan anywhere; every GET with `{companyId}` is a
 * list compared between the 20k and the 50 company on equally full pages (the suivi des
 * demandes, anomalies, dispenses and the home counters of issues #7 and #8 included). The
 * back office's courrier queue spans all companies: it has no 20k/50 comparison.
 */
export const TARGETS = {
  readRoundTrips: 2,
  writeRoundTrips: 3,
  listRatio: 1.1,
  throughputRatio: 0.7,
  coldRatio: 1.5,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
  /** 150 KB, with KB = 1024 bytes. */
  initialJsGzipBytes: 150 * 1024,
} as const;

export interface TargetCheck {
  group: string;
  subject: string;
  measured: string;
  limit: string;
  pass: boolean | null;
  note?: string;
}

const fixed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Why a 20k/50 comparison cannot be judged: the two companies' pages were not equally full
 * (their scenarios label each answer with its page fill, e.g. "25 items + cursor"). A page
 * of 25 against one of 3 compares item counts, not the cost of a long list.
 */
export function unequalPages(list: Pick<ListComparison, 'big' | 'small'>): string | undefined {
  const big = list.big.outcomes[0]?.value;
  const small = list.small.outcomes[0]?.value;
  if (big === undefined || small === undefined || big === small) return undefined;
  return `pages not equally full (20k: ${big}; 50: ${small}): seed more data for the 50 company`;
}

export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const route of results.routes) {
    if (route.skipped || route.iterations === 0) {
      checks.push({
        group: 'DynamoDB round trips',
        subject: route.id,
        measured: route.skipped ?? route.error ?? 'not measured',
        limit: route.kind === 'read' ? `≤ ${TARGETS.readRoundTrips}` : `≤ ${TARGETS.writeRoundTrips}`,
        pass: null,
      });
      continue;
    }
    const limit = route.kind === 'read' ? TARGETS.readRoundTrips : TARGETS.writeRoundTrips;
    const trips = route.dynamodb.roundTrips;
    const refused = !route.statuses.some((status) => route.expectedStatuses.includes(status.value));
    checks.push({
      group: 'DynamoDB round trips',
      subject: `${route.id} (${route.kind})`,
      measured: `${trips.typical}${trips.max !== trips.typical ? ` (max ${trips.max})` : ''}${
        refused
          ? ` — every request answered ${route.statuses.map((status) => status.value).join('/')}: not the route's real work`
          : ''
      }`,
      limit: `≤ ${limit}`,
      pass: refused ? null : trips.typical <= limit,
      note:
        [route.localOnly ? 'local only' : '', route.generic ? 'generic request' : '']
          .filter(Boolean)
          .join(', ') || undefined,
    });
  }
  const measured = results.routes.filter((route) => route.iterations > 0);
  const scanning = measured.filter((route) => route.dynamodb.scan).map((route) => route.id);
  checks.push({
    group: 'Scan',
    subject: `${measured.length} measured routes`,
    measured: scanning.length === 0 ? '0 Scan' : `Scan in ${scanning.join(', ')}`,
    limit: '0',
    pass: scanning.length === 0,
  });

  if (results.lists.routes.length === 0) {
    checks.push({
      group: '20k/50 ratio',
      subject: 'list routes (GET with {companyId})',
      measured: results.lists.measured ? 'no list route yet' : 'not measured (phase skipped)',
      limit: `≤ ${TARGETS.listRatio}`,
      pass: null,
    });
  }
  for (const list of results.lists.routes) {
    const unequal = unequalPages(list);
    const judged = (ratio: number | null) =>
      ratio === null || unequal !== undefined ? null : ratio <= TARGETS.listRatio;
    checks.push({
      group: '20k/50 ratio',
      subject: `${list.id} RCU`,
      measured: `×${fixed(list.rcuRatio)} (${list.big.dynamodb.rcu.median} vs ${list.small.dynamodb.rcu.median} RCU)`,
      limit: `≤ ${TARGETS.listRatio}`,
      pass: judged(list.rcuRatio),
      note: unequal,
    });
    checks.push({
      group: '20k/50 ratio',
      subject: `${list.id} latency p50`,
      measured: `×${fixed(list.latencyRatioP50)} (${fixed(list.big.latencyMs.p50, 1)} vs ${fixed(list.small.latencyMs.p50, 1)} ms)`,
      limit: `≤ ${TARGETS.listRatio}`,
      pass: judged(list.latencyRatioP50),
      note: unequal,
    });
  }
  if (results.lists.rawPages.length === 2) {
    checks.push({
      group: '20k/50 ratio',
      subject: 'raw GSI1 page of 50 (baseline) RCU',
      measured: `×${fixed(results.lists.rawRcuRatio)}`,
      limit: `≤ ${TARGETS.listRatio}`,
      pass: results.lists.rawRcuRatio === null ? null : results.lists.rawRcuRatio <= TARGETS.listRatio,
      note: 'baseline, not a route',
    });
    checks.push({
      group: '20k/50 ratio',
      subject: 'raw GSI1 page of 50 (baseline) latency p50',
      measured: `×${fixed(results.lists.rawLatencyRatioP50)}`,
      limit: `≤ ${TARGETS.listRatio}`,
      pass:
        results.lists.rawLatencyRatioP50 === null
          ? null
          : results.lists.rawLatencyRatioP50 <= TARGETS.listRatio,
      note: 'baseline, not a route',
    });
  }

  const throughput = results.throughput;
  checks.push({
    group: 'API throughput',
    subject: throughput ? `${throughput.routeId}, ${throughput.connections} connections` : 'not measured',
    measured: throughput?.api
      ? `${fixed(throughput.api.requestsPerSecond, 0)} req/s = ×${fixed(throughput.ratioToRawQuery)} raw Query (${fixed(
          throughput.rawQuery?.requestsPerSecond,
          0,
        )} req/s)`
      : (throughput?.error ?? 'not measured'),
    limit: `≥ ${TARGETS.throughputRatio}× raw`,
    pass: throughput?.ratioToRawQuery == null ? null : throughput.ratioToRawQuery >= TARGETS.throughputRatio,
  });

  for (const bundle of results.bundles?.routes ?? []) {
    const refused =
      bundle.cold !== null && bundle.cold.statuses.every((status) => status === null || status >= 400);
    checks.push({
      group: 'Cold init',
      subject: bundle.id,
      measured: bundle.cold
        ? `${fixed(bundle.cold.medianTotalMs, 0)} ms = ×${fixed(bundle.ratioToBare)} bare (${fixed(bundle.bareMedianTotalMs, 0)} ms)`
        : (bundle.error ?? bundle.note ?? 'not measured'),
      limit: `≤ ${TARGETS.coldRatio}× bare`,
      pass: bundle.ratioToBare === null || refused ? null : bundle.ratioToBare <= TARGETS.coldRatio,
      note:
        [
          bundle.localOnly ? 'local only' : '',
          refused ? `first call answered ${bundle.cold?.statuses.join('/')} (generic request)` : '',
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
  }

  for (const page of results.spa?.lighthouse?.pages ?? []) {
    checks.push({
      group: 'Lighthouse',
      subject: `${page.name} performance`,
      measured: page.scores.performance === null ? (page.error ?? 'n/a') : String(page.scores.performance),
      limit: `≥ ${TARGETS.lighthousePerformance}`,
      pass:
        page.scores.performance === null ? null : page.scores.performance >= TARGETS.lighthousePerformance,
    });
    checks.push({
      group: 'Lighthouse',
      subject: `${page.name} accessibility`,
      measured:
        page.scores.accessibility === null ? (page.error ?? 'n/a') : String(page.scores.accessibility),
      limit: `= ${TARGETS.lighthouseAccessibility}`,
      pass:
        page.scores.accessibility === null
          ? null
          : page.scores.accessibility >= TARGETS.lighthouseAccessibility,
    });
  }
  if (results.spa && !results.spa.error) {
    checks.push({
      group: 'Initial JS',
      subject: `${results.spa.initialJs.length} file(s), gzip`,
      measured: `${kb(results.spa.initialJsGzipBytes)} (${results.spa.initialJsGzipBytes.toLocaleString('en')} B)`,
      limit: `≤ ${kb(TARGETS.initialJsGzipBytes)}`,
      pass: results.spa.initialJsGzipBytes <= TARGETS.initialJsGzipBytes,
    });
  }
  return checks;
}

export const verdict = (pass: boolean | null) => (pass === null ? '➖' : pass ? '✅' : '❌');
