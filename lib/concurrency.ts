import type { Permission } from '../functions/routes';
import type { StageConfig } from './stages';

export type ConcurrencyGroup = keyof StageConfig['reservedConcurrency'];

/**
 * Which functions get reserved concurrency, decided from their declared permissions (so a new
 * route that calls Cognito is capped without anyone remembering to):
 * - `cognito`: routes calling InitiateAuth or the Admin* user APIs (login, activation, password
 *   reset and change). Cognito's request quotas are per account and per category (e.g. 120 RPS of
 *   user authentication by default) and shared by every route; a credential-stuffing burst that got
 *   past the WAF must hit our cap, not Cognito's, which would fail every user's login at once.
 * - `messaging`: the outbox dispatcher and the retry job, the only functions that send e-mail (SES
 *   sending rate, 14/s at sandbox exit) and SMS (SNS, 20/s by default, and money). The outbox absorbs
 *   the wait; the floor also keeps an API spike from starving the codes users are waiting for.
 * - `healthProbe`: the public health route calls DescribeUserPool, SES GetAccount and SNS
 *   GetSMSAttributes, whose quotas are low; it must never eat into the login's.
 * Everything else (DynamoDB on demand, S3) scales on its own and shares the unreserved pool.
 */
export function concurrencyGroupOf(permissions: readonly Permission[]): ConcurrencyGroup | undefined {
  if (permissions.includes('cognito:auth') || permissions.includes('cognito:admin')) return 'cognito';
  if (permissions.includes('ses:send') || permissions.includes('sns:publish')) return 'messaging';
  if (permissions.includes('health:probe')) return 'healthProbe';
  return undefined;
}

export function reservedConcurrencyFor(
  stage: StageConfig,
  permissions: readonly Permission[],
): number | undefined {
  const group = concurrencyGroupOf(permissions);
  return group ? stage.reservedConcurrency[group] : undefined;
}
