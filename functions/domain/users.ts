/** Profile on a company: Administrateur or Utilisateur. */
export type Role = 'admin' | 'user';

/** invited: waits for the password of an invitation; pending_email: activated, e-mail not confirmed. */
export type UserStatus = 'invited' | 'pending_email' | 'active' | 'suspended' | 'deactivated';

export interface User {
  userId: string;
  email: string;
  civilite: 'M' | 'MME';
  lastName: string;
  firstName: string;
  /** E.164, or null before the user gave one. */
  mobile: string | null;
  phoneVerified: boolean;
  status: UserStatus;
  lastLoginAt: string | null;
  lastLoginIp: string | null;
  /** Sessions created before this instant are refused (password change or reset). */
  sessionsNotBefore?: string;
  version: number;
}

export interface Membership {
  userId: string;
  companyId: string;
  role: Role;
  status: 'active' | 'suspended' | 'revoked';
  companyName: string;
  mainSiret: string;
}

export interface Company {
  companyId: string;
  companyNumber: string;
  name: string;
  mainSiret: string;
  activated: boolean;
}
