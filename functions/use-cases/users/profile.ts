import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, unprocessable } from '../../domain/errors';
import {
  CODE_TTL_MS,
  MAX_CODE_TRIES,
  MAX_SMS_PER_PHONE_PER_DAY,
  MAX_SMS_PER_USER_PER_DAY,
  RESEND_COOLDOWN_MS,
  checkCode,
  codeFromRandom,
} from '../../domain/login-code';
import { maskPhone, normaliseFrenchMobile } from '../../domain/phone';
import type { User } from '../../domain/users';
import type { ProfileResponse } from '../../contracts/users';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import type { AuthPorts } from '../auth/auth-ports';

type ProfileUser = User & {
  pendingMobile?: string;
  pendingMobileCode?: string;
  pendingMobileExpiresAt?: number;
  pendingMobileTries?: number;
  pendingMobileSentAt?: number;
};

const DAY_SECONDS = 24 * 3600;

/** The profile page: the person, and the perimeter (companies and their establishments). */
export const getProfile =
  (ports: AuthPorts) =>
  async (userId: string): Promise<ProfileResponse> => {
    const [user, memberships] = await Promise.all([
      ports.users.getUser(userId),
      ports.users.memberships(userId),
    ]);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    const active = memberships.filter((membership) => membership.status === 'active');
    const establishments = await Promise.all(
      active.map((membership) => ports.users.establishments(membership.companyId)),
    );
    return {
      userId: user.userId,
      email: user.email,
      civilite: user.civilite,
      firstName: user.firstName,
      lastName: user.lastName,
      maskedPhone: user.mobile ? maskPhone(user.mobile) : null,
      phoneVerified: user.phoneVerified,
      perimeter: active
        .map((membership, index) => ({
          companyId: membership.companyId,
          name: membership.companyName,
          mainSiret: membership.mainSiret,
          role: membership.role,
          establishments: establishments[index]!,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  };

/**
 * Edits the name fields at once; a new mobile number is kept aside and an SMS code is sent
 * to it: the number replaces the old one only when that code comes back.
 */
export const updateProfile =
  (ports: AuthPorts) =>
  async (input: {
    userId: string;
    civilite?: 'M' | 'MME';
    firstName?: string;
    lastName?: string;
    mobile?: string;
  }) => {
    const user = (await ports.users.getUser(input.userId)) as ProfileUser | undefined;
    if (!user) throw new DomainError('UNAUTHENTICATED');
    const names = Object.fromEntries(
      (['civilite', 'firstName', 'lastName'] as const)
        .filter((field) => input[field] !== undefined)
        .map((field) => [field, input[field]]),
    );
    let phoneVerification: { maskedPhone: string; expiresAt: string } | null = null;
    const sets = Object.keys(names).map((field) => `${field} = :${field}`);
    const values: Record<string, unknown> = Object.fromEntries(
      Object.entries(names).map(([f, v]) => [`:${f}`, v]),
    );
    let smsItem = null;
    if (input.mobile !== undefined) {
      const mobile = normaliseFrenchMobile(input.mobile);
      if (!mobile)
        throw unprocessable('INVALID_MOBILE', {
          mobile: 'Saisissez un numéro de mobile français (06 ou 07).',
        });
      if (mobile !== user.mobile) {
        const now = ports.clock.nowMs();
        if (user.pendingMobileSentAt && now - user.pendingMobileSentAt < RESEND_COOLDOWN_MS) {
          throw new DomainError('RATE_LIMITED', 'LOGIN_CODE_COOLDOWN');
        }
        const [userAllowed, phoneAllowed] = await Promise.all([
          ports.rateLimiter.hit({
            scope: 'sms-user',
            subject: user.userId,
            limit: MAX_SMS_PER_USER_PER_DAY,
            windowSeconds: DAY_SECONDS,
          }),
          ports.rateLimiter.hit({
            scope: 'sms-phone',
            subject: ports.secrets.digest('rate', mobile),
            limit: MAX_SMS_PER_PHONE_PER_DAY,
            windowSeconds: DAY_SECONDS,
          }),
        ]);
        if (!userAllowed || !phoneAllowed) throw new DomainError('RATE_LIMITED', 'SMS_DAILY_CAP');
        const code = codeFromRandom(() => ports.secrets.uint32());
        const expiresAt = now + CODE_TTL_MS;
        sets.push(
          'pendingMobile = :pending',
          'pendingMobileCode = :code',
          'pendingMobileExpiresAt = :expires',
          'pendingMobileTries = :zero',
          'pendingMobileSentAt = :sent',
        );
        Object.assign(values, {
          ':pending': mobile,
          ':code': ports.secrets.digest('phone-code', `${user.userId}:${mobile}:${code}`),
          ':expires': expiresAt,
          ':zero': 0,
          ':sent': now,
        });
        smsItem = outboxPut({
          messageId: ports.ids.next(),
          purpose: 'profile.phone-code',
          payload: {
            channel: 'sms',
            to: mobile,
            text: `Espace Entreprise Santé : votre code de vérification du nouveau numéro est ${code}. Il expire dans 10 minutes.`,
          },
          nowIso: new Date(now).toISOString(),
        });
        phoneVerification = { maskedPhone: maskPhone(mobile), expiresAt: new Date(expiresAt).toISOString() };
      }
    }
    if (sets.length > 0) {
      await ports.users.transact([
        update(
          keys.user(user.userId),
          `SET ${sets.join(', ')}, version = version + :one`,
          { ...values, ':one': 1 },
          'attribute_exists(PK)',
        ),
        ...(smsItem ? [smsItem] : []),
      ]);
    }
    return { profile: await getProfile(ports)(user.userId), phoneVerification };
  };

/** The SMS code sent to the new number: 5 tries, 10 minutes, then the number is replaced. */
export const verifyProfilePhone =
  (ports: AuthPorts) =>
  async (input: { userId: string; code: string }): Promise<ProfileResponse> => {
    const user = (await ports.users.getUser(input.userId)) as ProfileUser | undefined;
    if (!user) throw new DomainError('UNAUTHENTICATED');
    if (!user.pendingMobile || !user.pendingMobileCode) throw unprocessable('LOGIN_CODE_NOT_SENT');
    const submitted = ports.secrets.digest(
      'phone-code',
      `${user.userId}:${user.pendingMobile}:${input.code}`,
    );
    const outcome = checkCode(
      {
        codeDigest: user.pendingMobileCode,
        codeExpiresAt: user.pendingMobileExpiresAt ?? null,
        tries: user.pendingMobileTries ?? 0,
        used: false,
      },
      ports.clock.nowMs(),
      (stored) => ports.secrets.same(stored, submitted),
    );
    if (outcome === 'exhausted') throw unprocessable('PHONE_CODE_EXHAUSTED');
    if (outcome !== 'ok') {
      const tries = (user.pendingMobileTries ?? 0) + 1;
      await ports.users.transact([
        update(
          keys.user(user.userId),
          'SET pendingMobileTries = :tries',
          { ':tries': tries },
          'attribute_exists(PK)',
        ),
      ]);
      if (tries >= MAX_CODE_TRIES) throw unprocessable('PHONE_CODE_EXHAUSTED');
      throw unprocessable(outcome === 'expired' ? 'LOGIN_CODE_EXPIRED' : 'LOGIN_CODE_WRONG', {
        code:
          outcome === 'expired'
            ? 'Ce code a expiré : demandez-en un nouveau.'
            : `Code incorrect. Il vous reste ${MAX_CODE_TRIES - tries} essai(s).`,
      });
    }
    try {
      await ports.users.transact([
        update(
          keys.user(user.userId),
          'SET mobile = :mobile, phoneVerified = :true, version = version + :one REMOVE pendingMobile, pendingMobileCode, pendingMobileExpiresAt, pendingMobileTries, pendingMobileSentAt',
          { ':mobile': user.pendingMobile, ':true': true, ':one': 1, ':code': user.pendingMobileCode },
          'pendingMobileCode = :code',
        ),
      ]);
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw unprocessable('LOGIN_CODE_NOT_SENT');
      throw error;
    }
    return getProfile(ports)(user.userId);
  };
