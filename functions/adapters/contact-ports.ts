import { usersRepository } from './dynamodb/users-repository';
import { dynamoRateLimiter } from './dynamodb/rate-limiter';
import { cryptoSecrets } from './system/crypto-secrets';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { config } from '../runtime/config';
import type { ContactPorts } from '../use-cases/contact/contact';

let ports: ContactPorts | undefined;

export function contactPorts(): ContactPorts {
  const settings = config();
  ports ??= {
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    secrets: cryptoSecrets,
    rateLimiter: dynamoRateLimiter(() => systemClock.nowMs()),
    uploadsBucket: settings.UPLOADS_BUCKET,
    insurerTeamEmail: settings.INSURER_TEAM_EMAIL,
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
  };
  return ports;
}
