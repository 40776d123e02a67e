import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, notFound, unprocessable } from '../../domain/errors';
import { maskPhone, normaliseFrenchMobile } from '../../domain/phone';
import { adminCountDelta, nextStatus, type StatusChange } from '../../domain/rights';
import type { Membership, Role, User } from '../../domain/users';
import type { CompanyUser, InviteUserRequest } from '../../contracts/users';
import { keys } from '../../adapters/dynamodb/table-keys';
import { del, put, update } from '../../adapters/dynamodb/users-repository';
import type { TransactItem } from '../../adapters/dynamodb/transact';
import { emailTemplates } from '../messages/email-templates';
import type { AuthPorts } from '../auth/auth-ports';
import { emailOutbox, linkUrl, newLinkToken } from '../auth/shared';
import { auditPut, displayName } from './audit';

export const INVITATION_LINK_TTL_MS = 7 * 24 * 3600_000;

type Actor = { userId: string };
type MemberRecord = Membership & { grantedAt: string; version?: number };
type UserRecord = User & { invitationDigest?: string };

const toCompanyUser = (user: UserRecord, membership: MemberRecord): CompanyUser => ({
  userId: user.userId,
  civilite: user.civilite,
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
  maskedPhone: user.mobile ? maskPhone(user.mobile) : null,
  role: membership.role,
  membershipStatus: membership.status,
  accountStatus: user.status as CompanyUser['accountStatus'],
  grantedAt: membership.grantedAt,
  version: membership.version ?? 1,
});

async function actorRecord(ports: AuthPorts, actor: Actor): Promise<UserRecord> {
  const user = await ports.users.getUser(actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  return user;
}

/**
 * A member of the company in the path, or 404: another company's user is "not found",
 * never "forbidden", so the answer confirms nothing about people outside the company.
 */
async function memberOf(ports: AuthPorts, companyId: string, userId: string) {
  const [user, membership] = await Promise.all([
    ports.users.getUser(userId) as Promise<UserRecord | undefined>,
    ports.users.membership(userId, companyId) as Promise<MemberRecord | undefined>,
  ]);
  if (!user || !membership) throw notFound('USER_NOT_FOUND');
  return { user, membership };
}

/** The membership update and, when the count of active admins moves, the company's counter. */
function membershipChange(
  companyId: string,
  membership: MemberRecord,
  next: { role: Role; status: Membership['status'] },
  nowIso: string,
  actorId: string,
): TransactItem[] {
  const delta = adminCountDelta(membership, next);
  const version = membership.version ?? 1;
  return [
    update(
      keys.membership(membership.userId, companyId),
      'SET #role = :role, #status = :status, updatedAt = :now, updatedBy = :actor, version = :next',
      {
        ':role': next.role,
        ':status': next.status,
        ':now': nowIso,
        ':actor': actorId,
        ':next': version + 1,
        ':expected': version,
        ':first': 1,
      },
      // Someone else changed this membership since it was read: refuse rather than overwrite.
      '(attribute_not_exists(version) AND :expected = :first) OR version = :expected',
      { '#role': 'role', '#status': 'status' },
    ),
    ...(delta === 0
      ? []
      : [
          delta < 0
            ? // The last active administrator cannot be demoted, suspended or revoked.
              update(
                keys.company(companyId),
                'ADD adminCount :delta',
                { ':delta': delta, ':one': 1 },
                'adminCount > :one',
              )
            : update(
                keys.company(companyId),
                'ADD adminCount :delta',
                { ':delta': delta },
                'attribute_exists(PK)',
              ),
        ]),
  ];
}

function explainCancellation(error: unknown, delta: number): never {
  if (error instanceof TransactionCanceledException) {
    const reasons = error.CancellationReasons ?? [];
    if (delta < 0 && reasons[1]?.Code === 'ConditionalCheckFailed') throw unprocessable('LAST_ADMIN');
    if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new DomainError('VERSION_CONFLICT');
  }
  throw error;
}

export const listCompanyUsers =
  (ports: AuthPorts) =>
  async (companyId: string): Promise<{ items: CompanyUser[] }> => {
    const members = await ports.users.companyMembers(companyId);
    const users = await ports.users.getMany<UserRecord>(members.map((member) => keys.user(member.userId)));
    const byId = new Map(users.map((user) => [user.userId, user]));
    const items = members
      .filter((member) => byId.has(member.userId))
      .map((member) => toCompanyUser(byId.get(member.userId)!, member))
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'));
    return { items };
  };

/**
 * "Ajouter un utilisateur à mon espace entreprise". The inviter must administer every
 * company they grant. A new person gets an account waiting for its password and an e-mail
 * with a 7-day single-use link; an e-mail that already has an account just gets the rights
 * (and a notice) — the inviter sees the same success either way.
 */
export const inviteUser =
  (ports: AuthPorts) =>
  async (input: InviteUserRequest & { companyId: string; actor: Actor }): Promise<{ invited: true }> => {
    if (!input.rights.some((right) => right.companyId === input.companyId)) {
      throw unprocessable('INVITATION_MUST_INCLUDE_COMPANY', {
        rights: 'Incluez l’entreprise sélectionnée.',
      });
    }
    const actor = await actorRecord(ports, input.actor);
    const actorMemberships = await ports.users.getMany<MemberRecord>(
      input.rights.map((right) => keys.membership(actor.userId, right.companyId)),
    );
    const administered = new Map(
      actorMemberships
        .filter((m) => m.role === 'admin' && m.status === 'active')
        .map((m) => [m.companyId, m]),
    );
    if (input.rights.some((right) => !administered.has(right.companyId))) throw new DomainError('FORBIDDEN');
    const mobile = normaliseFrenchMobile(input.mobile);
    if (!mobile)
      throw unprocessable('INVALID_MOBILE', { mobile: 'Saisissez un numéro de mobile français (06 ou 07).' });

    const nowIso = ports.clock.nowIso();
    const existing = (await ports.users.userByEmail(input.email)) as UserRecord | undefined;
    const userId = existing?.userId ?? ports.ids.next();
    const existingMemberships = existing
      ? await ports.users.getMany<MemberRecord>(
          input.rights.map((right) => keys.membership(userId, right.companyId)),
        )
      : [];
    const alreadyMember = new Set(existingMemberships.map((m) => m.companyId));
    const granted = input.rights.filter((right) => !alreadyMember.has(right.companyId));
    const targetName = displayName(existing ?? input);

    const membershipItems = granted.flatMap((right) => {
      const company = administered.get(right.companyId)!;
      return [
        put(
          {
            ...keys.membership(userId, right.companyId),
            ...keys.companyMember(right.companyId, userId),
            _type: 'Membership',
            _v: 1,
            userId,
            companyId: right.companyId,
            role: right.role,
            status: 'active',
            companyName: company.companyName,
            mainSiret: company.mainSiret,
            grantedAt: nowIso,
            grantedBy: actor.userId,
            version: 1,
          },
          'attribute_not_exists(PK)',
        ),
        ...(right.role === 'admin'
          ? [
              update(
                keys.company(right.companyId),
                'ADD adminCount :one',
                { ':one': 1 },
                'attribute_exists(PK)',
              ),
            ]
          : []),
        auditPut(ports, {
          companyId: right.companyId,
          actorId: actor.userId,
          actorName: displayName(actor),
          action: existing ? 'user.rights-granted' : 'user.invited',
          targetId: userId,
          targetName,
          changes: { role: right.role },
        }),
      ];
    });

    const items: TransactItem[] = [...membershipItems];
    if (!existing) {
      const link = newLinkToken(ports, 'invitation', userId, INVITATION_LINK_TTL_MS);
      items.push(
        put(
          {
            ...keys.user(userId),
            _type: 'User',
            _v: 1,
            userId,
            email: input.email,
            civilite: input.civilite,
            lastName: input.lastName,
            firstName: input.firstName,
            mobile,
            phoneVerified: false,
            status: 'invited',
            identityStatus: 'pending',
            invitationDigest: link.digest,
            invitedBy: actor.userId,
            lastLoginAt: null,
            lastLoginIp: null,
            createdAt: nowIso,
            version: 1,
          },
          'attribute_not_exists(PK)',
        ),
        put(
          { ...keys.userEmail(input.email), _type: 'UserEmail', _v: 1, userId, email: input.email },
          'attribute_not_exists(PK)',
        ),
        put({
          ...keys.linkToken(link.digest),
          _type: 'LinkToken',
          _v: 1,
          purpose: 'invitation',
          userId,
          expiresAt: link.expiresAt,
        }),
        emailOutbox(
          ports,
          'users.invitation',
          input.email,
          emailTemplates.invitation({
            firstName: input.firstName,
            inviterName: displayName(actor),
            companyNames: input.rights.map((right) => administered.get(right.companyId)!.companyName),
            url: linkUrl(ports, '/invitation', link.token),
            validDays: INVITATION_LINK_TTL_MS / (24 * 3600_000),
          }),
        ),
      );
    } else if (granted.length > 0) {
      items.push(
        emailOutbox(
          ports,
          'users.rights-granted',
          existing.email,
          emailTemplates.rightsGranted({
            firstName: existing.firstName,
            inviterName: displayName(actor),
            companyNames: granted.map((right) => administered.get(right.companyId)!.companyName),
            url: `${ports.publicUrl}/connexion`,
          }),
        ),
      );
    }
    if (items.length > 100)
      throw unprocessable('TOO_MANY_COMPANIES', { rights: 'Trop d’entreprises en une fois (30 au plus).' });
    if (items.length > 0) {
      try {
        await ports.users.transact(items);
      } catch (error) {
        // A double click: the first invitation stands, the answer is the same.
        if (!(error instanceof TransactionCanceledException)) throw error;
      }
    }
    return { invited: true };
  };

export const updateUserRights =
  (ports: AuthPorts) =>
  async (input: {
    companyId: string;
    userId: string;
    actor: Actor;
    role: Role;
    version: number;
    civilite?: 'M' | 'MME';
    firstName?: string;
    lastName?: string;
  }): Promise<CompanyUser> => {
    const actor = await actorRecord(ports, input.actor);
    const { user, membership } = await memberOf(ports, input.companyId, input.userId);
    if ((membership.version ?? 1) !== input.version) throw new DomainError('VERSION_CONFLICT');
    if (membership.status === 'revoked') throw unprocessable('MEMBERSHIP_REVOKED');
    const nowIso = ports.clock.nowIso();
    const next = { role: input.role, status: membership.status };
    const identity = { civilite: input.civilite, firstName: input.firstName, lastName: input.lastName };
    const identityChanges = Object.fromEntries(
      Object.entries(identity).filter(
        ([field, value]) => value !== undefined && value !== user[field as keyof typeof identity],
      ),
    );
    const items = [
      ...membershipChange(input.companyId, membership, next, nowIso, actor.userId),
      ...(Object.keys(identityChanges).length > 0
        ? [
            update(
              keys.user(user.userId),
              `SET ${Object.keys(identityChanges)
                .map((field) => `${field} = :${field}`)
                .join(', ')}, version = version + :one`,
              {
                ...Object.fromEntries(Object.entries(identityChanges).map(([f, v]) => [`:${f}`, v])),
                ':one': 1,
              },
              'attribute_exists(PK)',
            ),
          ]
        : []),
      auditPut(ports, {
        companyId: input.companyId,
        actorId: actor.userId,
        actorName: displayName(actor),
        action: 'user.rights-updated',
        targetId: user.userId,
        targetName: displayName(user),
        changes: {
          ...(membership.role !== input.role ? { role: { from: membership.role, to: input.role } } : {}),
          ...Object.fromEntries(
            Object.entries(identityChanges).map(([field, value]) => [
              field,
              { from: user[field as keyof typeof identity], to: value },
            ]),
          ),
        },
      }),
    ];
    try {
      await ports.users.transact(items);
    } catch (error) {
      explainCancellation(error, adminCountDelta(membership, next));
    }
    return toCompanyUser({ ...user, ...identityChanges } as UserRecord, {
      ...membership,
      role: input.role,
      version: (membership.version ?? 1) + 1,
    });
  };

/**
 * Temporary (reactivable) or permanent (final) deactivation of someone's access to this
 * company, and reactivation. The person's sessions end at once; their data stays for audit.
 */
export const changeMembershipStatus =
  (ports: AuthPorts) =>
  async (input: { companyId: string; userId: string; actor: Actor; change: StatusChange }) => {
    const actor = await actorRecord(ports, input.actor);
    const { user, membership } = await memberOf(ports, input.companyId, input.userId);
    const status = nextStatus(membership.status, input.change);
    if (!status)
      throw unprocessable(input.change === 'reactivate' ? 'CANNOT_REACTIVATE' : 'ALREADY_DEACTIVATED');
    const next = { role: membership.role, status };
    const nowIso = ports.clock.nowIso();
    try {
      await ports.users.transact([
        ...membershipChange(input.companyId, membership, next, nowIso, actor.userId),
        auditPut(ports, {
          companyId: input.companyId,
          actorId: actor.userId,
          actorName: displayName(actor),
          action: input.change === 'reactivate' ? 'user.reactivated' : 'user.deactivated',
          targetId: user.userId,
          targetName: displayName(user),
          changes: { status: { from: membership.status, to: status } },
        }),
        // Ends every session of the person now, in the same transaction: a deactivation never
        // lands without it. Their other companies need a fresh login.
        ...(input.change !== 'reactivate'
          ? [
              update(
                keys.user(user.userId),
                'SET sessionsNotBefore = :now',
                { ':now': nowIso },
                'attribute_exists(PK)',
              ),
            ]
          : []),
      ]);
    } catch (error) {
      explainCancellation(error, adminCountDelta(membership, next));
    }
    if (input.change !== 'reactivate') {
      // Tidying only: sessionsNotBefore already refuses them, so a failure here is not the request's.
      await ports.sessions.deleteUserSessions(user.userId).catch(() => 0);
    }
    return { membershipStatus: status };
  };

/** A new password-creation link; the previous one dies (its digest is replaced and deleted). */
export const resendInvitation =
  (ports: AuthPorts) =>
  async (input: { companyId: string; userId: string; actor: Actor }): Promise<{ resent: true }> => {
    const actor = await actorRecord(ports, input.actor);
    const { user, membership } = await memberOf(ports, input.companyId, input.userId);
    if (user.status !== 'invited') throw unprocessable('INVITATION_ALREADY_ACCEPTED');
    if (membership.status !== 'active') throw unprocessable('MEMBERSHIP_NOT_ACTIVE');
    const link = newLinkToken(ports, 'invitation', user.userId, INVITATION_LINK_TTL_MS);
    const company = await ports.users.getCompany(input.companyId);
    await ports.users.transact([
      update(
        keys.user(user.userId),
        'SET invitationDigest = :digest',
        { ':digest': link.digest, ':invited': 'invited' },
        '#status = :invited',
        { '#status': 'status' },
      ),
      ...(user.invitationDigest ? [del(keys.linkToken(user.invitationDigest))] : []),
      put({
        ...keys.linkToken(link.digest),
        _type: 'LinkToken',
        _v: 1,
        purpose: 'invitation',
        userId: user.userId,
        expiresAt: link.expiresAt,
      }),
      emailOutbox(
        ports,
        'users.invitation',
        user.email,
        emailTemplates.invitation({
          firstName: user.firstName,
          inviterName: displayName(actor),
          companyNames: [company?.name ?? membership.companyName],
          url: linkUrl(ports, '/invitation', link.token),
          validDays: INVITATION_LINK_TTL_MS / (24 * 3600_000),
        }),
      ),
      auditPut(ports, {
        companyId: input.companyId,
        actorId: actor.userId,
        actorName: displayName(actor),
        action: 'user.invitation-resent',
        targetId: user.userId,
        targetName: displayName(user),
      }),
    ]);
    return { resent: true };
  };
