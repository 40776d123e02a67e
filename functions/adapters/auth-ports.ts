import { usersRepository } from './dynamodb/users-repository';
import { sessionsRepository } from './dynamodb/sessions-repository';
import { dynamoRateLimiter } from './dynamodb/rate-limiter';
import { cognitoIdentityProvider } from './cognito/cognito-identity-provider';
import { cryptoSecrets } from './system/crypto-secrets';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { isCommonPassword } from './system/common-passwords';
import { config } from '../runtime/config';
import type { AuthPorts } from '../use-cases/auth/auth-ports';

let ports: AuthPorts | undefined;

/** The production wiring of the authentication use cases (created once per container). */
export function authPorts(): AuthPorts {
  ports ??= {
    users: usersRepository(),
    sessions: sessionsRepository(),
    identity: cognitoIdentityProvider(),
    secrets: cryptoSecrets,
    clock: systemClock,
    ids: ulidIds,
    rateLimiter: dynamoRateLimiter(() => systemClock.nowMs()),
    isCommonPassword,
    publicUrl: config().PUBLIC_URL.replace(/\/$/, ''),
  };
  return ports;
}
