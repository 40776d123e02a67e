import type { UsersRepository } from '../../adapters/dynamodb/users-repository';
import type { SessionsRepository } from '../../adapters/dynamodb/sessions-repository';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { IdentityProvider } from '../../ports/identity-provider';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { Secrets } from '../../ports/secrets';

/** Everything the authentication use cases touch, passed in (tests swap the clock). */
export interface AuthPorts {
  users: UsersRepository;
  sessions: SessionsRepository;
  identity: IdentityProvider;
  secrets: Secrets;
  clock: Clock;
  ids: Ids;
  rateLimiter: RateLimiter;
  isCommonPassword: (candidate: string) => boolean;
  /** Origin of the SPA, for links in e-mails. */
  publicUrl: string;
}
