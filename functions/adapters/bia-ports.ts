import { affiliationRequestsRepository } from './dynamodb/affiliation-requests-repository';
import { biaRepository } from './dynamodb/bia-repository';
import { employeesRepository } from './dynamodb/employees-repository';
import { usersRepository } from './dynamodb/users-repository';
import { cryptoSecrets } from './system/crypto-secrets';
import { keyedDigest } from './system/keyed-digest';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { config } from '../runtime/config';
import type { BiaPorts } from '../use-cases/affiliation/bia';

let ports: BiaPorts | undefined;

/** The production wiring of the employee's BIA and of the paper BIA of the back office. */
export function biaPorts(): BiaPorts {
  const settings = config();
  ports ??= {
    requests: affiliationRequestsRepository(),
    bia: biaRepository(),
    employees: employeesRepository(),
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    secrets: cryptoSecrets,
    // The same digest as the back-office import's lookups, so both find the same person.
    nirDigest: (nir) => keyedDigest('nir', nir),
    uploadsBucket: settings.UPLOADS_BUCKET,
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
  };
  return ports;
}
