import type { Role } from './users';

/**
 * Rules of "Gestion des habilitations". Every company keeps at least one active
 * Administrateur: the last one cannot be demoted, suspended or revoked. The table keeps an
 * `adminCount` on the company so the rule holds under concurrent edits (a conditional
 * decrement), not only in a read-then-write check.
 */
export type MembershipStatus = 'active' | 'suspended' | 'revoked';

export interface MembershipState {
  role: Role;
  status: MembershipStatus;
}

/** +1, 0 or −1: how a change of role/status moves the company's count of active admins. */
export function adminCountDelta(before: MembershipState | null, after: MembershipState): -1 | 0 | 1 {
  const wasAdmin = before !== null && before.role === 'admin' && before.status === 'active';
  const isAdmin = after.role === 'admin' && after.status === 'active';
  return wasAdmin === isAdmin ? 0 : isAdmin ? 1 : -1;
}

export type StatusChange = 'suspend' | 'revoke' | 'reactivate';

/** Which status changes are allowed: a revoked membership stays revoked (kept for the audit). */
export function nextStatus(current: MembershipStatus, change: StatusChange): MembershipStatus | null {
  if (current === 'revoked') return null;
  if (change === 'reactivate') return current === 'suspended' ? 'active' : null;
  if (change === 'suspend') return current === 'active' ? 'suspended' : null;
  return 'revoked';
}
