import type { ListDataSeed } from './seed-lists';
import type { Summary } from './stats';

/** The shape of bench/results.json (and the input of the markdown report). */
export interface Counted<T = string> {
  value: T;
  count: number;
}

export interface RouteResult {
  id: string;
  method: string;
  path: string;
  access: string;
  handler: string;
  localOnly: boolean;
  /** GET = read; anything else = write (the round-trip targets differ). */
  kind: 'read' | 'write';
  /** What the measured requests do (the path through the handler), one line. */
  scenario: string;
  /** No dedicated scenario: a generic request was used (see bench/scenarios.ts). */
  generic: boolean;
  skipped?: string;
  error?: string;
  iterations: number;
  warmup: number;
  statuses: Counted<number>[];
  expectedStatuses: number[];
  outcomes: Counted[];
  dynamodb: {
    /** Calls per request: the most frequent value, and the spread. */
    roundTrips: { typical: number; min: number; max: number; distribution: Counted<number>[] };
    /** Sequential stages of those calls (calls issued together count once). */
    stages: { typical: number; max: number };
    /** The most frequent set of operations (sorted), with how often each set occurred. */
    operations: Counted[];
    rcu: { median: number; max: number };
    wcu: { median: number; max: number };
    scan: boolean;
  };
  /** Non-DynamoDB SDK calls of a typical request (service:operation). */
  otherCalls: Counted[];
  /** Items a typical request reads more than once (entity prefixes of their keys). */
  duplicateReads?: string[];
  /** Iterations where the product probe and the bench capture disagreed on the operations. */
  probeMismatches: number;
  latencyMs: Summary;
  baseline: {
    calls: number;
    stages: number;
    operations: string;
    latencyMs: Summary;
    note?: string;
  } | null;
  baselineNote?: string;
  ratio: { p50: number | null; p95: number | null };
}

export interface ListComparison {
  id: string;
  path: string;
  big: RouteResult;
  small: RouteResult;
  rcuRatio: number | null;
  latencyRatioP50: number | null;
}

export interface RawPageResult {
  company: string;
  companyId: string;
  indexItems: number;
  itemsReturned: number;
  rcu: number;
  latencyMs: Summary;
}

export interface ThroughputResult {
  routeId: string;
  url: string;
  connections: number;
  durationSeconds: number;
  api: {
    requestsPerSecond: number;
    latencyMs: { p50: number; p97_5: number; p99: number; max: number };
    total: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  } | null;
  rawQuery: { operation: string; requestsPerSecond: number; latencyMs: Summary; errors: number } | null;
  rawSameWork: { calls: number; requestsPerSecond: number; latencyMs: Summary; errors: number } | null;
  ratioToRawQuery: number | null;
  ratioToRawSameWork: number | null;
  note?: string;
  error?: string;
}

export interface ColdRun {
  importMs: number;
  firstCallMs: number;
  totalMs: number;
  bootMs: number;
  status: number | null;
}

export interface BundleResult {
  id: string;
  handler: string;
  localOnly: boolean;
  bytes: number;
  gzipBytes: number;
  sourceMapBytes: number;
  topInputs: { name: string; bytes: number }[];
  target: string;
  cold: {
    runs: ColdRun[];
    medianImportMs: number;
    medianFirstCallMs: number;
    medianTotalMs: number;
    statuses: (number | null)[];
  } | null;
  /** Median of the bare runs paired with this function's runs (the ratio's denominator). */
  bareMedianTotalMs?: number | null;
  ratioToBare: number | null;
  note?: string;
  error?: string;
}

export interface LighthousePage {
  name: string;
  path: string;
  signedIn: boolean;
  finalUrl: string;
  scores: { performance: number | null; accessibility: number | null; bestPractices: number | null };
  /** Performance score of every run; the page's figures are those of the median run. */
  performanceRuns?: (number | null)[];
  metrics: {
    fcpMs: number | null;
    lcpMs: number | null;
    tbtMs: number | null;
    cls: number | null;
    speedIndexMs: number | null;
  };
  /** Audits below 1 in accessibility and best practices (id: title). */
  failedAudits: { category: string; id: string; title: string; detail?: string }[];
  error?: string;
}

export interface BenchResults {
  meta: {
    date: string;
    commit: string;
    uncommittedFiles: number;
    node: string;
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    platform: string;
    /** 1, 5 and 15 min load averages at start and end: other work on the machine skews figures. */
    loadAverage: { start: number[]; end: number[] };
    durationSeconds: number;
    quick: boolean;
    options: Record<string, unknown>;
    phases: { name: string; seconds: number }[];
  };
  data: {
    big: { companyNumber: string; insured: number; insuredIndexItems: number };
    small: { companyNumber: string; insured: number; insuredIndexItems: number };
    seedSeconds: number;
    /** What each company got for the lists of issues #7 and #8 (seeded through the product, in `seedSeconds`). */
    lists?: ListDataSeed;
  } | null;
  routes: RouteResult[];
  lists: {
    /** False when the phase was skipped (--skip=lists). */
    measured: boolean;
    routes: ListComparison[];
    rawPages: RawPageResult[];
    rawRcuRatio: number | null;
    rawLatencyRatioP50: number | null;
  };
  throughput: ThroughputResult | null;
  bundles: { bare: BundleResult | null; routes: BundleResult[]; error?: string } | null;
  spa: {
    built: string;
    initialJs: { path: string; bytes: number; gzipBytes: number; via: string }[];
    initialJsGzipBytes: number;
    initialJsBytes: number;
    css: { path: string; bytes: number; gzipBytes: number }[];
    lighthouse: { version: string; formFactor: string; pages: LighthousePage[]; error?: string } | null;
    error?: string;
  } | null;
  errors: string[];
}
