/**
 * Pure number helpers of the benchmark: percentiles, ratios, and how many sequential
 * "stages" a request's SDK calls form (calls issued together with Promise.all share a stage).
 */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC definition). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0)
    return { n: 0, p50: Number.NaN, p95: Number.NaN, mean: Number.NaN, min: Number.NaN, max: Number.NaN };
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** How often each value occurs, most frequent first (ties: first seen first). */
export function frequencies<T>(
  values: readonly T[],
  key: (value: T) => string = String,
): { key: string; value: T; count: number }[] {
  const counts = new Map<string, { key: string; value: T; count: number }>();
  for (const value of values) {
    const k = key(value);
    const entry = counts.get(k);
    if (entry) entry.count += 1;
    else counts.set(k, { key: k, value, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

export interface TimedSpan {
  start: number;
  end: number;
}

/**
 * Groups calls into sequential stages: a call that starts after every earlier call has
 * ended opens a new stage; calls that overlap (issued together) share one. Returns the
 * indexes of the input, stage by stage, each stage in start order.
 */
export function groupIntoStages(spans: readonly TimedSpan[]): number[][] {
  const order = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start);
  const stages: number[][] = [];
  let stageEnd = Number.NEGATIVE_INFINITY;
  for (const { span, index } of order) {
    if (stages.length === 0 || span.start >= stageEnd) {
      stages.push([index]);
      stageEnd = span.end;
    } else {
      stages[stages.length - 1]!.push(index);
      stageEnd = Math.max(stageEnd, span.end);
    }
  }
  return stages;
}

/** Rounds for display: 2 decimals under 10, 1 under 100, none above. */
export function round(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
