import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../bench/options';

describe('bench options', () => {
  it('defaults to the full run of issue #4', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({
      quick: false,
      bigInsured: 20_000,
      smallInsured: 50,
      iterations: 100,
      connections: 10,
      durationSeconds: 10,
      coldRuns: 3,
      compression: true,
    });
  });

  it('reads overrides and phases to skip', () => {
    const options = parseOptions([
      '--quick',
      '--iterations=7',
      '--skip=lighthouse,bundles',
      '--throughput-route=getMe',
      '--no-compression',
    ]);
    expect(options).toMatchObject({
      quick: true,
      bigInsured: 2_000,
      iterations: 7,
      skip: ['lighthouse', 'bundles'],
      throughputRoute: 'getMe',
      compression: false,
    });
  });

  it('refuses what it does not know', () => {
    expect(() => parseOptions(['--skip=everything'])).toThrow(/unknown phase/);
    expect(() => parseOptions(['--iterations=-1'])).toThrow(/integer/);
    expect(() => parseOptions(['--frobnicate'])).toThrow(/unknown option/);
    expect(() => parseOptions(['stray'])).toThrow(/unknown argument/);
  });
});
