import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanySummary } from '../../../bin/local/demo-data';
import type { ActivateSpaceRequest } from '../../../functions/contracts/auth';
import { errorMessages } from '../../../functions/contracts/error-messages';
import { login } from '../../../functions/use-cases/auth/login';
import { activateSpace, checkActivationIdentifiers } from '../../../functions/use-cases/auth/activate-space';
import { freshCompanies, unknownCompanyNumber, unknownSiret } from '../../support/fixtures';
import {
  STRONG_PASSWORD,
  activateAndConfirm,
  activationBody,
  browser,
  uniqueEmail,
  uniqueIp,
  type ActivatedAdmin,
} from '../../support/auth-flow';
import {
  recordAwsCalls,
  setUserStatus,
  testAuthPorts,
  useTestStack,
  userIdOf,
} from '../../support/auth-ports';

/**
 * Nothing the public routes answer may tell whether an e-mail has an account, or whether a
 * SIRET exists or is activated, to someone who does not already hold the right secret. Each
 * refusal is compared whole (status, code, message, cookies), and the work behind it — the
 * DynamoDB and Cognito calls the use case makes — is compared too, as the stand-in for
 * "similar timing" that does not flake.
 */

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';

/** The calls made, as a sorted list (parallel calls may land in any order). */
const workOf = async (run: () => Promise<unknown>) =>
  (await recordAwsCalls(run)).map((call) => `${call.service}:${call.command}`).sort();

let active: ActivatedAdmin;
let deactivated: ActivatedAdmin;
let unconfirmed: { email: string; password: string };
let unactivated: CompanySummary;

beforeAll(async () => {
  useTestStack();
  const [first, second, third, fourth] = await freshCompanies(4);
  unactivated = first!;
  [active, deactivated] = await Promise.all([
    activateAndConfirm(second!, browser(uniqueIp())),
    activateAndConfirm(third!, browser(uniqueIp())),
  ]);
  await setUserStatus(await userIdOf(deactivated.email), 'deactivated');
  const pending = activationBody(fourth!);
  expect((await browser(uniqueIp()).call('POST', '/auth/activation', pending)).status).toBe(201);
  unconfirmed = { email: pending.email, password: `${STRONG_PASSWORD}?` };
});

describe('login does not tell which accounts exist', () => {
  const refusals = () =>
    [
      ['an unknown e-mail', { email: uniqueEmail('nobody'), password: STRONG_PASSWORD }],
      ['a wrong password', { email: active.email, password: 'Pas-le-bon-mot-de-passe' }],
      ['a deactivated account, right password', { email: deactivated.email, password: deactivated.password }],
      ['an unconfirmed account, wrong password', unconfirmed],
    ] as const;

  it('answers the same 401, code, message and no cookie', async () => {
    const answers = [];
    for (const [label, credentials] of refusals()) {
      const answer = await browser(uniqueIp()).call('POST', '/auth/login', credentials);
      answers.push({ label, status: answer.status, body: answer.body, cookies: answer.cookies });
    }
    for (const answer of answers) {
      expect(answer, answer.label).toEqual({
        label: answer.label,
        status: 401,
        body: { code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS },
        cookies: [],
      });
    }
  });

  it('does the same DynamoDB and Cognito work', async () => {
    const ports = testAuthPorts();
    const work = [];
    for (const [, credentials] of refusals()) {
      work.push(
        await workOf(() =>
          expect(
            login(ports)({ ...credentials, ip: uniqueIp(), userAgent: USER_AGENT, deviceCookie: undefined }),
          ).rejects.toMatchObject({ reason: 'INVALID_CREDENTIALS' }),
        ),
      );
    }
    expect(work[0]).toContain('cognito:InitiateAuthCommand');
    for (const other of work.slice(1)) expect(other).toEqual(work[0]);
  });
});

describe('activation does not tell which companies exist or are activated', () => {
  const wrongPairs = () =>
    [
      ['an unknown SIRET', { siret: unknownSiret(), companyNumber: unknownCompanyNumber() }],
      [
        'a real SIRET with a wrong identifiant',
        { siret: unactivated.mainSiret, companyNumber: unknownCompanyNumber() },
      ],
      [
        "a real SIRET with another company's identifiant",
        { siret: unactivated.mainSiret, companyNumber: active.company.companyNumber },
      ],
      [
        'an unknown SIRET with a real identifiant',
        { siret: unknownSiret(), companyNumber: unactivated.companyNumber },
      ],
      [
        "an activated company's SIRET with a wrong identifiant",
        { siret: active.company.mainSiret, companyNumber: unknownCompanyNumber() },
      ],
    ] as const;
  const unknownPair = {
    code: 'ACTIVATION_IDENTIFIERS_UNKNOWN',
    message: errorMessages.ACTIVATION_IDENTIFIERS_UNKNOWN,
  };

  it.each(['/auth/activation/check', '/auth/activation'])(
    '%s answers every wrong pair with the same 422, code and message',
    async (path) => {
      for (const [label, pair] of wrongPairs()) {
        const body = path === '/auth/activation' ? activationBody(unactivated, pair) : pair;
        const answer = await browser(uniqueIp()).call('POST', path, body);
        expect({ status: answer.status, body: answer.body }, label).toEqual({
          status: 422,
          body: unknownPair,
        });
      }
    },
  );

  it.each(['/auth/activation/check', '/auth/activation'])(
    '%s says "already activated" only to whoever gives the right pair',
    async (path) => {
      const pair = { siret: active.company.mainSiret, companyNumber: active.company.companyNumber };
      const body = path === '/auth/activation' ? activationBody(active.company) : pair;
      const answer = await browser(uniqueIp()).call('POST', path, body);
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({
        code: 'COMPANY_ALREADY_ACTIVATED',
        message: errorMessages.COMPANY_ALREADY_ACTIVATED,
      });
    },
  );

  it('does the same DynamoDB work for every pair, right or wrong, activated or not', async () => {
    const ports = testAuthPorts();
    const pairs = [
      ...wrongPairs().map(([, pair]) => pair),
      { siret: active.company.mainSiret, companyNumber: active.company.companyNumber },
    ];
    const work = [];
    for (const [index, pair] of pairs.entries()) {
      const reason =
        index < pairs.length - 1 ? 'ACTIVATION_IDENTIFIERS_UNKNOWN' : 'COMPANY_ALREADY_ACTIVATED';
      work.push(
        await workOf(() =>
          expect(checkActivationIdentifiers(ports)({ ...pair, ip: uniqueIp() })).rejects.toMatchObject({
            reason,
          }),
        ),
      );
    }
    expect(work[0]).toContain('dynamodb:QueryCommand');
    for (const other of work.slice(1)) expect(other).toEqual(work[0]);
  });

  it('makes the activation of a wrong pair cost the same as any other wrong pair', async () => {
    const ports = testAuthPorts();
    const work = [];
    for (const [, pair] of wrongPairs()) {
      const request = activationBody(unactivated, pair) as ActivateSpaceRequest;
      work.push(
        await workOf(() =>
          expect(activateSpace(ports)({ ...request, ip: uniqueIp() })).rejects.toMatchObject({
            reason: 'ACTIVATION_IDENTIFIERS_UNKNOWN',
          }),
        ),
      );
    }
    expect(work[0]).toContain('dynamodb:QueryCommand');
    for (const other of work.slice(1)) expect(other).toEqual(work[0]);
  });
});

describe('password guessing', () => {
  const attempt = (
    ports: ReturnType<typeof testAuthPorts>,
    email: string,
    password: string,
    ip = uniqueIp(),
  ) => login(ports)({ email, password, ip, userAgent: USER_AGENT, deviceCookie: undefined });

  it('allows 10 tries per address in 15 minutes, then refuses even the right password, known address or not', async () => {
    const ports = testAuthPorts();
    const unknown = uniqueEmail('nobody');
    for (const email of [active.email, unknown]) {
      for (let i = 0; i < 10; i++) {
        await expect(attempt(ports, email, `Mauvais-mot-de-passe-${i}`)).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: 'INVALID_CREDENTIALS',
        });
      }
    }
    await expect(attempt(ports, active.email, active.password)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(attempt(ports, unknown, active.password)).rejects.toMatchObject({ code: 'RATE_LIMITED' });

    ports.clock.advance(15 * 60_000);
    await expect(attempt(ports, active.email, active.password)).resolves.toMatchObject({
      response: { status: 'mfa_required' },
    });
  });

  it('allows 30 tries per IP address in 15 minutes, whatever the addresses', async () => {
    const ports = testAuthPorts();
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++) {
      await expect(attempt(ports, uniqueEmail('guess'), 'Mauvais-mot-de-passe', ip)).rejects.toMatchObject({
        reason: 'INVALID_CREDENTIALS',
      });
    }
    await expect(attempt(ports, active.email, active.password, ip)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(attempt(ports, active.email, active.password, uniqueIp())).resolves.toBeDefined();
  });
});
