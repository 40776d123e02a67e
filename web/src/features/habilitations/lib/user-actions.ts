import type { CompanyUser } from '../../../../../functions/contracts/users';

/** What an administrator can do with one user of the list, given the states the API reports. */
export type UserAction = 'edit' | 'resend' | 'suspend' | 'revoke' | 'reactivate';

export function availableActions(
  user: Pick<CompanyUser, 'membershipStatus' | 'accountStatus'>,
): UserAction[] {
  switch (user.membershipStatus) {
    case 'active':
      return [
        'edit',
        // Only someone who has not created their password yet has a link to receive again.
        ...(user.accountStatus === 'invited' ? (['resend'] as const) : []),
        'suspend',
        'revoke',
      ];
    case 'suspended':
      return ['edit', 'reactivate', 'revoke'];
    case 'revoked':
      // Final: the API refuses any change.
      return [];
  }
}

/** A line under the status, when the account (not the access) needs something from the person. */
export function accountNote(user: Pick<CompanyUser, 'accountStatus'>): string | undefined {
  switch (user.accountStatus) {
    case 'invited':
      return 'Mot de passe pas encore créé';
    case 'pending_email':
      return 'Adresse e-mail à confirmer';
    case 'suspended':
    case 'deactivated':
      return 'Compte désactivé';
    default:
      return undefined;
  }
}

export const CIVILITE_SHORT: Record<CompanyUser['civilite'], string> = { M: 'M.', MME: 'Mme' };

export const fullName = (user: Pick<CompanyUser, 'firstName' | 'lastName'>) =>
  `${user.firstName} ${user.lastName}`;
