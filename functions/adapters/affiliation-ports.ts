import { employeesRepository } from './dynamodb/employees-repository';
import { keyedDigest } from './system/keyed-digest';
import { configuredReminderPolicy, sharedAffiliationPorts } from './affiliation-wiring';
import { config } from '../runtime/config';
import type { AffiliationPorts } from '../use-cases/affiliation/ports';
import type { Clock } from '../ports/clock';

let ports: AffiliationPorts | undefined;

/** The production wiring of the employer-side affiliation use cases and the reminder job. */
export function affiliationPorts(): AffiliationPorts {
  ports ??= {
    ...sharedAffiliationPorts(),
    employees: employeesRepository(),
    nirDigest: (nir) => keyedDigest('nir', nir),
    policy: configuredReminderPolicy(),
    generatedBucket: config().GENERATED_BUCKET,
  };
  return ports;
}

/** A clock stopped at one instant: a job run "as if it were" that time (local test stacks). */
export const fixedClock = (iso: string): Clock => {
  const ms = Date.parse(iso);
  return { nowMs: () => ms, nowIso: () => new Date(ms).toISOString() };
};
