import type { Clock } from '../../ports/clock';

/** One time source for both forms, so an ISO stamp and a millisecond stamp never disagree. */
const nowMs = () => Date.now();

export const systemClock: Clock = {
  nowMs,
  nowIso: () => new Date(nowMs()).toISOString(),
};
