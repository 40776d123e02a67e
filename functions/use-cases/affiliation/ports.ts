import type { ReminderPolicy } from '../../domain/affiliation-request';
import type { AffiliationRequestsRepository } from '../../adapters/dynamodb/affiliation-requests-repository';
import type { EmployeesRepository } from '../../adapters/dynamodb/employees-repository';
import type { UsersRepository } from '../../adapters/dynamodb/users-repository';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Secrets } from '../../ports/secrets';

/** What the employer-side affiliation use cases and the reminder job work with. */
export interface AffiliationPorts {
  requests: AffiliationRequestsRepository;
  employees: Pick<EmployeesRepository, 'contracts' | 'insuredByNirDigest'>;
  users: Pick<UsersRepository, 'getUser' | 'getCompany' | 'getMany'>;
  clock: Clock;
  ids: Ids;
  secrets: Secrets;
  nirDigest: (nir: string) => string;
  policy: ReminderPolicy;
  generatedBucket: string;
  /** The portal's origin, without a trailing slash (links in e-mails). */
  publicUrl: string;
}

/** The employer acting (from the session's user, read once by the access check). */
export interface Actor {
  userId: string;
  firstName: string;
  lastName: string;
}

/** The actor of an employer route, from the principal the access check established. */
export function actorOf(
  principal: { userId: string; user?: { firstName: string; lastName: string } } | null,
): Actor {
  if (!principal) throw new Error('An employer route runs with a principal');
  return {
    userId: principal.userId,
    firstName: principal.user?.firstName ?? '',
    lastName: principal.user?.lastName ?? '',
  };
}
