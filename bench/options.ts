/** Command-line options of `npm run bench -- [options]`. */
export const PHASES = ['routes', 'lists', 'throughput', 'bundles', 'spa', 'lighthouse'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  quick: boolean;
  bigInsured: number;
  smallInsured: number;
  iterations: number;
  heavyIterations: number;
  warmup: number;
  maxSecondsPerRoute: number;
  /** Route id for the throughput test; default: the first list route, else getMe. */
  throughputRoute: string | undefined;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  coldRuns: number;
  bareRuns: number;
  skip: Phase[];
  /** Path prefix of the results files (".json" and ".md" are appended). */
  out: string | undefined;
  /** Use this SPA build instead of building one for the run. */
  webDist: string | undefined;
  chromium: string;
  /** Lighthouse runs per page (the median-performance run is kept). */
  lighthouseRuns: number;
  /** Serve the SPA gzip-compressed, as CloudFront does (see static-gzip.ts). */
  compression: boolean;
}

export const USAGE = `npm run bench -- [options]
  --quick                  small data and few iterations, to try the harness (results written to the temp dir)
  --insured=N              insured of the big company (default 20000)
  --iterations=N           measured calls per route (default 100; heavy routes: --heavy-iterations, default 50)
  --warmup=N               unmeasured calls first (default 3)
  --throughput-route=ID    route for the load test (default: first list route, else getMe)
  --connections=N          concurrent connections (default 10)
  --duration=S             seconds of load (default 10)
  --cold-runs=N            cold starts per bundle (default 3)
  --skip=a,b               phases to skip: ${PHASES.join(', ')}
  --out=PATH               results prefix (default bench/results → bench/results.json + bench/results.md)
  --web-dist=DIR           an existing SPA build to measure instead of building one
  --chromium=PATH          browser for Lighthouse (default /usr/bin/chromium)
  --lighthouse-runs=N      Lighthouse runs per page, median kept (default 3)
  --no-compression         serve the SPA uncompressed, as the local server does (CloudFront compresses)`;

const positiveInt = (name: string, value: string, max: number): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > max)
    throw new Error(`--${name} must be an integer between 0 and ${max}`);
  return parsed;
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    bigInsured: quick ? 2_000 : 20_000,
    smallInsured: 50,
    iterations: quick ? 20 : 100,
    heavyIterations: quick ? 10 : 50,
    warmup: quick ? 2 : 3,
    maxSecondsPerRoute: 30,
    throughputRoute: undefined,
    connections: 10,
    durationSeconds: quick ? 3 : 10,
    warmupSeconds: quick ? 1 : 2,
    coldRuns: quick ? 1 : 3,
    bareRuns: 2,
    skip: [],
    out: undefined,
    webDist: undefined,
    chromium: '/usr/bin/chromium',
    compression: true,
    lighthouseRuns: quick ? 1 : 3,
  };
  for (const argument of argv) {
    if (argument === '--quick') continue;
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(argument);
    if (!match) throw new Error(`unknown argument ${argument}\n${USAGE}`);
    const [, name, value = ''] = match;
    switch (name) {
      case 'insured':
        options.bigInsured = positiveInt(name, value, 200_000);
        break;
      case 'iterations':
        options.iterations = positiveInt(name, value, 10_000);
        break;
      case 'heavy-iterations':
        options.heavyIterations = positiveInt(name, value, 10_000);
        break;
      case 'warmup':
        options.warmup = positiveInt(name, value, 1_000);
        break;
      case 'throughput-route':
        options.throughputRoute = value;
        break;
      case 'connections':
        options.connections = Math.max(1, positiveInt(name, value, 1_000));
        break;
      case 'duration':
        options.durationSeconds = Math.max(1, positiveInt(name, value, 600));
        break;
      case 'cold-runs':
        options.coldRuns = Math.max(1, positiveInt(name, value, 50));
        break;
      case 'skip':
        for (const phase of value.split(',').filter(Boolean)) {
          if (!(PHASES as readonly string[]).includes(phase))
            throw new Error(`--skip: unknown phase ${phase} (${PHASES.join(', ')})`);
          options.skip.push(phase as Phase);
        }
        break;
      case 'out':
        options.out = value;
        break;
      case 'web-dist':
        options.webDist = value;
        break;
      case 'chromium':
        options.chromium = value;
        break;
      case 'lighthouse-runs':
        options.lighthouseRuns = Math.max(1, positiveInt(name, value, 20));
        break;
      case 'no-compression':
        options.compression = false;
        break;
      case 'help':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option --${name}\n${USAGE}`);
    }
  }
  return options;
}
