import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { ActivateSpaceRequest } from '../../contracts/auth';
import { DomainError, conflict, unprocessable } from '../../domain/errors';
import { normaliseFrenchMobile } from '../../domain/phone';
import type { Company } from '../../domain/users';
import { keys } from '../../adapters/dynamodb/table-keys';
import { del, put, update } from '../../adapters/dynamodb/users-repository';
import { emailTemplates } from '../messages/email-templates';
import type { AuthPorts } from './auth-ports';
import { assertAcceptablePassword, emailOutbox, enforceRateLimits, linkUrl, newLinkToken } from './shared';

export const CONFIRMATION_LINK_TTL_MS = 48 * 3600_000;

/**
 * The SIRET + identifiant entreprise check of "Activer mon espace". A wrong SIRET, an unknown
 * one and a wrong identifiant all get the same answer after the same work (one index query,
 * one read, one constant-time comparison), so the answer says nothing about which was wrong.
 */
export async function companyForIdentifiers(
  ports: AuthPorts,
  siret: string,
  companyNumber: string,
): Promise<Company> {
  const company = await ports.users.companyBySiret(siret);
  const stored = company ?? (await ports.users.getCompany('0'.repeat(26)));
  const expected = `${stored?.mainSiret ?? ''}#${stored?.companyNumber ?? ''}`;
  const given = `${siret}#${companyNumber}`;
  const numberMatches = ports.secrets.same(
    ports.secrets.digest('activation', expected),
    ports.secrets.digest('activation', given),
  );
  if (!company || !numberMatches) throw unprocessable('ACTIVATION_IDENTIFIERS_UNKNOWN');
  return company;
}

export async function activationLimits(ports: AuthPorts, ip: string, siret: string) {
  await enforceRateLimits(ports, [
    { scope: 'activation-ip', subject: ip, limit: 20, windowSeconds: 3600 },
    { scope: 'activation-siret', subject: siret, limit: 10, windowSeconds: 3600 },
  ]);
}

export const checkActivationIdentifiers =
  (ports: AuthPorts) =>
  async (input: { siret: string; companyNumber: string; ip: string }): Promise<{ companyName: string }> => {
    await activationLimits(ports, input.ip, input.siret);
    const company = await companyForIdentifiers(ports, input.siret, input.companyNumber);
    if (company.activated) throw conflict('COMPANY_ALREADY_ACTIVATED');
    return { companyName: company.name };
  };

/**
 * "Activer mon espace": the company becomes activated with this user as its Administrateur.
 * Our table is written first (the company's `activated` flag is the lock against a double
 * activation), then Cognito; if Cognito fails the first write is undone. The confirmation
 * e-mail leaves through the outbox only once both exist.
 */
export const activateSpace =
  (ports: AuthPorts) =>
  async (input: ActivateSpaceRequest & { ip: string }): Promise<{ email: string; companyName: string }> => {
    await activationLimits(ports, input.ip, input.siret);
    const company = await companyForIdentifiers(ports, input.siret, input.companyNumber);
    if (company.activated) throw conflict('COMPANY_ALREADY_ACTIVATED');
    const mobile = normaliseFrenchMobile(input.mobile);
    if (!mobile)
      throw unprocessable('INVALID_MOBILE', { mobile: 'Saisissez un numéro de mobile français (06 ou 07).' });
    assertAcceptablePassword(ports, input.password, input);
    if (await ports.users.userByEmail(input.email)) {
      // A double click: the first request may have activated the company with this very address meanwhile.
      const latest = await ports.users.getCompany(company.companyId);
      throw conflict(latest?.activated ? 'COMPANY_ALREADY_ACTIVATED' : 'EMAIL_ALREADY_REGISTERED');
    }

    const userId = ports.ids.next();
    const nowIso = ports.clock.nowIso();
    const auditId = ports.ids.next();
    const firstWrite = [
      update(
        keys.company(company.companyId),
        'SET activated = :true, activatedAt = :now, activatedBy = :user, adminCount = :one, version = version + :one',
        { ':true': true, ':false': false, ':now': nowIso, ':user': userId, ':one': 1 },
        'activated = :false',
      ),
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
          // Not verified until an SMS code reaches it at first login.
          mobile,
          phoneVerified: false,
          status: 'pending_email',
          identityStatus: 'pending',
          cgu: { version: input.cguVersion, acceptedAt: nowIso },
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
        ...keys.membership(userId, company.companyId),
        ...keys.companyMember(company.companyId, userId),
        _type: 'Membership',
        _v: 1,
        userId,
        companyId: company.companyId,
        role: 'admin',
        status: 'active',
        companyName: company.name,
        mainSiret: company.mainSiret,
        grantedAt: nowIso,
        grantedBy: userId,
      }),
      put({
        ...keys.audit(company.companyId, auditId),
        _type: 'Audit',
        _v: 1,
        at: nowIso,
        actorId: userId,
        action: 'company.activated',
        details: { cguVersion: input.cguVersion },
      }),
    ];
    try {
      await ports.users.transact(firstWrite);
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const [companyReason, , emailReason] = error.CancellationReasons ?? [];
        if (companyReason?.Code === 'ConditionalCheckFailed') throw conflict('COMPANY_ALREADY_ACTIVATED');
        if (emailReason?.Code === 'ConditionalCheckFailed') throw conflict('EMAIL_ALREADY_REGISTERED');
        // TransactionConflict (AWS): another activation is being written at this instant; nothing was.
        throw new DomainError('DEPENDENCY_UNAVAILABLE', 'ACTIVATION_RETRY_LATER');
      }
      throw error;
    }

    /** Puts the company back exactly as it was (admin count and version included) and removes the rest. */
    const undoFirstWrite = () =>
      ports.users.transact([
        update(
          keys.company(company.companyId),
          'SET activated = :false, version = version - :one REMOVE activatedAt, activatedBy, adminCount',
          { ':false': false, ':user': userId, ':one': 1 },
          'activatedBy = :user',
        ),
        del(keys.user(userId)),
        del(keys.userEmail(input.email)),
        del(keys.membership(userId, company.companyId)),
        del(keys.audit(company.companyId, auditId)),
      ]);

    try {
      await ports.identity.createUser({ email: input.email, password: input.password });
    } catch {
      await undoFirstWrite();
      throw new DomainError('DEPENDENCY_UNAVAILABLE', 'ACTIVATION_RETRY_LATER');
    }

    const link = newLinkToken(ports, 'confirm-email', userId, CONFIRMATION_LINK_TTL_MS);
    try {
      await ports.users.transact([
        update(
          keys.user(userId),
          'SET identityStatus = :created',
          { ':created': 'created' },
          'attribute_exists(PK)',
        ),
        put({
          ...keys.linkToken(link.digest),
          _type: 'LinkToken',
          _v: 1,
          purpose: link.purpose,
          userId,
          expiresAt: link.expiresAt,
        }),
        emailOutbox(
          ports,
          'auth.confirm-email',
          input.email,
          emailTemplates.confirmEmail({
            firstName: input.firstName,
            companyName: company.name,
            url: linkUrl(ports, '/confirmation-email', link.token),
            validHours: CONFIRMATION_LINK_TTL_MS / 3600_000,
          }),
        ),
      ]);
    } catch {
      // Without its confirmation e-mail the account could never be confirmed: undo it all, so
      // that sending the form again activates the company (and no Cognito user keeps the password).
      await undoFirstWrite();
      await ports.identity.deleteUser(input.email).catch(() => undefined);
      throw new DomainError('DEPENDENCY_UNAVAILABLE', 'ACTIVATION_RETRY_LATER');
    }
    return { email: input.email, companyName: company.name };
  };
