import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { backOfficeRepository } from '../../functions/adapters/dynamodb/back-office-repository';
import { keys } from '../../functions/adapters/dynamodb/table-keys';
import { put, update, usersRepository } from '../../functions/adapters/dynamodb/users-repository';
import { cognitoIdentityProvider } from '../../functions/adapters/cognito/cognito-identity-provider';
import { ulidIds } from '../../functions/adapters/system/ulid-ids';
import { CURRENT_CGU_VERSION } from '../../functions/contracts/auth';
import type { Role } from '../../functions/domain/users';
import { DEMO_COMPANIES, DEMO_UNACTIVATED_COMPANY } from './demo-data';

/** Shown at start and in the README: local demo accounts only, never deployed. */
export const DEMO_PASSWORD = 'Terrasse-ensoleillee-2026';

export interface DemoUser {
  email: string;
  civilite: 'M' | 'MME';
  firstName: string;
  lastName: string;
  mobile: string;
  /** companyNumber → profile. */
  rights: Record<string, Role>;
  label: string;
}

const activated = DEMO_COMPANIES.filter(
  (company) => company.companyNumber !== DEMO_UNACTIVATED_COMPANY.companyNumber,
);

/** An administrator per activated company, and a tiers déclarant (accountant) acting for several. */
export const DEMO_USERS: readonly DemoUser[] = [
  ...activated.map((company, index) => ({
    email: `admin.${company.companyNumber.toLowerCase()}@example.com`,
    civilite: index % 2 === 0 ? ('MME' as const) : ('M' as const),
    firstName: ['Camille', 'Julien', 'Sophie', 'Thomas'][index % 4]!,
    lastName: ['Moreau', 'Girard', 'Fontaine', 'Chevalier'][index % 4]!,
    mobile: `+3361234560${index}`,
    rights: { [company.companyNumber]: 'admin' as Role },
    label: `administrateur de ${company.name}`,
  })),
  {
    email: 'cabinet.martin@example.com',
    civilite: 'M',
    firstName: 'Bruno',
    lastName: 'Martin',
    mobile: '+33712345699',
    rights: Object.fromEntries(
      activated.map((company, index) => [company.companyNumber, index === 0 ? 'admin' : 'user']),
    ) as Record<string, Role>,
    label: 'tiers déclarant (cabinet comptable) de plusieurs entreprises',
  },
];

/**
 * Creates the demo accounts (Cognito + table) and marks their companies activated. Idempotent:
 * accounts that exist are left as they are, so a restart keeps what people changed.
 */
export async function seedDemoUsers(): Promise<void> {
  const users = usersRepository();
  const identity = cognitoIdentityProvider();
  const companyIds = await backOfficeRepository().companyIdsByNumber(
    activated.map((company) => company.companyNumber),
  );
  const nowIso = new Date().toISOString();
  for (const demo of DEMO_USERS) {
    if (await users.userByEmail(demo.email)) continue;
    const userId = ulidIds.next();
    await identity.createUser({ email: demo.email, password: DEMO_PASSWORD });
    const memberships = Object.entries(demo.rights).map(([companyNumber, role]) => {
      const companyId = companyIds.get(companyNumber)!;
      const company = activated.find((c) => c.companyNumber === companyNumber)!;
      return put({
        ...keys.membership(userId, companyId),
        ...keys.companyMember(companyId, userId),
        _type: 'Membership',
        _v: 1,
        userId,
        companyId,
        role,
        status: 'active',
        companyName: company.name,
        mainSiret: company.mainSiret,
        grantedAt: nowIso,
        grantedBy: 'demo-seed',
      });
    });
    try {
      await users.transact([
        put(
          {
            ...keys.user(userId),
            _type: 'User',
            _v: 1,
            userId,
            email: demo.email,
            civilite: demo.civilite,
            lastName: demo.lastName,
            firstName: demo.firstName,
            mobile: demo.mobile,
            phoneVerified: true,
            status: 'active',
            identityStatus: 'created',
            cgu: { version: CURRENT_CGU_VERSION, acceptedAt: nowIso },
            lastLoginAt: null,
            lastLoginIp: null,
            createdAt: nowIso,
            version: 1,
          },
          'attribute_not_exists(PK)',
        ),
        put(
          { ...keys.userEmail(demo.email), _type: 'UserEmail', _v: 1, userId, email: demo.email },
          'attribute_not_exists(PK)',
        ),
        ...memberships,
        // Keeps the company's count of active administrators (the last-admin rule relies on it).
        ...Object.entries(demo.rights)
          .filter(([, role]) => role === 'admin')
          .map(([companyNumber]) =>
            update(
              keys.company(companyIds.get(companyNumber)!),
              'ADD adminCount :one',
              { ':one': 1 },
              'attribute_exists(PK)',
            ),
          ),
      ]);
    } catch (error) {
      // Another start seeded the same account at the same moment: theirs stands.
      if (!(error instanceof TransactionCanceledException)) throw error;
    }
  }
  for (const company of activated) {
    await users.transact([
      update(
        keys.company(companyIds.get(company.companyNumber)!),
        'SET activated = :true, activatedAt = if_not_exists(activatedAt, :now)',
        { ':true': true, ':now': nowIso },
        'attribute_exists(PK)',
      ),
    ]);
  }
}
