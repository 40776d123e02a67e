import { createRequire } from 'node:module';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { RouteDefinition } from '../functions/routes';
import { keys } from '../functions/adapters/dynamodb/table-keys';
import type { BenchEnv } from './bench-env';
import { runTracked } from './children';
import { concretePath, requestHeaders } from './invoke';
import { planReplay, Replayer } from './replay';
import type { ThroughputResult } from './results-types';
import type { Scenario } from './scenarios';
import type { CapturedCall } from './sdk-capture';
import { ratio, summarize } from './stats';

/**
 * Throughput of one route through the local API (HTTP on 127.0.0.1, autocannon in its own
 * process), next to DynamoDB Local answering the same concurrency directly: the route's own
 * Query (or a GSI1 page) alone, and the route's whole DynamoDB work replayed raw.
 */
export interface ThroughputOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function autocannon(
  url: string,
  headers: Record<string, string>,
  method: string,
  body: string | undefined,
  connections: number,
  seconds: number,
): Promise<AutocannonJson> {
  const args = [autocannonCli, '-j', '-c', String(connections), '-d', String(seconds), '-m', method];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  if (body !== undefined) args.push('-b', body);
  args.push(url);
  const run = await runTracked(process.execPath, args, {
    timeoutMs: (seconds + 30) * 1000,
    env: process.env,
  });
  if (run.code !== 0)
    throw new Error(
      `autocannon exited with ${run.code}${run.timedOut ? ' (timed out)' : ''}: ${run.stderr.slice(-500)}`,
    );
  return JSON.parse(run.stdout) as AutocannonJson;
}

/** `connections` loops calling `work` back to back for `seconds`. */
async function closedLoop(work: () => Promise<unknown>, connections: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      // Bounded by the deadline; the guard only protects against a clock anomaly.
      for (let guard = 0; guard < 10_000_000 && performance.now() < deadline; guard++) {
        const started = performance.now();
        try {
          await work();
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { requestsPerSecond: latencies.length / seconds, latencyMs: summarize(latencies), errors };
}

export async function measureThroughput(
  env: BenchEnv,
  route: RouteDefinition,
  scenario: Scenario,
  calls: CapturedCall[],
  options: ThroughputOptions,
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const request = await scenario.next();
  const query = new URLSearchParams(request.query ?? {}).toString();
  const url = `${env.publicUrl}/api${concretePath(route, request.params)}${query ? `?${query}` : ''}`;
  const result: ThroughputResult = {
    routeId: route.id,
    url,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    api: null,
    rawQuery: null,
    rawSameWork: null,
    ratioToRawQuery: null,
    ratioToRawSameWork: null,
  };
  if (route.method !== 'GET')
    result.note = `${route.method} route: every request repeats the same body (and its side effects)`;
  const headers = requestHeaders(route, request, env.publicUrl);
  const cookie = Object.entries(request.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  if (cookie) headers.cookie = cookie;
  delete headers.host;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);

  try {
    log(
      `  API: ${route.method} ${url.replace(env.publicUrl, '')} — ${options.connections} connections, ${options.durationSeconds} s`,
    );
    await autocannon(url, headers, route.method, body, options.connections, options.warmupSeconds);
    const api = await autocannon(
      url,
      headers,
      route.method,
      body,
      options.connections,
      options.durationSeconds,
    );
    result.api = {
      requestsPerSecond: api.requests.average,
      latencyMs: {
        p50: api.latency.p50,
        p97_5: api.latency.p97_5,
        p99: api.latency.p99,
        max: api.latency.max,
      },
      total: api.requests.total,
      non2xx: api.non2xx,
      errors: api.errors,
      timeouts: api.timeouts,
    };
  } catch (error) {
    result.error = (error as Error).message;
  }

  // The route's own Query, or a GSI1 page of the big company when the route has none.
  const ownQuery = calls.find((call) => call.operation === 'Query');
  const queryInput = ownQuery?.input ?? {
    TableName: env.tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: {
      ':pk': { S: keys.insuredByNamePartition(env.companies.big.companyId).GSI1PK },
    },
    Limit: 50,
    ReturnConsumedCapacity: 'TOTAL',
  };
  const rawQuery = () => env.raw.send(new QueryCommand(queryInput as never));
  log(`  raw Query (${ownQuery ? "the route's own" : 'GSI1 page of 50'}), same concurrency`);
  await closedLoop(rawQuery, options.connections, options.warmupSeconds);
  const raw = await closedLoop(rawQuery, options.connections, options.durationSeconds);
  result.rawQuery = { operation: ownQuery ? "route's Query" : 'GSI1 page (Limit 50)', ...raw };

  const plan = planReplay(calls);
  if (plan.calls > 0 && !plan.hasWrites && plan.unsupported.length === 0) {
    log(`  raw replay of the route's ${plan.calls} DynamoDB calls, same concurrency`);
    const replayer = new Replayer(env.raw, env.tableName);
    const prepared = await replayer.prepare(plan);
    const work = () => replayer.run(prepared);
    await closedLoop(work, options.connections, options.warmupSeconds);
    result.rawSameWork = {
      calls: plan.calls,
      ...(await closedLoop(work, options.connections, options.durationSeconds)),
    };
  }
  result.ratioToRawQuery = ratio(result.api?.requestsPerSecond, result.rawQuery.requestsPerSecond);
  result.ratioToRawSameWork = ratio(result.api?.requestsPerSecond, result.rawSameWork?.requestsPerSecond);
  return result;
}
