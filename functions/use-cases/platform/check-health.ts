import type { DependencyName, HealthResponse } from '../../contracts/platform';
import type { Clock } from '../../ports/clock';

export type DependencyProbe = () => Promise<void>;
export type DependencyProbes = Record<DependencyName, DependencyProbe>;

/** Every probe runs at once, each bounded, so one dead dependency cannot hang the answer. */
export const checkHealth =
  ({ probes, clock, timeoutMs = 3_000 }: { probes: DependencyProbes; clock: Clock; timeoutMs?: number }) =>
  async (): Promise<HealthResponse> => {
    const entries = await Promise.all(
      (Object.entries(probes) as [DependencyName, DependencyProbe][]).map(async ([name, probe]) => {
        const started = clock.nowMs();
        try {
          await withTimeout(probe(), timeoutMs);
          return [name, { ok: true, latencyMs: Math.round(clock.nowMs() - started) }] as const;
        } catch (error) {
          const reason = error instanceof Error ? error.name || error.message : 'unknown';
          return [
            name,
            { ok: false, latencyMs: Math.round(clock.nowMs() - started), error: reason },
          ] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries) as HealthResponse['checks'];
    return { status: entries.every(([, check]) => check.ok) ? 'ok' : 'degraded', checks };
  };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'Timeout' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
