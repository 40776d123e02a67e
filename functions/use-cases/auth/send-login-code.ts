import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, unprocessable } from '../../domain/errors';
import {
  CODE_TTL_MS,
  MAX_SMS_PER_PHONE_PER_DAY,
  MAX_SMS_PER_USER_PER_DAY,
  RESEND_COOLDOWN_MS,
  codeFromRandom,
  sendRefusal,
} from '../../domain/login-code';
import { maskPhone, normaliseFrenchMobile } from '../../domain/phone';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import type { AuthPorts } from './auth-ports';
import { attemptStillValid, currentLoginAttempt } from './login-attempt';

const DAY_SECONDS = 24 * 3600;

/**
 * "Envoyer le code": a fresh 6-digit code for this login attempt, to the verified number (which
 * this screen cannot replace) or to the number the user enters. The code is stored as a
 * digest bound to the attempt, so a code of another attempt or user never matches.
 */
export const sendLoginCode =
  (ports: AuthPorts) => async (input: { loginCookie: string | undefined; mobile?: string }) => {
    const { attempt, digest } = await currentLoginAttempt(ports, input.loginCookie);
    const user = await ports.users.getUser(attempt.userId);
    if (!attemptStillValid(attempt, user)) throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');

    let phone: string | null;
    if (user.phoneVerified && user.mobile) {
      phone = user.mobile;
    } else {
      phone = input.mobile ? normaliseFrenchMobile(input.mobile) : user.mobile;
      if (!phone)
        throw unprocessable('INVALID_MOBILE', {
          mobile: 'Saisissez un numéro de mobile français (06 ou 07).',
        });
    }

    const now = ports.clock.nowMs();
    const refusal = sendRefusal(attempt.sends, attempt.lastSentAt ?? null, now);
    if (refusal === 'cooldown') throw new DomainError('RATE_LIMITED', 'LOGIN_CODE_COOLDOWN');
    if (refusal === 'attempt_cap') throw new DomainError('RATE_LIMITED', 'LOGIN_CODE_SEND_CAP');
    const [userAllowed, phoneAllowed] = await Promise.all([
      ports.rateLimiter.hit({
        scope: 'sms-user',
        subject: user.userId,
        limit: MAX_SMS_PER_USER_PER_DAY,
        windowSeconds: DAY_SECONDS,
      }),
      ports.rateLimiter.hit({
        scope: 'sms-phone',
        subject: ports.secrets.digest('rate', phone),
        limit: MAX_SMS_PER_PHONE_PER_DAY,
        windowSeconds: DAY_SECONDS,
      }),
    ]);
    if (!userAllowed || !phoneAllowed) throw new DomainError('RATE_LIMITED', 'SMS_DAILY_CAP');

    const code = codeFromRandom(() => ports.secrets.uint32());
    const expiresAt = now + CODE_TTL_MS;
    try {
      await ports.users.transact([
        update(
          keys.loginAttempt(digest),
          'SET codeDigest = :code, codeExpiresAt = :expires, phone = :phone, sends = sends + :one, lastSentAt = :now, expiresAt = :attemptExpires',
          {
            ':code': ports.secrets.digest('login-code', `${digest}:${code}`),
            ':expires': expiresAt,
            // The attempt lives at least as long as the code the SMS says is valid 10 minutes.
            ':attemptExpires': Math.max(attempt.expiresAt, Math.ceil(expiresAt / 1000)),
            ':phone': phone,
            ':one': 1,
            ':now': now,
            ':sends': attempt.sends,
            ':pending': 'pending',
          },
          // A double click sends one SMS, not two.
          'sends = :sends AND #status = :pending',
          { '#status': 'status' },
        ),
        outboxPut({
          messageId: ports.ids.next(),
          purpose: 'auth.login-code',
          payload: {
            channel: 'sms',
            to: phone,
            text: `Espace Entreprise Santé : votre code de connexion est ${code}. Il expire dans 10 minutes. Ne le communiquez à personne.`,
          },
          nowIso: new Date(now).toISOString(),
        }),
      ]);
    } catch (error) {
      if (error instanceof TransactionCanceledException)
        throw new DomainError('RATE_LIMITED', 'LOGIN_CODE_COOLDOWN');
      throw error;
    }
    return {
      maskedPhone: maskPhone(phone),
      resendAvailableAt: new Date(now + RESEND_COOLDOWN_MS).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  };
