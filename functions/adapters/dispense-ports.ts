import { affiliationRequestsRepository } from './dynamodb/affiliation-requests-repository';
import { dispensesRepository } from './dynamodb/dispenses-repository';
import { usersRepository } from './dynamodb/users-repository';
import { cryptoSecrets } from './system/crypto-secrets';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { config } from '../runtime/config';
import { DEFAULT_REMINDER_POLICY } from '../domain/affiliation-request';
import type { DispensePorts } from '../use-cases/dispenses/ports';

let ports: DispensePorts | undefined;

/** The production wiring of the employer's dispenses and of the job reminding their end. */
export function dispensePorts(): DispensePorts {
  const settings = config();
  ports ??= {
    dispenses: dispensesRepository(),
    requests: affiliationRequestsRepository(),
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    secrets: cryptoSecrets,
    // The same schedule as every affiliation journey (a refusal reopens one).
    policy: {
      ...DEFAULT_REMINDER_POLICY,
      reminderDays: settings.AFFILIATION_REMINDER_DAYS,
      abandonAfterDays: settings.AFFILIATION_ABANDON_DAYS,
    },
    uploadsBucket: settings.UPLOADS_BUCKET,
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
  };
  return ports;
}
