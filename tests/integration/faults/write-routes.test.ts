import { createServer, type Server } from 'node:net';
import { randomInt } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CompanySummary } from '../../../bin/local/demo-data';
import { cognitoIdentityProvider } from '../../../functions/adapters/cognito/cognito-identity-provider';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { routes, type RouteDefinition, type RouteId } from '../../../functions/routes';
import { clearFaults } from '../../../functions/runtime/client-probes';
import { config } from '../../../functions/runtime/config';
import type { ApiResponse } from '../../support/api';
import {
  e164,
  STRONG_PASSWORD,
  uniqueEmail,
  uniqueIp,
  uniqueMobile,
  type ActivatedAdmin,
  type Browser,
} from '../../support/auth-flow';
import { importCompanies } from '../../support/company-import';
import { assertCleanError } from '../../support/error-shape';
import { startPrivateStack, type PrivateStack } from '../../support/private-stack';
import {
  describeChanges,
  isFaultTarget,
  SdkSpy,
  type FaultPlan,
  type ObservedCall,
} from '../../support/sdk-faults';

/**
 * Fault injection on every write route and on the outbox dispatcher. The faults are process-wide
 * (functions/runtime/client-probes.ts), so this file runs a stack of its own in this worker:
 * a fault meant for this file can never fail a request of a file running alongside.
 *
 * For each route, a scenario makes the request succeed once (the dry run) while a spy records
 * every SDK call; then, on fresh data each time, every write call of that run (table writes,
 * Cognito, S3) is failed in turn. After each fault: the request failed cleanly (500 INTERNAL or
 * 503 DEPENDENCY_UNAVAILABLE in the `{ code, message }` shape, within a deadline) or fully
 * succeeded; a failed request left every table item it wrote as it was, and nothing changed in
 * Cognito; and the same request, sent again, succeeds. For the e-mails and SMS a route sends,
 * a failing SES/SNS leaves the message pending with a retry time, and the retry job delivers it
 * exactly once.
 */
const KINDS = ['throttle', 'server-error', 'timeout'] as const;
const DEADLINE_MS = 20_000;

interface Attempt {
  /** The request under test; sent again as the retry. */
  send(): Promise<ApiResponse>;
  /** The effect of a success is all there. */
  verify(response: ApiResponse): Promise<void>;
  /** State outside the table the request may change (which passwords Cognito accepts…). */
  outside?(): Promise<unknown>;
}

interface Scenario {
  route: RouteId;
  name: string;
  status: number;
  prepare(): Promise<Attempt>;
  /**
   * Faults after which a change outside the table may stay, with the reason (checked by name,
   * e.g. "dynamodb TransactWriteItems #2"); the table must still be untouched and the retry converge.
   */
  tolerates?: Record<string, string>;
  /** The e-mail or SMS the route sends, by recipient (checked under an SES/SNS failure). */
  sends?: { service: 'ses' | 'sns'; recipient(attempt: Attempt): string };
}

let portal: PrivateStack;
let spy: SdkSpy;
let companies: CompanySummary[];
let nextCompany = 0;

const company = () => {
  const found = companies[nextCompany++];
  if (!found) throw new Error('no fixture company left: import more in beforeAll');
  return found;
};

const withDeadline = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} hung for ${DEADLINE_MS} ms`)), DEADLINE_MS),
    ),
  ]);

const canLogIn = (email: string, password: string) =>
  cognitoIdentityProvider().verifyPassword(email, password);

async function mailsTo(email: string, subjectStart?: string) {
  return (await portal.messages()).emails.filter(
    (mail) => mail.to.includes(email) && (!subjectStart || mail.subject.startsWith(subjectStart)),
  );
}

async function smsTo(number: string) {
  return (await portal.messages()).sms.filter((sms) => sms.to === number);
}

interface Admin extends ActivatedAdmin {
  who: Browser;
}

/** An administrator who activated a company (and confirmed the e-mail unless asked not to). */
async function activatedAdmin({ confirm = true } = {}): Promise<Admin> {
  const who = portal.browser(uniqueIp());
  const target = company();
  if (confirm) return { ...(await portal.activateAndConfirm(target, who)), who };
  const email = uniqueEmail('fault');
  const mobile = uniqueMobile();
  const activation = await who.call('POST', '/auth/activation', activationBody(target, email, mobile));
  expect(activation.status).toBe(201);
  return { email, mobile, password: STRONG_PASSWORD, company: target, who };
}

async function signedInAdmin(): Promise<Admin> {
  const admin = await activatedAdmin();
  await portal.logIn(admin.who, admin);
  return admin;
}

const activationBody = (target: CompanySummary, email: string, mobile: string) => ({
  siret: target.mainSiret,
  companyNumber: target.companyNumber,
  civilite: 'MME',
  lastName: 'Lefèvre',
  firstName: 'Élodie',
  email,
  mobile,
  password: STRONG_PASSWORD,
  cguVersion: '2026-11',
  cguAccepted: true,
});

const newPassword = () => `Rue-des-Martyrs-${randomInt(1_000_000)}-bis`;

// ---------------------------------------------------------------------------------------
// Outbox helpers: messages still pending for a recipient, made due, re-sent by the job

async function pendingTo(recipient: string): Promise<OutboxMessage[]> {
  const { Items } = await spy.table.send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxDuePartition().GSI1PK },
      ConsistentRead: false,
    }),
  );
  const messages = await Promise.all(
    (Items ?? []).map(
      (item) => spy.read(keys.outbox(String(item.messageId))) as Promise<OutboxMessage | undefined>,
    ),
  );
  return messages.filter(
    (message): message is OutboxMessage =>
      message !== undefined &&
      (message.payload.channel === 'email'
        ? message.payload.to.includes(recipient)
        : message.payload.to === recipient),
  );
}

/** As if the backoff had elapsed (and any claim had lapsed): the message is due now. */
async function makeDue(message: OutboxMessage): Promise<void> {
  const past = new Date(Date.now() - 60_000).toISOString();
  await spy.table.send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.outbox(message.messageId),
      UpdateExpression: 'SET nextAttemptAt = :past, GSI1SK = :due, claimedUntil = :past',
      ExpressionAttributeValues: { ':past': past, ':due': keys.outboxDue(past, message.messageId).GSI1SK },
    }),
  );
}

// ---------------------------------------------------------------------------------------
// The scenarios: one successful request per write route, on fresh data each time

const scenarios: Scenario[] = [
  {
    route: 'checkActivationIdentifiers',
    name: 'the identifiers of a company to activate',
    status: 200,
    async prepare() {
      const target = company();
      const who = portal.browser(uniqueIp());
      return {
        send: () =>
          who.call('POST', '/auth/activation/check', {
            siret: target.mainSiret,
            companyNumber: target.companyNumber,
          }),
        async verify(response) {
          expect(response.body).toEqual({ companyName: target.name });
        },
      };
    },
  },
  {
    route: 'activateSpace',
    name: 'activation of a company by its administrator',
    status: 201,
    sends: { service: 'ses', recipient: (attempt) => (attempt as Attempt & { email: string }).email },
    async prepare() {
      const target = company();
      const email = uniqueEmail('fault');
      const mobile = uniqueMobile();
      const who = portal.browser(uniqueIp());
      return {
        email,
        send: () => who.call('POST', '/auth/activation', activationBody(target, email, mobile)),
        async verify() {
          expect(await mailsTo(email, 'Confirmez votre adresse e-mail')).toHaveLength(1);
          // The account exists, with this password, and waits for the confirmation.
          const login = await portal
            .browser(uniqueIp())
            .call('POST', '/auth/login', { email, password: STRONG_PASSWORD });
          expect(login.body).toMatchObject({ code: 'EMAIL_NOT_CONFIRMED' });
        },
        outside: () => canLogIn(email, STRONG_PASSWORD),
      } as Attempt & { email: string };
    },
  },
  {
    route: 'confirmEmail',
    name: 'confirmation of the e-mail address',
    status: 200,
    async prepare() {
      const admin = await activatedAdmin({ confirm: false });
      const token = await portal.linkToken(admin.email, '/confirmation-email');
      return {
        send: () => admin.who.call('POST', '/auth/email-confirmation', { token }),
        async verify() {
          const login = await portal
            .browser(uniqueIp())
            .call('POST', '/auth/login', { email: admin.email, password: admin.password });
          expect(login.status).toBe(200);
        },
      };
    },
  },
  {
    route: 'login',
    name: 'password from a new browser (the SMS code is asked)',
    status: 200,
    async prepare() {
      const admin = await activatedAdmin();
      const who = portal.browser(uniqueIp());
      return {
        send: () => who.call('POST', '/auth/login', { email: admin.email, password: admin.password }),
        async verify(response) {
          expect(response.body).toMatchObject({ status: 'mfa_required' });
          expect(who.jar.get('__Host-ees-login')).toBeDefined();
        },
      };
    },
  },
  {
    route: 'login',
    name: 'password from a known browser on the same network (session at once)',
    status: 200,
    async prepare() {
      const admin = await signedInAdmin();
      return {
        send: () => admin.who.call('POST', '/auth/login', { email: admin.email, password: admin.password }),
        async verify(response) {
          expect(response.body).toEqual({ status: 'authenticated' });
          expect((await admin.who.call('GET', '/me')).status).toBe(200);
        },
      };
    },
  },
  {
    route: 'sendLoginCode',
    name: 'the SMS code of a login attempt',
    status: 200,
    sends: { service: 'sns', recipient: (attempt) => (attempt as Attempt & { phone: string }).phone },
    async prepare() {
      const admin = await activatedAdmin();
      const who = portal.browser(uniqueIp());
      expect(
        (await who.call('POST', '/auth/login', { email: admin.email, password: admin.password })).status,
      ).toBe(200);
      const phone = e164(admin.mobile);
      return {
        phone,
        send: () => who.call('POST', '/auth/login/code', { mobile: admin.mobile }),
        async verify() {
          expect(await smsTo(phone)).toHaveLength(1);
        },
      } as Attempt & { phone: string };
    },
  },
  {
    route: 'verifyLoginCode',
    name: 'the SMS code, which opens the session',
    status: 200,
    sends: { service: 'ses', recipient: (attempt) => (attempt as Attempt & { email: string }).email },
    async prepare() {
      const admin = await activatedAdmin();
      const who = portal.browser(uniqueIp());
      expect(
        (await who.call('POST', '/auth/login', { email: admin.email, password: admin.password })).status,
      ).toBe(200);
      expect((await who.call('POST', '/auth/login/code', { mobile: admin.mobile })).status).toBe(200);
      const code = await portal.latestCode(e164(admin.mobile));
      return {
        email: admin.email,
        send: () => who.call('POST', '/auth/login/verify', { code }),
        async verify() {
          expect((await who.call('GET', '/me')).status).toBe(200);
          expect(await mailsTo(admin.email, 'Nouvelle connexion')).toHaveLength(1);
        },
      } as Attempt & { email: string };
    },
  },
  {
    route: 'logout',
    name: 'logout',
    status: 200,
    async prepare() {
      const admin = await signedInAdmin();
      const session = admin.who.jar.get('__Host-ees-session')!;
      return {
        send: () => admin.who.call('POST', '/auth/logout'),
        async verify() {
          const stale = portal.browser(uniqueIp());
          stale.jar.store([`__Host-ees-session=${session}`]);
          expect((await stale.call('GET', '/me')).status).toBe(401);
        },
      };
    },
  },
  {
    route: 'requestPasswordReset',
    name: 'a reset link asked for an existing account',
    status: 202,
    sends: { service: 'ses', recipient: (attempt) => (attempt as Attempt & { email: string }).email },
    async prepare() {
      const admin = await activatedAdmin();
      const who = portal.browser(uniqueIp());
      return {
        email: admin.email,
        send: () => who.call('POST', '/auth/password-reset', { email: admin.email }),
        async verify() {
          expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(1);
        },
      } as Attempt & { email: string };
    },
  },
  {
    route: 'resetPassword',
    name: 'a new password from the reset link (every session ends)',
    status: 200,
    tolerates: {
      // The old password is not known: once Cognito took the new one it cannot be put back.
      // The link is given back, so the person's retry finishes the reset (checked below).
      'dynamodb TransactWriteItems #2': 'Cognito already has the new password',
    },
    sends: { service: 'ses', recipient: (attempt) => (attempt as Attempt & { email: string }).email },
    async prepare() {
      const admin = await signedInAdmin();
      expect(
        (await portal.browser(uniqueIp()).call('POST', '/auth/password-reset', { email: admin.email }))
          .status,
      ).toBe(202);
      const token = await portal.linkToken(admin.email, '/nouveau-mot-de-passe');
      const password = newPassword();
      const who = portal.browser(uniqueIp());
      return {
        email: admin.email,
        send: () => who.call('POST', '/auth/password-reset/confirm', { token, password }),
        async verify() {
          expect([
            await canLogIn(admin.email, admin.password),
            await canLogIn(admin.email, password),
          ]).toEqual([false, true]);
          expect((await admin.who.call('GET', '/me')).status).toBe(401);
          expect(await mailsTo(admin.email, 'Votre mot de passe a été modifié')).toHaveLength(1);
        },
        outside: async () => [
          await canLogIn(admin.email, admin.password),
          await canLogIn(admin.email, password),
        ],
      } as Attempt & { email: string };
    },
  },
  {
    route: 'changePassword',
    name: 'a change of password from the profile (other sessions end)',
    status: 200,
    sends: { service: 'ses', recipient: (attempt) => (attempt as Attempt & { email: string }).email },
    async prepare() {
      const admin = await signedInAdmin();
      const other = portal.browser(uniqueIp());
      await portal.logIn(other, admin);
      const password = newPassword();
      return {
        email: admin.email,
        send: () =>
          admin.who.call('POST', '/me/password', { currentPassword: admin.password, newPassword: password }),
        async verify() {
          expect([
            await canLogIn(admin.email, admin.password),
            await canLogIn(admin.email, password),
          ]).toEqual([false, true]);
          expect((await admin.who.call('GET', '/me')).status).toBe(200);
          expect((await other.call('GET', '/me')).status).toBe(401);
          expect(await mailsTo(admin.email, 'Votre mot de passe a été modifié')).toHaveLength(1);
        },
        outside: async () => [
          await canLogIn(admin.email, admin.password),
          await canLogIn(admin.email, password),
        ],
      } as Attempt & { email: string };
    },
  },
];

// ---------------------------------------------------------------------------------------

/** Each write call of the dry run, with its rank among calls of the same service and operation. */
function faultTargets(calls: ObservedCall[]): Omit<FaultPlan, 'kind'>[] {
  const ranks = new Map<string, number>();
  const targets: Omit<FaultPlan, 'kind'>[] = [];
  for (const call of calls) {
    if (call.origin !== 'request') continue;
    const id = `${call.service}:${call.operation}`;
    const nth = (ranks.get(id) ?? 0) + 1;
    ranks.set(id, nth);
    if (isFaultTarget(call))
      targets.push({ origin: 'request', service: call.service, operation: call.operation, nth });
  }
  return targets;
}

const describePlan = (plan: Omit<FaultPlan, 'kind'>) => `${plan.service} ${plan.operation} #${plan.nth}`;

describe('write routes and the outbox dispatcher under SDK faults', () => {
  const restoreOutput: (() => void)[] = [];

  beforeAll(async () => {
    // The handlers here log every injected failure at ERROR: keep them off the test output.
    if (!process.env.EES_TEST_LOG) {
      for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
          String(chunk).startsWith('{"level":')
            ? true
            : write(chunk, ...(rest as []))) as typeof stream.write;
        restoreOutput.push(() => {
          stream.write = write as typeof stream.write;
        });
      }
    }
    portal = await startPrivateStack();
    spy = new SdkSpy();
    companies = (
      await importCompanies(
        portal.importFile,
        Array.from({ length: 90 }, () => ({ insured: 2 })),
      )
    ).map((dataset) => dataset.summary);
  }, 180_000);

  afterAll(async () => {
    clearFaults();
    await portal?.stop();
    for (const restore of restoreOutput) restore();
  });

  it('has a fault scenario for every write route of the route table', () => {
    const writeRoutes = (routes as readonly RouteDefinition[])
      .filter((route) => route.method !== 'GET')
      .map((route) => route.id);
    const covered = new Set<string>(scenarios.map((scenario) => scenario.route));
    expect(writeRoutes.filter((id) => !covered.has(id))).toEqual([]);
  });

  describe.each(scenarios.map((scenario) => [`${scenario.route}: ${scenario.name}`, scenario] as const))(
    '%s',
    (_, scenario) => {
      it('fails cleanly under each write fault, leaves nothing half-applied, and succeeds when sent again', async () => {
        const dry = await scenario.prepare();
        await portal.stack.drainStream();
        const { result, calls } = await spy.observe(() => withDeadline(dry.send(), 'the dry run'));
        expect(result.status, JSON.stringify(result.body)).toBe(scenario.status);
        await dry.verify(result);
        const targets = faultTargets(calls);
        expect(targets.length, 'the dry run made no write call').toBeGreaterThan(0);

        // Fresh data for every fault, prepared together (the spy only watches the requests under test).
        const attempts = await Promise.all(targets.map(() => scenario.prepare()));
        for (const [index, target] of targets.entries()) {
          const attempt = attempts[index]!;
          const plan: FaultPlan = { ...target, kind: KINDS[index % KINDS.length]! };
          const what = `${scenario.route} with ${describePlan(plan)} failing (${plan.kind})`;
          await portal.stack.drainStream();
          const outsideBefore = await attempt.outside?.();
          const faulted = await spy.observe(() => withDeadline(attempt.send(), what), plan);
          expect(
            faulted.calls.some((call) => call.injected),
            `${what}: the planned call was not made`,
          ).toBe(true);
          const response = faulted.result;
          if (response.status === scenario.status) {
            await attempt.verify(response);
            continue;
          }
          expect(
            [500, 503],
            `${what} answered ${response.status} ${JSON.stringify(response.body)}`,
          ).toContain(response.status);
          assertCleanError(response, what);
          await portal.stack.drainStream();
          expect(describeChanges(await spy.changedItems()), `${what} left items half-written`).toEqual([]);
          if (!scenario.tolerates?.[describePlan(plan)]) {
            expect(await attempt.outside?.(), `${what} changed Cognito`).toEqual(outsideBefore);
          }
          const retry = await withDeadline(attempt.send(), `${what}, retried`);
          expect(retry.status, `${what}, retried: ${JSON.stringify(retry.body)}`).toBe(scenario.status);
          await attempt.verify(retry);
        }
      });

      if (scenario.sends) {
        const sends = scenario.sends;
        it(`keeps the ${sends.service === 'ses' ? 'e-mail' : 'SMS'} pending when ${sends.service.toUpperCase()} fails, and the retry job delivers it once`, async () => {
          const attempt = await scenario.prepare();
          const recipient = sends.recipient(attempt);
          await portal.stack.drainStream();
          const plan: FaultPlan = {
            origin: 'dispatcher',
            service: sends.service,
            operation: sends.service === 'ses' ? 'SendEmail' : 'Publish',
            nth: 1,
            kind: 'server-error',
          };
          const sentAt = Date.now();
          const { result, calls } = await spy.observe(async () => {
            const response = await attempt.send();
            await portal.stack.drainStream();
            return response;
          }, plan);
          expect(result.status, JSON.stringify(result.body)).toBe(scenario.status);
          expect(calls.some((call) => call.injected && call.service === sends.service)).toBe(true);

          const [pending, ...others] = await pendingTo(recipient);
          expect(others).toEqual([]);
          expect(pending).toMatchObject({
            status: 'pending',
            attempts: 1,
            lastError: expect.stringContaining('(injected)'),
          });
          // First backoff: one minute after the failed attempt.
          const delay = Date.parse(pending!.nextAttemptAt) - sentAt;
          expect(delay).toBeGreaterThan(50_000);
          expect(delay).toBeLessThan(70_000 + (Date.now() - sentAt));
          // Not due yet: the retry job leaves it alone.
          await portal.stack.runJob('retryOutbox');
          expect(await pendingTo(recipient)).toMatchObject([{ messageId: pending!.messageId, attempts: 1 }]);

          await makeDue(pending!);
          await portal.stack.runJob('retryOutbox');
          await portal.stack.runJob('retryOutbox');
          // Delivered, once (verify counts the e-mails or SMS to the recipient).
          await attempt.verify(result);
          const delivered = await spy.read(keys.outbox(pending!.messageId));
          expect(delivered).toMatchObject({ status: 'sent', attempts: 2 });
          // Once sent, the body (a code, a link) is dropped.
          expect(JSON.stringify(delivered)).not.toMatch(/jeton=|code de connexion est/);
        });
      }
    },
  );

  describe('the outbox dispatcher', () => {
    const resetRequest = async () => {
      const admin = await activatedAdmin();
      await portal.stack.drainStream();
      return admin;
    };

    it('leaves a message pending when it cannot claim it, and the retry job delivers it once', async () => {
      const admin = await resetRequest();
      const plan: FaultPlan = {
        origin: 'dispatcher',
        service: 'dynamodb',
        operation: 'UpdateItem',
        nth: 1,
        kind: 'throttle',
      };
      const { calls } = await spy.observe(async () => {
        expect(
          (await portal.browser(uniqueIp()).call('POST', '/auth/password-reset', { email: admin.email }))
            .status,
        ).toBe(202);
        await portal.stack.drainStream();
      }, plan);
      expect(calls.some((call) => call.injected && call.origin === 'dispatcher')).toBe(true);
      expect(await mailsTo(admin.email, 'Réinitialisation')).toEqual([]);
      const [pending] = await pendingTo(admin.email);
      // Never claimed: still due at once, as written.
      expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
      await portal.stack.runJob('retryOutbox');
      await portal.stack.runJob('retryOutbox');
      expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(1);
      expect(await spy.read(keys.outbox(pending!.messageId))).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('never loses a message whose delivery it could not record: sent again once the claim lapses', async () => {
      const admin = await resetRequest();
      // Claim (1st UpdateItem), SendEmail, then marking it sent (2nd UpdateItem) fails.
      const plan: FaultPlan = {
        origin: 'dispatcher',
        service: 'dynamodb',
        operation: 'UpdateItem',
        nth: 2,
        kind: 'server-error',
      };
      const { calls } = await spy.observe(async () => {
        expect(
          (await portal.browser(uniqueIp()).call('POST', '/auth/password-reset', { email: admin.email }))
            .status,
        ).toBe(202);
        await portal.stack.drainStream();
      }, plan);
      expect(calls.some((call) => call.injected && call.origin === 'dispatcher')).toBe(true);
      expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(1);
      const [stuck] = await pendingTo(admin.email);
      expect(stuck).toMatchObject({ status: 'sending', attempts: 1 });
      // Within its claim, nobody sends it again.
      await portal.stack.runJob('retryOutbox');
      expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(1);
      await makeDue(stuck!);
      await portal.stack.runJob('retryOutbox');
      // At least once: the e-mail went out twice, and the message is done.
      expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(2);
      expect(await spy.read(keys.outbox(stuck!.messageId))).toMatchObject({ status: 'sent' });
      expect(await pendingTo(admin.email)).toEqual([]);
    });

    it('fails a call to a dependency that never answers after the request timeout instead of hanging', async () => {
      const blackHole: Server = createServer(() => undefined);
      await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
      const address = blackHole.address();
      const previous = process.env.SES_ENDPOINT;
      try {
        process.env.SES_ENDPOINT = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        // Fresh modules: clients built from this environment, as a new Lambda container would.
        vi.resetModules();
        const fresh = await import('../../../functions/runtime/config');
        fresh.resetConfigCache();
        const { sesMailer } = await import('../../../functions/adapters/ses/ses-mailer');
        const started = Date.now();
        const outcome = await Promise.race([
          sesMailer()
            .send({ to: ['personne@example.com'], subject: 'Test', text: 'Test', html: '<p>Test</p>' })
            .then(
              () => 'sent',
              (error: Error) => error.name,
            ),
          new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 40_000)),
        ]);
        // 5 s per try, three tries (the SDK retries a timeout): bounded, where it used to wait forever.
        expect(outcome).toBe('TimeoutError');
        expect(Date.now() - started).toBeLessThan(30_000);
      } finally {
        process.env.SES_ENDPOINT = previous;
        blackHole.close();
      }
    }, 60_000);
  });
});
