import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { RouteDefinition } from '../functions/routes';
import { keys } from '../functions/adapters/dynamodb/table-keys';
import type { BenchEnv } from './bench-env';
import { invoke } from './invoke';
import { duplicateReads } from './call-analysis';
import { planReplay, Replayer } from './replay';
import type { Counted, RawPageResult, RouteResult } from './results-types';
import type { Scenario, ScenarioChoice } from './scenarios';
import { newCallRecord, resetRateCounters, type CallRecord, type CapturedCall } from './sdk-capture';
import { frequencies, groupIntoStages, median, ratio, summarize } from './stats';

/**
 * Per route: warm in-process latency over repeated successful requests, the DynamoDB work
 * of each request (from the product's probe), and a baseline of the same raw SDK calls.
 */
export interface MeasureOptions {
  iterations: number;
  heavyIterations: number;
  warmup: number;
  /** Stops a route's loop after this long (the count reached is reported). */
  maxSecondsPerRoute: number;
}

interface Sample {
  ms: number;
  status: number;
  outcome: string;
  record: CallRecord;
}

const signature = (operations: string[]) =>
  operations.length === 0 ? '—' : [...operations].sort().join(' + ');
const counted = <T>(values: T[]): Counted<T>[] =>
  frequencies(values).map(({ value, count }) => ({ value, count }));

/** A route measured fewer times than this is not stopped by its time budget. */
const MIN_SAMPLES = 3;

export const isListRoute = (route: RouteDefinition) =>
  route.method === 'GET' && route.path.includes('{companyId}');

function emptyResult(route: RouteDefinition, scenario: string, generic: boolean): RouteResult {
  return {
    id: route.id,
    method: route.method,
    path: route.path,
    access: route.access,
    handler: route.handler,
    localOnly: Boolean(route.localOnly),
    kind: route.method === 'GET' ? 'read' : 'write',
    scenario,
    generic,
    iterations: 0,
    warmup: 0,
    statuses: [],
    expectedStatuses: [],
    outcomes: [],
    dynamodb: {
      roundTrips: { typical: 0, min: 0, max: 0, distribution: [] },
      stages: { typical: 0, max: 0 },
      operations: [],
      rcu: { median: 0, max: 0 },
      wcu: { median: 0, max: 0 },
      scan: false,
    },
    otherCalls: [],
    probeMismatches: 0,
    latencyMs: summarize([]),
    baseline: null,
    ratio: { p50: null, p95: null },
  };
}

interface Lane {
  scenario: Scenario;
  result: RouteResult;
  samples: Sample[];
  warmupLeft: number;
}

/**
 * Calls the route for each lane in turn (lane A, lane B, lane A…): warm-up calls first (a call
 * slower than 2 s ends a lane's warm-up: it is warm by then), then measured calls until
 * `iterations`, or until the time budget once every lane has at least 3. Alternating keeps two
 * lanes (the 20k and the 50 company) under the same machine load, so their ratio is fair.
 */
async function runLanes(
  env: BenchEnv,
  route: RouteDefinition,
  lanes: Lane[],
  iterations: number,
  options: MeasureOptions,
) {
  try {
    for (const lane of lanes) await lane.scenario.setup?.();
    let deadline = Number.POSITIVE_INFINITY;
    for (let round = 0; round < options.warmup + iterations; round++) {
      const measured = lanes.every((lane) => lane.warmupLeft === 0);
      if (measured && lanes.every((lane) => lane.samples.length >= iterations)) break;
      if (measured && deadline === Number.POSITIVE_INFINITY)
        deadline = Date.now() + options.maxSecondsPerRoute * 1000;
      if (measured && lanes.every((lane) => lane.samples.length >= MIN_SAMPLES) && Date.now() > deadline) {
        for (const lane of lanes) lane.result.scenario += ` (stopped after ${options.maxSecondsPerRoute} s)`;
        break;
      }
      for (const lane of lanes) {
        const request = await lane.scenario.next();
        await resetRateCounters(env.raw, env.tableName);
        const record = newCallRecord();
        const response = await invoke(route, request, env.publicUrl, measured ? record : undefined);
        await lane.scenario.after?.(response, request);
        if (measured) {
          lane.samples.push({
            ms: response.ms,
            status: response.status,
            outcome: lane.scenario.outcome?.(response) ?? '',
            record,
          });
        } else {
          lane.result.warmup += 1;
          lane.warmupLeft = response.ms > 2_000 ? 0 : Math.max(0, lane.warmupLeft - 1);
        }
      }
    }
  } catch (error) {
    for (const lane of lanes) lane.result.error = (error as Error).message;
  }
}

function newLane(
  route: RouteDefinition,
  choice: { scenario: Scenario; generic: boolean },
  options: MeasureOptions,
): Lane {
  const result = emptyResult(route, choice.scenario.description, choice.generic);
  result.expectedStatuses = choice.scenario.expectedStatuses;
  return { scenario: choice.scenario, result, samples: [], warmupLeft: options.warmup };
}

/** The calls of a typical request (the most frequent set of operations), for the baselines. */
function typicalCalls(result: RouteResult, samples: Sample[]): CapturedCall[] {
  const typical = result.dynamodb.operations[0]?.value;
  const representative = [...samples].reverse().find(({ record }) => dynamoSignature(record) === typical);
  return representative?.record.captured ?? [];
}

/** The same list route for two companies, alternating calls; no baseline. */
export async function measureRoutePair(
  env: BenchEnv,
  route: RouteDefinition,
  choices: [ScenarioChoice, ScenarioChoice],
  options: MeasureOptions,
): Promise<[RouteResult, RouteResult]> {
  const [a, b] = choices;
  if ('skip' in a || 'skip' in b) {
    const skip = 'skip' in a ? a.skip : (b as { skip: string }).skip;
    return [
      { ...emptyResult(route, '—', true), skipped: skip },
      { ...emptyResult(route, '—', true), skipped: skip },
    ];
  }
  const lanes = [newLane(route, a, options), newLane(route, b, options)];
  await runLanes(env, route, lanes, options.iterations, options);
  for (const lane of lanes) {
    summarizeSamples(lane.result, lane.samples);
    lane.result.duplicateReads = duplicateReads(typicalCalls(lane.result, lane.samples));
  }
  return [lanes[0]!.result, lanes[1]!.result];
}

export async function measureRoute(
  env: BenchEnv,
  route: RouteDefinition,
  choice: ScenarioChoice,
  options: MeasureOptions & { baseline: boolean },
): Promise<{ result: RouteResult; calls: CapturedCall[] }> {
  if ('skip' in choice)
    return { result: { ...emptyResult(route, '—', true), skipped: choice.skip }, calls: [] };
  const lane = newLane(route, choice, options);
  await runLanes(
    env,
    route,
    [lane],
    choice.scenario.heavy ? options.heavyIterations : options.iterations,
    options,
  );
  const { result, samples } = lane;
  summarizeSamples(result, samples);
  const calls = typicalCalls(result, samples);
  result.duplicateReads = duplicateReads(calls);
  if (options.baseline && samples.length > 0) await measureBaseline(env, result, calls, options);
  return { result, calls };
}

const dynamoSignature = (record: CallRecord) =>
  signature(record.probed.filter((call) => call.service === 'dynamodb').map((call) => call.operation));

function summarizeSamples(result: RouteResult, samples: Sample[]): void {
  result.iterations = samples.length;
  if (samples.length === 0) return;
  result.statuses = counted(samples.map((sample) => sample.status));
  result.outcomes = counted(samples.map((sample) => sample.outcome).filter(Boolean));
  const perRequest = samples.map(({ record }) => {
    const dynamo = record.probed.filter((call) => call.service === 'dynamodb');
    return {
      roundTrips: dynamo.length,
      operations: signature(dynamo.map((call) => call.operation)),
      captured: signature(record.captured.map((call) => call.operation)),
      rcu: dynamo.reduce((sum, call) => sum + call.readCapacity, 0),
      wcu: dynamo.reduce((sum, call) => sum + call.writeCapacity, 0),
      scan: dynamo.some((call) => call.operation === 'Scan'),
      stages: groupIntoStages(record.captured).length,
      other: signature(
        record.probed
          .filter((call) => call.service !== 'dynamodb')
          .map((call) => `${call.service}:${call.operation}`),
      ),
    };
  });
  const trips = perRequest.map((entry) => entry.roundTrips);
  const distribution = counted(trips);
  result.dynamodb = {
    roundTrips: {
      typical: distribution[0]!.value,
      min: Math.min(...trips),
      max: Math.max(...trips),
      distribution,
    },
    stages: {
      typical: counted(perRequest.map((entry) => entry.stages))[0]!.value,
      max: Math.max(...perRequest.map((entry) => entry.stages)),
    },
    operations: counted(perRequest.map((entry) => entry.operations)),
    rcu: {
      median: median(perRequest.map((entry) => entry.rcu)),
      max: Math.max(...perRequest.map((entry) => entry.rcu)),
    },
    wcu: {
      median: median(perRequest.map((entry) => entry.wcu)),
      max: Math.max(...perRequest.map((entry) => entry.wcu)),
    },
    scan: perRequest.some((entry) => entry.scan),
  };
  result.otherCalls = counted(perRequest.map((entry) => entry.other)).filter((entry) => entry.value !== '—');
  result.probeMismatches = perRequest.filter((entry) => entry.operations !== entry.captured).length;
  result.latencyMs = summarize(samples.map((sample) => sample.ms));
}

async function measureBaseline(
  env: BenchEnv,
  result: RouteResult,
  calls: CapturedCall[],
  options: MeasureOptions,
) {
  if (calls.length === 0) {
    result.baselineNote = 'no DynamoDB call: no baseline';
    return;
  }
  const plan = planReplay(calls);
  if (plan.unsupported.length > 0) {
    result.baselineNote = `cannot replay ${plan.unsupported.join(', ')}`;
    return;
  }
  const replayer = new Replayer(env.raw, env.tableName);
  const times: number[] = [];
  // Same rules as the route: a slow replay needs little warm-up; at least 3 timed replays.
  const warmup = result.latencyMs.p50 > 2_000 ? 1 : options.warmup;
  let deadline = Number.POSITIVE_INFINITY;
  try {
    for (let i = 0; i < warmup + result.iterations; i++) {
      if (i === warmup) deadline = Date.now() + (options.maxSecondsPerRoute * 1000) / 2;
      if (times.length >= MIN_SAMPLES && Date.now() > deadline) break;
      const prepared = await replayer.prepare(plan);
      const started = performance.now();
      await replayer.run(prepared);
      if (i >= warmup) times.push(performance.now() - started);
    }
  } catch (error) {
    result.baselineNote = `baseline failed: ${(error as Error).message}`;
    return;
  }
  const others = result.otherCalls[0]?.value;
  result.baseline = {
    calls: plan.calls,
    stages: plan.stages.length,
    operations: plan.stages.map((stage) => stage.map((call) => call.operation).join(' ∥ ')).join(' → '),
    latencyMs: summarize(times),
    note: others ? `the route also calls ${others} (not in the baseline)` : undefined,
  };
  result.ratio = {
    p50: ratio(result.latencyMs.p50, result.baseline.latencyMs.p50),
    p95: ratio(result.latencyMs.p95, result.baseline.latencyMs.p95),
  };
}

/**
 * The list baseline: one raw Query page (Limit 50) of each company's insured-by-name partition
 * on GSI1, the companies alternating so both pages are timed under the same load.
 */
export async function measureRawPages(
  env: BenchEnv,
  companies: BenchEnv['companies']['big'][],
  iterations: number,
  warmup: number,
): Promise<RawPageResult[]> {
  const lanes = companies.map((company) => ({
    company,
    times: [] as number[],
    rcu: 0,
    items: 0,
    input: {
      TableName: env.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.insuredByNamePartition(company.companyId).GSI1PK } },
      Limit: 50,
      ReturnConsumedCapacity: 'TOTAL' as const,
    },
  }));
  for (let i = 0; i < warmup + iterations; i++) {
    for (const lane of lanes) {
      const started = performance.now();
      const page = await env.raw.send(new QueryCommand(lane.input));
      const ms = performance.now() - started;
      if (i >= warmup) lane.times.push(ms);
      lane.rcu = page.ConsumedCapacity?.CapacityUnits ?? page.ConsumedCapacity?.ReadCapacityUnits ?? 0;
      lane.items = page.Count ?? 0;
    }
  }
  return lanes.map((lane) => ({
    company: lane.company.label,
    companyId: lane.company.companyId,
    indexItems: lane.company.insuredIndexItems,
    itemsReturned: lane.items,
    rcu: lane.rcu,
    latencyMs: summarize(lane.times),
  }));
}
