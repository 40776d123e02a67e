import type { ReminderPolicy } from '../../domain/affiliation-request';
import type { AffiliationRequestsRepository } from '../../adapters/dynamodb/affiliation-requests-repository';
import type { DispensesRepository } from '../../adapters/dynamodb/dispenses-repository';
import type { UsersRepository } from '../../adapters/dynamodb/users-repository';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Secrets } from '../../ports/secrets';

/** What the employer's dispense use cases and the reminder job work with. */
export interface DispensePorts {
  dispenses: DispensesRepository;
  /** A refused dispense reopens the demande d'affiliation it came from. */
  requests: Pick<AffiliationRequestsRepository, 'get'>;
  users: Pick<UsersRepository, 'getUser' | 'getCompany' | 'getMany' | 'companyMembers'>;
  clock: Clock;
  ids: Ids;
  secrets: Secrets;
  /** The schedule of a reopened affiliation journey (reminders, link validity). */
  policy: ReminderPolicy;
  /** Where the employees' proofs are (download links for the employer). */
  uploadsBucket: string;
  /** The portal's origin, without a trailing slash (links in e-mails). */
  publicUrl: string;
}
