import type { RouteDefinition } from '../functions/routes';
import { DEMO_PASSWORD, DEMO_USERS } from '../bin/local/demo-users';
import { DEMO_UNACTIVATED_COMPANY } from '../bin/local/demo-data';
import { OTHER_STRONG_PASSWORD, STRONG_PASSWORD, type BenchEnv, type BenchUser } from './bench-env';
import { applySetCookies, type BenchRequest, type InvokeResult } from './invoke';

/**
 * How each route is exercised: a realistic, successful request per iteration, prepared
 * (untimed) with the real handlers — a fresh login attempt, an unused link token, an
 * unactivated company… A route without a scenario here gets a generic request (its path
 * parameters filled from the bench companies, a session for session routes, no body on
 * GET, `{}` otherwise) and is flagged as such in the report: add it here when it lands.
 */
export interface Scenario {
  /** What the measured requests do, one line for the report. */
  description: string;
  /** Costly preparation (Cognito, SMS, e-mail round trips): fewer iterations. */
  heavy?: boolean;
  expectedStatuses: number[];
  setup?(): Promise<void>;
  next(): Promise<BenchRequest>;
  /** A label of the response, to show when the path taken changes (e.g. 'authenticated'). */
  outcome?(result: InvokeResult): string;
  after?(result: InvokeResult, request: BenchRequest): Promise<void> | void;
}

export type ScenarioChoice = { scenario: Scenario; generic: boolean } | { skip: string };

const COOKIE = { session: '__Host-ees-session', device: '__Host-ees-device', login: '__Host-ees-login' };

const statusOf = (result: InvokeResult) =>
  String((result.body as { status?: string } | undefined)?.status ?? result.status);

const demoUser = (index: number): BenchUser => {
  const demo = DEMO_USERS[index];
  if (!demo) throw new Error(`no demo user #${index}`);
  return { email: demo.email, password: DEMO_PASSWORD, mobile: demo.mobile, cookies: {}, ip: '' };
};

/** Setup runs once, before the first request, whichever phase asks first. */
function once(scenario: Scenario): Scenario {
  let ready: Promise<void> | undefined;
  const setup = () => (ready ??= scenario.setup?.() ?? Promise.resolve());
  return {
    ...scenario,
    setup,
    next: async () => {
      await setup();
      return scenario.next();
    },
  };
}

/** State shared by the scenarios of one run (users prepared once, pools of single-use tokens). */
export class ScenarioBook {
  private returning: BenchUser | undefined;
  private resetUser: BenchUser | undefined;
  private readonly confirmTokens: string[] = [];
  private readonly resetTokens: string[] = [];
  private readonly codes: { cookies: Record<string, string>; code: string; ip: string }[] = [];
  private readonly cache = new Map<string, ScenarioChoice>();

  constructor(private readonly env: BenchEnv) {}

  /** A returning user: known browser (device cookie), same network as last time → no SMS. */
  private async returningUser(): Promise<BenchUser> {
    if (!this.returning) {
      const user = demoUser(0);
      user.ip = this.env.nextIp();
      const cookies = await this.env.fullLogin(user, user.ip);
      user.cookies = { [COOKIE.device]: cookies[COOKIE.device]! };
      this.returning = user;
    }
    return this.returning;
  }

  /** A session of the returning user, opened without SMS (re-established if the path changed). */
  private async returningSession(): Promise<{ cookies: Record<string, string>; ip: string }> {
    const user = await this.returningUser();
    const jar = await this.env.fullLogin(user, user.ip, user.cookies);
    const device = jar[COOKIE.device];
    if (device) user.cookies[COOKIE.device] = device;
    return {
      cookies: { [COOKIE.session]: jar[COOKIE.session]!, [COOKIE.device]: user.cookies[COOKIE.device]! },
      ip: user.ip,
    };
  }

  private async passwordResetUser(): Promise<BenchUser> {
    this.resetUser ??= await this.env.activateAndConfirm(this.env.takeFreshCompany(), 'reset');
    return this.resetUser;
  }

  /** A pending login attempt (password checked, SMS code pending) of a demo user, from a new network. */
  private async loginAttempt(user: BenchUser): Promise<{ cookies: Record<string, string>; ip: string }> {
    const ip = this.env.nextIp();
    const login = await this.env.call('login', { body: { email: user.email, password: user.password }, ip });
    const attempt = applySetCookies({}, login.cookies)[COOKIE.login];
    if (statusOf(login) !== 'mfa_required' || !attempt) {
      throw new Error(
        `expected a pending login attempt for ${user.email}, got ${login.status} ${JSON.stringify(login.body)}`,
      );
    }
    return { cookies: { [COOKIE.login]: attempt }, ip };
  }

  /** Login attempts with their SMS code sent, one per demo user with a distinct phone, then read the codes. */
  private async refillCodes(): Promise<void> {
    const users = [1, 2, 3].map(demoUser);
    const attempts: { user: BenchUser; cookies: Record<string, string>; ip: string }[] = [];
    for (const user of users) {
      const attempt = await this.loginAttempt(user);
      const send = await this.env.call('sendLoginCode', {
        body: {},
        cookies: attempt.cookies,
        ip: attempt.ip,
      });
      if (send.status !== 200)
        throw new Error(`sendLoginCode while preparing: ${send.status} ${JSON.stringify(send.body)}`);
      attempts.push({ user, ...attempt });
    }
    const codes = await this.env.latestCodes();
    for (const attempt of attempts) {
      const code = codes.get(attempt.user.mobile);
      if (!code) throw new Error(`no SMS code for ${attempt.user.mobile}`);
      this.codes.push({ cookies: attempt.cookies, code, ip: attempt.ip });
    }
  }

  private async refillConfirmTokens(): Promise<void> {
    // Confirmation e-mails of earlier activations (e.g. activateSpace's own iterations) first.
    this.confirmTokens.push(...(await this.env.linkTokens(null, '/confirmation-email')));
    if (this.confirmTokens.length > 0) return;
    for (let i = 0; i < 8 && this.env.freshCompaniesLeft() > 0; i++) {
      const company = this.env.takeFreshCompany();
      const result = await this.env.call('activateSpace', {
        body: this.env.activationBody(company, this.env.uniqueEmail('confirm'), this.env.uniqueMobile()),
        ip: this.env.nextIp(),
      });
      if (result.status !== 201)
        throw new Error(`activation while preparing: ${result.status} ${JSON.stringify(result.body)}`);
    }
    this.confirmTokens.push(...(await this.env.linkTokens(null, '/confirmation-email')));
  }

  private async refillResetTokens(): Promise<void> {
    const user = await this.passwordResetUser();
    this.resetTokens.push(...(await this.env.linkTokens(user.email, '/nouveau-mot-de-passe')));
    if (this.resetTokens.length > 0) return;
    for (let i = 0; i < 10; i++) {
      const result = await this.env.call('requestPasswordReset', {
        body: { email: user.email },
        ip: this.env.nextIp(),
      });
      if (result.status !== 202) throw new Error(`requestPasswordReset while preparing: ${result.status}`);
    }
    this.resetTokens.push(...(await this.env.linkTokens(user.email, '/nouveau-mot-de-passe')));
  }

  private takeToken(pool: string[]): string {
    const token = pool.shift();
    if (!token) throw new Error('no link token left');
    this.env.usedTokens.add(token);
    return token;
  }

  private known(route: RouteDefinition): Scenario | undefined {
    const env = this.env;
    switch (route.id) {
      case 'getHealth':
        return {
          description: 'probes every dependency (DynamoDB, S3, SES, Cognito, SNS)',
          expectedStatuses: [200],
          next: async () => ({}),
        };
      case 'getOpenApiDocument':
        return {
          description: 'the OpenAPI document (built once, then cached)',
          expectedStatuses: [200],
          next: async () => ({}),
        };
      case 'listDevMessages':
        return {
          description: 'reads the SES and SNS emulators’ stores (grow during the run)',
          expectedStatuses: [200],
          next: async () => ({}),
        };
      case 'checkActivationIdentifiers':
        return {
          description: 'right SIRET + identifiant of a company not yet activated',
          expectedStatuses: [200],
          next: async () => ({
            body: {
              siret: DEMO_UNACTIVATED_COMPANY.siret,
              companyNumber: DEMO_UNACTIVATED_COMPANY.companyNumber,
            },
            ip: env.nextIp(),
          }),
        };
      case 'activateSpace':
        return {
          description: 'activates a new one-employee company (table + Cognito user + confirmation e-mail)',
          heavy: true,
          expectedStatuses: [201],
          next: async () => ({
            body: env.activationBody(env.takeFreshCompany(), env.uniqueEmail('activate'), env.uniqueMobile()),
            ip: env.nextIp(),
          }),
        };
      case 'confirmEmail':
        return {
          description: 'first click on an unused confirmation link',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            if (this.confirmTokens.length === 0) await this.refillConfirmTokens();
            return { body: { token: this.takeToken(this.confirmTokens) }, ip: env.nextIp() };
          },
        };
      case 'login':
        return {
          description: 'returning user: known browser, same network → session without SMS',
          heavy: true,
          expectedStatuses: [200],
          setup: async () => {
            await this.returningUser();
          },
          next: async () => {
            const user = await this.returningUser();
            return {
              body: { email: user.email, password: user.password },
              cookies: { ...user.cookies },
              ip: user.ip,
            };
          },
          outcome: statusOf,
        };
      case 'sendLoginCode':
        return {
          description: 'first SMS code of a login attempt from a new network (verified phone)',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            const attempt = await this.loginAttempt(demoUser(1));
            return { body: {}, cookies: attempt.cookies, ip: attempt.ip };
          },
        };
      case 'verifyLoginCode':
        return {
          description: 'right SMS code, new browser → session + remembered device + "new browser" e-mail',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            if (this.codes.length === 0) await this.refillCodes();
            const prepared = this.codes.shift()!;
            return { body: { code: prepared.code }, cookies: prepared.cookies, ip: prepared.ip };
          },
        };
      case 'logout':
        return {
          description: 'ends a fresh session',
          heavy: true,
          expectedStatuses: [200],
          next: async () => this.returningSession(),
        };
      case 'getMe':
        return {
          description: 'signed-in administrator of the 20k company (one membership)',
          expectedStatuses: [200],
          next: async () => ({ cookies: { ...env.admins.big.cookies }, ip: env.admins.big.ip }),
        };
      case 'requestPasswordReset':
        return {
          description: 'existing active account → link e-mailed',
          expectedStatuses: [202],
          setup: async () => {
            await this.passwordResetUser();
          },
          next: async () => ({ body: { email: (await this.passwordResetUser()).email }, ip: env.nextIp() }),
        };
      case 'resetPassword':
        return {
          description: 'unused reset link + acceptable password → Cognito, all sessions ended',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            if (this.resetTokens.length === 0) await this.refillResetTokens();
            return {
              body: { token: this.takeToken(this.resetTokens), password: STRONG_PASSWORD },
              ip: env.nextIp(),
            };
          },
        };
      case 'changePassword': {
        let user: BenchUser | undefined;
        let current = STRONG_PASSWORD;
        return {
          description: 'right current password → Cognito, other sessions ended, new session',
          heavy: true,
          expectedStatuses: [200],
          setup: async () => {
            user = await env.activateAndConfirm(env.takeFreshCompany(), 'change');
            user.cookies = await env.fullLogin(user, user.ip);
          },
          next: async () => ({
            body: {
              currentPassword: current,
              newPassword: current === STRONG_PASSWORD ? OTHER_STRONG_PASSWORD : STRONG_PASSWORD,
            },
            cookies: { ...user!.cookies },
            ip: user!.ip,
          }),
          after: (result, request) => {
            if (result.status !== 200) return;
            applySetCookies(user!.cookies, result.cookies);
            current = (request.body as { newPassword: string }).newPassword;
          },
        };
      }
      default:
        return undefined;
    }
  }

  /**
   * The scenario of a route; `company` picks which bench company fills `{companyId}` (and
   * whose administrator calls) for generic scenarios — the list comparison uses both.
   */
  scenarioFor(route: RouteDefinition, company: 'big' | 'small' = 'big'): ScenarioChoice {
    const cacheKey = `${route.id}:${company}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const known = company === 'big' ? this.known(route) : undefined;
    const choice = known ? { scenario: once(known), generic: false } : this.generic(route, company);
    if (!('skip' in choice) && choice.generic) choice.scenario = once(choice.scenario);
    this.cache.set(cacheKey, choice);
    return choice;
  }

  private generic(route: RouteDefinition, companyKey: 'big' | 'small'): ScenarioChoice {
    const env = this.env;
    if (route.access === 'employeeLink' || route.access === 'insurer') {
      return { skip: `access "${route.access}": the bench cannot make that credential yet — add a scenario` };
    }
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const company = () => env.companies[companyKey];
    const resolvers: Record<string, () => Promise<string | undefined>> = {
      companyId: async () => company().companyId,
      siret: async () => company().mainSiret,
      insuredId: () => env.firstAttribute(company().companyId, 'INSURED#', 'insuredId'),
      employeeId: () => env.firstAttribute(company().companyId, 'INSURED#', 'insuredId'),
      // Someone who is NOT a member of this company (the other bench company's administrator):
      // a generic write must never deactivate or demote the administrator the bench signs in with.
      userId: async () => env.userIdOf(env.admins[companyKey === 'big' ? 'small' : 'big']),
      contractNumber: () => env.firstAttribute(company().companyId, 'CONTRACT#', 'contractNumber'),
    };
    const unknown = names.filter((name) => !resolvers[name]);
    if (unknown.length > 0)
      return { skip: `path parameter(s) ${unknown.join(', ')}: add a scenario in bench/scenarios.ts` };
    const params: Record<string, string> = {};
    const needsSession =
      route.access === 'authenticated' || route.access === 'companyMember' || route.access === 'companyAdmin';
    const admin = () => env.admins[companyKey];
    const read = route.method === 'GET';
    return {
      generic: true,
      scenario: {
        description: `generic request (${companyKey === 'big' ? '20k' : '50'} company${needsSession ? ', its administrator' : ''}${
          read ? ', no query parameters' : ', body {}'
        }) — add a scenario in bench/scenarios.ts`,
        expectedStatuses: read ? [200] : [200, 201, 202, 204],
        setup: async () => {
          for (const name of names) {
            const value = await resolvers[name]!();
            if (value === undefined) throw new Error(`no value found for {${name}}`);
            params[name] = value;
          }
        },
        next: async () => {
          const cookies = needsSession
            ? { ...admin().cookies }
            : route.access === 'loginAttempt'
              ? (await this.loginAttempt(demoUser(1))).cookies
              : {};
          return {
            params,
            cookies,
            ip: needsSession ? admin().ip : env.nextIp(),
            body: read ? undefined : {},
          };
        },
      },
    };
  }
}
