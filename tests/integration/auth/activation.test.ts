import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { CompanySummary } from '../../../bin/local/demo-data';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { cognitoClient, documentClient } from '../../../functions/runtime/clients';
import { config } from '../../../functions/runtime/config';
import { errorMessages } from '../../../functions/contracts/error-messages';
import { passwordProblemMessages } from '../../../functions/domain/password-policy';
import { CONFIRMATION_LINK_TTL_MS, activateSpace } from '../../../functions/use-cases/auth/activate-space';
import { confirmEmail } from '../../../functions/use-cases/auth/confirm-email';
import type { ActivateSpaceRequest } from '../../../functions/contracts/auth';
import { sentMessages } from '../../support/api';
import { freshCompanies, unknownCompanyNumber, unknownSiret } from '../../support/fixtures';
import {
  STRONG_PASSWORD,
  activateAndConfirm,
  activationBody,
  browser,
  linkTokenFromEmail,
  Spares,
  uniqueIp,
  type ActivatedAdmin,
} from '../../support/auth-flow';
import { fakeClock, setUserStatus, testAuthPorts, useTestStack, userIdOf } from '../../support/auth-ports';

type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

const members = async (companyId: string) => {
  const { Items } = await documentClient().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.companyMembersPartition(companyId).GSI1PK },
    }),
  );
  return Items ?? [];
};

const companyIdOf = async (company: CompanySummary) => {
  const { Items } = await documentClient().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.establishmentBySiret(company.mainSiret).GSI2PK },
    }),
  );
  return (Items?.[0] as { companyId: string }).companyId;
};

const cognitoUserExists = async (email: string) => {
  try {
    await cognitoClient().send(
      new AdminGetUserCommand({ UserPoolId: config().USER_POOL_ID, Username: email }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') return false;
    throw error;
  }
};

const mailsTo = async (email: string) =>
  (await sentMessages()).emails.filter((mail) => mail.to.includes(email));

/** Still activatable: the identifier check answers with the company name. */
const stillActivatable = async (company: CompanySummary) => {
  const check = await browser(uniqueIp()).call('POST', '/auth/activation/check', {
    siret: company.mainSiret,
    companyNumber: company.companyNumber,
  });
  return check.status === 200;
};

/** Companies not yet activated, made side by side up front: one per test that needs one. */
const companies = new Spares<CompanySummary>();

beforeAll(async () => {
  useTestStack();
  companies.fill(await freshCompanies(20));
});

describe('activation races', () => {
  it('activates once when the same form is sent twice at once (double click)', async () => {
    const company = companies.take();
    const who = browser(uniqueIp());
    const body = activationBody(company);
    const answers = await Promise.all([
      who.call('POST', '/auth/activation', body),
      who.call('POST', '/auth/activation', body),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body).toEqual({
      code: 'COMPANY_ALREADY_ACTIVATED',
      message: errorMessages.COMPANY_ALREADY_ACTIVATED,
    });
    expect(await members(await companyIdOf(company))).toHaveLength(1);
    expect(await cognitoUserExists(body.email)).toBe(true);
    expect(
      (await mailsTo(body.email)).filter((mail) => mail.text.includes('/confirmation-email')),
    ).toHaveLength(1);
  });

  it('lets only one of several people activating the same company at once succeed', async () => {
    const company = companies.take();
    const bodies = [0, 1, 2].map(() => activationBody(company));
    const answers = await Promise.all(
      bodies.map((body) => browser(uniqueIp()).call('POST', '/auth/activation', body)),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    for (const answer of answers.filter((one) => one.status === 409)) {
      expect((answer.body as ErrorBody).code).toBe('COMPANY_ALREADY_ACTIVATED');
    }
    const companyMembers = await members(await companyIdOf(company));
    expect(companyMembers).toHaveLength(1);
    const winner = bodies[answers.findIndex((answer) => answer.status === 201)]!;
    for (const body of bodies) {
      const isWinner = body === winner;
      expect(await cognitoUserExists(body.email)).toBe(isWinner);
      expect(
        (
          await browser(uniqueIp()).call('POST', '/auth/login', {
            email: body.email,
            password: STRONG_PASSWORD,
          })
        ).status,
      ).toBe(isWinner ? 403 : 401);
    }
  });

  it('tells the second click "already activated" when the first one won between its checks', async () => {
    const company = companies.take();
    const ports = testAuthPorts();
    const request = { ...(activationBody(company) as ActivateSpaceRequest), ip: uniqueIp() };
    // The second request has read the company (not activated yet); the first one now completes.
    const secondClick = {
      ...ports,
      users: {
        ...ports.users,
        userByEmail: async (email: string) => {
          await activateSpace(ports)(request);
          return ports.users.userByEmail(email);
        },
      },
    };
    await expect(activateSpace(secondClick)(request)).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'COMPANY_ALREADY_ACTIVATED',
    });
    expect(await members(await companyIdOf(company))).toHaveLength(1);
  });

  it('answers "retry later" and leaves nothing behind when the first write meets a concurrent transaction', async () => {
    const company = companies.take();
    const ports = testAuthPorts();
    const conflicting = {
      ...ports,
      users: {
        ...ports.users,
        transact: async () => {
          throw new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
          });
        },
      },
    };
    const body = activationBody(company) as ActivateSpaceRequest;
    await expect(activateSpace(conflicting)({ ...body, ip: uniqueIp() })).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      reason: 'ACTIVATION_RETRY_LATER',
    });
    expect(await stillActivatable(company)).toBe(true);
  });
});

describe('activation form', () => {
  // The SIRET rate limit (10 an hour) counts every try: each test takes a company of its own.
  let company: CompanySummary;
  let existing: ActivatedAdmin;

  beforeAll(async () => {
    existing = await activateAndConfirm(companies.take(), browser(uniqueIp()));
  });

  beforeEach(() => {
    company = companies.take();
  });

  it('refuses an e-mail address that already has an account, and the company stays activatable', async () => {
    const answer = await browser(uniqueIp()).call(
      'POST',
      '/auth/activation',
      activationBody(company, { email: existing.email }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      code: 'EMAIL_ALREADY_REGISTERED',
      message: errorMessages.EMAIL_ALREADY_REGISTERED,
    });
    expect(await stillActivatable(company)).toBe(true);
  });

  it('takes the address case-insensitively when checking it is free', async () => {
    const answer = await browser(uniqueIp()).call(
      'POST',
      '/auth/activation',
      activationBody(company, { email: `  ${existing.email.toUpperCase()} ` }),
    );
    expect(answer.status).toBe(409);
    expect((answer.body as ErrorBody).code).toBe('EMAIL_ALREADY_REGISTERED');
  });

  it.each([
    ['a common password', 'azertyuiop2024', passwordProblemMessages.common],
    ['a breached password in another case', 'PASSWORD1234', passwordProblemMessages.common],
    ['a password built from the name', 'Elodie-Lefevre-1987', passwordProblemMessages.personal],
    ['a repetition', 'abcabcabcabc', passwordProblemMessages.trivial],
  ])('refuses %s with a French message on the password field', async (_what, password, message) => {
    const answer = await browser(uniqueIp()).call<ErrorBody>(
      'POST',
      '/auth/activation',
      activationBody(company, { password }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      code: 'PASSWORD_REJECTED',
      message: errorMessages.PASSWORD_REJECTED,
      fields: { password: message },
    });
    expect(await stillActivatable(company)).toBe(true);
  });

  it.each([
    ['11 characters', 'Court-2024!'],
    ['11 emoji, though 22 UTF-16 units', '🙂😀😃😄😁😆😅🤣😂🙃😉'],
  ])('refuses a password of %s at the form check', async (_what, password) => {
    const answer = await browser(uniqueIp()).call<ErrorBody>(
      'POST',
      '/auth/activation',
      activationBody(company, { password }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.fields?.password).toBe('Le mot de passe doit comporter au moins 12 caractères.');
  });

  it('refuses a number that looks like a French mobile but is not one', async () => {
    const answer = await browser(uniqueIp()).call(
      'POST',
      '/auth/activation',
      activationBody(company, { mobile: '06 90 12 34 56' }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      code: 'INVALID_MOBILE',
      message: errorMessages.INVALID_MOBILE,
      fields: { mobile: 'Saisissez un numéro de mobile français (06 ou 07).' },
    });
  });

  it('refuses a landline at the form check', async () => {
    const answer = await browser(uniqueIp()).call<ErrorBody>(
      'POST',
      '/auth/activation',
      activationBody(company, { mobile: '01 44 20 80 63' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.fields?.mobile).toBe('Saisissez un numéro de mobile français (06 ou 07).');
  });

  it('refuses login before the address is confirmed, and says so only to the right password', async () => {
    const body = activationBody(company);
    expect((await browser(uniqueIp()).call('POST', '/auth/activation', body)).status).toBe(201);
    const rightPassword = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: body.email,
      password: body.password,
    });
    expect(rightPassword.status).toBe(403);
    expect(rightPassword.body).toEqual({
      code: 'EMAIL_NOT_CONFIRMED',
      message: errorMessages.EMAIL_NOT_CONFIRMED,
    });
    const wrongPassword = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: body.email,
      password: `${body.password}x`,
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: errorMessages.INVALID_CREDENTIALS,
    });

    // The link is valid 48 hours: one second later it no longer confirms anything.
    const token = await linkTokenFromEmail(body.email, '/confirmation-email');
    const late = fakeClock(Date.now() + CONFIRMATION_LINK_TTL_MS + 2_000);
    await expect(confirmEmail(testAuthPorts({ clock: late }))(token)).rejects.toMatchObject({
      reason: 'LINK_INVALID',
    });
    expect(
      (await browser(uniqueIp()).call('POST', '/auth/login', { email: body.email, password: body.password }))
        .status,
    ).toBe(403);

    // Within the 48 hours it does, and the login goes on to the second factor.
    expect((await browser(uniqueIp()).call('POST', '/auth/email-confirmation', { token })).status).toBe(200);
    const login = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: body.email,
      password: body.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ status: 'mfa_required' });
  });
});

describe('confirmation link', () => {
  let admin: ActivatedAdmin;

  beforeAll(async () => {
    admin = await activateAndConfirm(companies.take(), browser(uniqueIp()));
  });

  it('answers "confirmed" again when the link is clicked a second time', async () => {
    const token = await linkTokenFromEmail(admin.email, '/confirmation-email');
    const again = await browser(uniqueIp()).call('POST', '/auth/email-confirmation', { token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ confirmed: true });
  });

  it('does not confirm the address of an account deactivated in the meantime', async () => {
    const body = activationBody(companies.take());
    expect((await browser(uniqueIp()).call('POST', '/auth/activation', body)).status).toBe(201);
    await setUserStatus(await userIdOf(body.email), 'deactivated');
    const token = await linkTokenFromEmail(body.email, '/confirmation-email');
    const answer = await browser(uniqueIp()).call('POST', '/auth/email-confirmation', { token });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ code: 'LINK_INVALID', message: errorMessages.LINK_INVALID });
  });

  it('refuses a forged link', async () => {
    const forged = await browser(uniqueIp()).call('POST', '/auth/email-confirmation', {
      token: randomBytes(32).toString('base64url'),
    });
    expect(forged.status).toBe(422);
    expect(forged.body).toEqual({ code: 'LINK_INVALID', message: errorMessages.LINK_INVALID });
  });

  it('refuses a truncated link at the form check', async () => {
    const token = await linkTokenFromEmail(admin.email, '/confirmation-email');
    const truncated = await browser(uniqueIp()).call<ErrorBody>('POST', '/auth/email-confirmation', {
      token: token.slice(0, 20),
    });
    expect(truncated.status).toBe(400);
    expect(truncated.body.code).toBe('VALIDATION_FAILED');
  });

  it('does not take a password-reset link for a confirmation link', async () => {
    await browser(uniqueIp()).call('POST', '/auth/password-reset', { email: admin.email });
    const resetToken = await linkTokenFromEmail(admin.email, '/nouveau-mot-de-passe');
    const answer = await browser(uniqueIp()).call('POST', '/auth/email-confirmation', { token: resetToken });
    expect(answer.status).toBe(422);
    expect((answer.body as ErrorBody).code).toBe('LINK_INVALID');
  });
});

describe('activation rate limits', () => {
  it('allows 10 identifier checks an hour per SIRET, whatever the IP, then answers 429', async () => {
    const company = companies.take();
    for (let i = 0; i < 10; i++) {
      const wrong = await browser(uniqueIp()).call('POST', '/auth/activation/check', {
        siret: company.mainSiret,
        companyNumber: unknownCompanyNumber(),
      });
      expect(wrong.status).toBe(422);
    }
    const right = { siret: company.mainSiret, companyNumber: company.companyNumber };
    const eleventh = await browser(uniqueIp()).call('POST', '/auth/activation/check', right);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toEqual({ code: 'RATE_LIMITED', message: errorMessages.RATE_LIMITED });
    const activation = await browser(uniqueIp()).call('POST', '/auth/activation', activationBody(company));
    expect(activation.status).toBe(429);
    expect(await members(await companyIdOf(company))).toHaveLength(0);
  });

  it('allows 20 identifier checks an hour per IP address, whatever the SIRET, then answers 429', async () => {
    const who = browser(uniqueIp());
    for (let i = 0; i < 20; i++) {
      const answer = await who.call('POST', '/auth/activation/check', {
        siret: unknownSiret(),
        companyNumber: unknownCompanyNumber(),
      });
      expect(answer.status).toBe(422);
    }
    const company = companies.take();
    const twentyFirst = await who.call('POST', '/auth/activation/check', {
      siret: company.mainSiret,
      companyNumber: company.companyNumber,
    });
    expect(twentyFirst.status).toBe(429);
    expect(await stillActivatable(company)).toBe(true);
  });
});
