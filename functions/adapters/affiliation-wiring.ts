/**
 * The production wiring every affiliation journey shares (pré-affiliation, BIA, dispenses):
 * each ports builder adds only what its use cases need on top of it.
 */
import { affiliationRequestsRepository } from './dynamodb/affiliation-requests-repository';
import { usersRepository } from './dynamodb/users-repository';
import { cryptoSecrets } from './system/crypto-secrets';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { config } from '../runtime/config';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/affiliation-request';

export function sharedAffiliationPorts() {
  return {
    requests: affiliationRequestsRepository(),
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    secrets: cryptoSecrets,
    // Links in e-mails are built as `${publicUrl}/…`: no doubled slash.
    publicUrl: config().PUBLIC_URL.replace(/\/$/, ''),
  };
}

/** The reminder and abandonment schedule, with the durations the deployment configures. */
export function configuredReminderPolicy(): ReminderPolicy {
  const settings = config();
  return {
    ...DEFAULT_REMINDER_POLICY,
    reminderDays: settings.AFFILIATION_REMINDER_DAYS,
    abandonAfterDays: settings.AFFILIATION_ABANDON_DAYS,
  };
}
