import { affiliationRequestsRepository } from './dynamodb/affiliation-requests-repository';
import { employeesRepository } from './dynamodb/employees-repository';
import { usersRepository } from './dynamodb/users-repository';
import { cryptoSecrets } from './system/crypto-secrets';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { keyedDigest } from './system/keyed-digest';
import { config } from '../runtime/config';
import { DEFAULT_REMINDER_POLICY } from '../domain/affiliation-request';
import type { AffiliationPorts } from '../use-cases/affiliation/ports';
import type { Clock } from '../ports/clock';

let ports: AffiliationPorts | undefined;

/** The production wiring of the employer-side affiliation use cases and the reminder job. */
export function affiliationPorts(): AffiliationPorts {
  const settings = config();
  ports ??= {
    requests: affiliationRequestsRepository(),
    employees: employeesRepository(),
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    secrets: cryptoSecrets,
    nirDigest: (nir) => keyedDigest('nir', nir),
    policy: {
      ...DEFAULT_REMINDER_POLICY,
      reminderDays: settings.AFFILIATION_REMINDER_DAYS,
      abandonAfterDays: settings.AFFILIATION_ABANDON_DAYS,
    },
    generatedBucket: settings.GENERATED_BUCKET,
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
  };
  return ports;
}

/** A clock stopped at one instant: a job run "as if it were" that time (local test stacks). */
export const fixedClock = (iso: string): Clock => {
  const ms = Date.parse(iso);
  return { nowMs: () => ms, nowIso: () => new Date(ms).toISOString() };
};
