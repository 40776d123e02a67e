import { describe, expect, it } from 'vitest';
import type { BenchResults, RouteResult } from '../../../bench/results-types';
import { summarize } from '../../../bench/stats';
import { evaluateTargets } from '../../../bench/targets';

const route = (
  id: string,
  method: string,
  trips: number,
  statuses: number[],
  expected = [200],
): RouteResult => ({
  id,
  method,
  path: `/${id}`,
  access: 'authenticated',
  handler: `handlers/${id}.ts`,
  localOnly: false,
  kind: method === 'GET' ? 'read' : 'write',
  scenario: 'test',
  generic: false,
  iterations: statuses.length,
  warmup: 0,
  statuses: statuses.map((value) => ({ value, count: 1 })),
  expectedStatuses: expected,
  outcomes: [],
  dynamodb: {
    roundTrips: { typical: trips, min: trips, max: trips, distribution: [{ value: trips, count: 1 }] },
    stages: { typical: trips, max: trips },
    operations: [],
    rcu: { median: 1, max: 1 },
    wcu: { median: 0, max: 0 },
    scan: false,
  },
  otherCalls: [],
  probeMismatches: 0,
  latencyMs: summarize([1]),
  baseline: null,
  ratio: { p50: null, p95: null },
});

const results = (routes: RouteResult[]): BenchResults =>
  ({
    routes,
    lists: { measured: true, routes: [], rawPages: [], rawRcuRatio: null, rawLatencyRatioP50: null },
    throughput: null,
    bundles: null,
    spa: null,
  }) as unknown as BenchResults;

describe('targets of issue #4', () => {
  it('judges reads against 2 round trips and writes against 3', () => {
    const checks = evaluateTargets(
      results([route('getMe', 'GET', 3, [200]), route('login', 'POST', 3, [200])]),
    );
    expect(checks.find((check) => check.subject === 'getMe (read)')?.pass).toBe(false);
    expect(checks.find((check) => check.subject === 'login (write)')?.pass).toBe(true);
  });

  it('does not judge a request every call of which was refused', () => {
    const checks = evaluateTargets(results([route('inviteUser', 'POST', 1, [400, 400])]));
    const check = checks.find((c) => c.subject === 'inviteUser (write)');
    expect(check?.pass).toBeNull();
    expect(check?.measured).toMatch(/400/);
  });

  it('says so when there is no list route yet', () => {
    const checks = evaluateTargets(results([]));
    expect(checks.find((check) => check.group === '20k/50 ratio')).toMatchObject({
      measured: 'no list route yet',
      pass: null,
    });
  });
});
