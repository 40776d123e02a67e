import { describe, expect, it } from 'vitest';
import {
  frequencies,
  groupIntoStages,
  median,
  percentile,
  ratio,
  round,
  summarize,
} from '../../../bench/stats';

describe('bench statistics', () => {
  it('interpolates percentiles between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([5, 1, 3], 0)).toBe(1);
    expect(percentile([5, 1, 3], 100)).toBe(5);
    expect(
      percentile(
        Array.from({ length: 101 }, (_, i) => i),
        95,
      ),
    ).toBe(95);
    expect(percentile([], 50)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
  });

  it('summarizes samples', () => {
    expect(summarize([1, 2, 3, 4, 10])).toMatchObject({ n: 5, p50: 3, min: 1, max: 10, mean: 4 });
    expect(summarize([]).n).toBe(0);
  });

  it('divides only what can be divided', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
  });

  it('counts values, most frequent first', () => {
    expect(frequencies([2, 3, 2, 2, 3, 1]).map(({ value, count }) => [value, count])).toEqual([
      [2, 3],
      [3, 2],
      [1, 1],
    ]);
  });

  it('groups overlapping calls into one stage and sequential ones into successive stages', () => {
    // BatchGet alone, then GetItem and Query together (Promise.all), then a write.
    const spans = [
      { start: 0, end: 5 },
      { start: 6, end: 9 },
      { start: 6.1, end: 12 },
      { start: 12.5, end: 20 },
    ];
    expect(groupIntoStages(spans)).toEqual([[0], [1, 2], [3]]);
    expect(groupIntoStages([])).toEqual([]);
    // Input order does not matter.
    expect(groupIntoStages([spans[3]!, spans[0]!])).toEqual([[1], [0]]);
  });

  it('rounds for display', () => {
    expect(round(3.14159)).toBe(3.14);
    expect(round(31.4159)).toBe(31.4);
    expect(round(314.159)).toBe(314);
    expect(round(null)).toBeNull();
  });
});
