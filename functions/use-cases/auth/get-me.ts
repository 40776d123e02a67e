import { DomainError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import type { MeResponse } from '../../contracts/auth';
import type { AuthPorts } from './auth-ports';
import type { User } from '../../domain/users';

/** The signed-in user, with every company they may act for and their profile on each. */
export const getMe =
  (ports: Pick<AuthPorts, 'users'>) =>
  async (userId: string, known?: User): Promise<MeResponse> => {
    const [user, memberships] = await Promise.all([
      known ?? ports.users.getUser(userId),
      ports.users.memberships(userId),
    ]);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    return {
      userId: user.userId,
      email: user.email,
      civilite: user.civilite,
      firstName: user.firstName,
      lastName: user.lastName,
      maskedPhone: user.phoneVerified && user.mobile ? maskPhone(user.mobile) : null,
      companies: memberships
        .filter((membership) => membership.status === 'active')
        .map((membership) => ({
          companyId: membership.companyId,
          name: membership.companyName,
          mainSiret: membership.mainSiret,
          role: membership.role,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  };
