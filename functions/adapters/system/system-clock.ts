import type { Clock } from '../../ports/clock';

export const systemClock: Clock = {
  nowMs: () => performance.timeOrigin + performance.now(),
  nowIso: () => new Date().toISOString(),
};
