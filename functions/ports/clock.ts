/** Time comes in through this port so that rules and use cases are testable at any date. */
export interface Clock {
  /** Milliseconds since the epoch (may be fractional for latency measures). */
  nowMs(): number;
  /** The current instant, ISO-8601 UTC. */
  nowIso(): string;
}
