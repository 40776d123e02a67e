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

  it('judges a 20k/50 list ratio only on equally full pages', () => {
    const page = (rcu: number, outcome: string): RouteResult => ({
      ...route('listAnomalies', 'GET', 2, [200]),
      outcomes: [{ value: outcome, count: 1 }],
      dynamodb: { ...route('listAnomalies', 'GET', 2, [200]).dynamodb, rcu: { median: rcu, max: rcu } },
    });
    const compared = (big: RouteResult, small: RouteResult) => {
      const input = results([]);
      input.lists.routes = [
        {
          id: 'listAnomalies',
          path: '/x',
          big,
          small,
          rcuRatio: big.dynamodb.rcu.median / small.dynamodb.rcu.median,
          latencyRatioP50: 1,
        },
      ];
      return evaluateTargets(input).find((check) => check.subject === 'listAnomalies RCU');
    };

    expect(compared(page(6.5, '25 items + cursor'), page(6.5, '25 items + cursor'))?.pass).toBe(true);
    const unequal = compared(page(6.5, '25 items + cursor'), page(1.5, '3 items'));
    expect(unequal?.pass).toBeNull();
    expect(unequal?.note).toMatch(/not equally full/);
    expect(compared(page(13, '25 items + cursor'), page(6.5, '25 items + cursor'))?.pass).toBe(false);
  });

  it('says so when there is no list route yet', () => {
    const checks = evaluateTargets(results([]));
    expect(checks.find((check) => check.group === '20k/50 ratio')).toMatchObject({
      measured: 'no list route yet',
      pass: null,
    });
  });
});
