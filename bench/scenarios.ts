import { randomUUID } from 'node:crypto';
import type { RouteDefinition } from '../functions/routes';
import { BIA_TOKEN_HEADER, INSURER_KEY_HEADER } from '../functions/contracts/affiliation';
import { DEMO_PASSWORD, DEMO_USERS } from '../bin/local/demo-users';
import { DEMO_UNACTIVATED_COMPANY } from '../bin/local/demo-data';
import { OTHER_STRONG_PASSWORD, STRONG_PASSWORD, type BenchEnv, type BenchUser } from './bench-env';
import { applySetCookies, type BenchRequest, type InvokeResult } from './invoke';
import {
  isoDay,
  preAffiliationBody,
  preAffiliationCsv,
  type NewPerson,
  type PreAffiliationLine,
} from './people';
import { biaTokenOf, biaVersion, SPA_PAGE_SIZE, uploadBiaFile } from './seed-lists';

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

/** How full the page came back: both companies of the 20k/50 comparison must read full pages. */
export const pageFill = (result: InvokeResult) => {
  const page = result.body as { items?: unknown[]; cursor?: string | null } | undefined;
  if (!Array.isArray(page?.items)) return String(result.status);
  return `${page.items.length} items${page.cursor ? ' + cursor' : ''}`;
};

/** A list as the SPA pages it. */
const SPA_PAGE = String(SPA_PAGE_SIZE);

/** A BIA as an employee fills it in (family, bank), no files: what "Enregistrer" and a paper BIA carry. */
const filledBia = (person: NewPerson) => ({
  identity: {},
  situation: 'marie',
  noemie: true,
  beneficiaries: [
    {
      kind: 'conjoint',
      lastName: person.lastName,
      firstName: 'Claude',
      birthDate: '1988-07-21',
      noemie: true,
    },
    {
      kind: 'enfant',
      lastName: person.lastName,
      firstName: 'Léo',
      birthDate: '2019-05-02',
      attachedToNir: person.nir,
      noemie: true,
    },
  ],
  bank: { holder: `${person.firstName} ${person.lastName}`, iban: 'FR76 3000 6000 0112 3456 7890 189' },
  documents: {},
  consent: true,
  swornStatement: true,
});

/** A not_affiliated anomaly as listed: who the DSN declares, to act on it. */
interface UnaffiliatedHire {
  anomalyId: string;
  version: number;
  siret: string;
  lastName: string;
  firstName: string;
  maskedNir: string;
  dsn: { statut: 'cadre' | 'non_cadre' };
}

/** Items of a company list handed out one per request (each request uses one up: a reminder, a decision…). */
class Pool<T> {
  private items: T[] | undefined;
  constructor(
    private readonly what: string,
    private readonly load: () => Promise<T[]>,
  ) {}

  async take(): Promise<T> {
    this.items ??= await this.load();
    const item = this.items.shift();
    if (!item) throw new Error(`no ${this.what} left: raise LIST_DATA_PER_INSURED in bench/seed-lists.ts`);
    return item;
  }
}

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
  /** Open e-mail requests of the 20k company (reminders, forms) and courrier ones (back office). */
  private readonly emailRequests: Pool<{ requestId: string }>;
  private readonly courrierRequests: Pool<{ requestId: string }>;
  private readonly unaffiliated: Pool<UnaffiliatedHire>;
  private readonly leavers: Pool<{ anomalyId: string; version: number }>;
  private readonly pendingDispenses: Pool<{ dispenseId: string; version: number }>;

  constructor(private readonly env: BenchEnv) {
    // Only the ids (and versions) go on: the requests carry them as path parameters and body.
    const requests = (mode: string) => async () =>
      (await this.collect<{ requestId: string }>('listAffiliationRequests', { status: 'sent', mode })).map(
        ({ requestId }) => ({ requestId }),
      );
    const anomalies = (type: string) => async () =>
      (
        await this.collect<{ anomalyId: string; version: number }>('listAnomalies', { state: 'open', type })
      ).map(({ anomalyId, version }) => ({ anomalyId, version }));
    this.emailRequests = new Pool('open e-mail request', requests('email'));
    this.courrierRequests = new Pool('queued courrier', requests('courrier'));
    this.unaffiliated = new Pool('not_affiliated anomaly', async () =>
      (await this.collect<UnaffiliatedHire>('listAnomalies', { state: 'open', type: 'not_affiliated' })).map(
        ({ anomalyId, version, siret, lastName, firstName, maskedNir, dsn }) => ({
          anomalyId,
          version,
          siret,
          lastName,
          firstName,
          maskedNir,
          dsn: { statut: dsn.statut },
        }),
      ),
    );
    this.leavers = new Pool('ended_still_affiliated anomaly', anomalies('ended_still_affiliated'));
    this.pendingDispenses = new Pool('pending dispense', async () =>
      (
        await this.collect<{ dispenseId: string; version: number }>('listDispenses', { state: 'pending' })
      ).map(({ dispenseId, version }) => ({ dispenseId, version })),
    );
  }

  /** A list of the 20k company read through its route (pages of 100), up to `max` items. */
  private async collect<T>(routeId: string, query: Record<string, string>, max = 600): Promise<T[]> {
    const admin = this.env.admins.big;
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.env.call(routeId, {
        params: { companyId: this.env.companies.big.companyId },
        query: { ...query, limit: '100', ...(cursor ? { cursor } : {}) },
        cookies: { ...admin.cookies },
        ip: admin.ip,
      });
      const body = page.body as { items: T[]; cursor: string | null };
      if (page.status !== 200) throw new Error(`${routeId} while preparing: ${page.status}`);
      items.push(...body.items);
      cursor = body.cursor ?? undefined;
    } while (cursor && items.length < max);
    return items;
  }

  /** A session of `company`'s administrator, on a route of that company. */
  private asAdmin(company: 'big' | 'small', params: Record<string, string> = {}): BenchRequest {
    const admin = this.env.admins[company];
    return {
      params: { companyId: this.env.companies[company].companyId, ...params },
      cookies: { ...admin.cookies },
      ip: admin.ip,
    };
  }

  /** The insurer's back office: its key in its header. */
  private asBackOffice(params: Record<string, string> = {}): BenchRequest {
    const key = process.env.INSURER_API_KEY;
    if (!key) throw new Error('INSURER_API_KEY is not set by the local stack');
    return { params, headers: { [INSURER_KEY_HEADER]: key }, ip: this.env.nextIp() };
  }

  /** A new hire of the 20k company's main establishment, covered from three days ago. */
  private newHire(byEmail = true): PreAffiliationLine {
    return {
      person: this.env.people.next(),
      siret: this.env.companies.big.mainSiret,
      statut: 'non_cadre',
      byEmail,
      hireDate: isoDay(-3),
    };
  }

  /** "Pré-affilier un salarié" through its route (the 20k company's administrator). */
  private async preAffiliate(
    line = this.newHire(),
  ): Promise<{ requestId: string; line: PreAffiliationLine }> {
    const created = await this.env.call('preAffiliateEmployee', {
      ...this.asAdmin('big'),
      body: preAffiliationBody(line),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (created.status !== 201)
      throw new Error(`pré-affiliation while preparing: ${created.status} ${JSON.stringify(created.body)}`);
    return { requestId: (created.body as { requestId: string }).requestId, line };
  }

  /** The personal link the employee received by e-mail (`…/bia#<token>`). */
  private async biaTokenMailedTo(address: string): Promise<string> {
    const { emails } = await this.env.messages();
    const token = emails
      .filter((email) => email.to.includes(address))
      .map((email) => /\/bia#([A-Za-z0-9_-]{43})\b/.exec(email.text)?.[1])
      .find(Boolean);
    if (!token) throw new Error(`no BIA link mailed to ${address}`);
    return token;
  }

  /** A pré-affiliated employee holding the link of their e-mail, on their own network. */
  private async employeeWithLink(): Promise<{ token: string; ip: string; line: PreAffiliationLine }> {
    const { line } = await this.preAffiliate();
    return { token: await this.biaTokenMailedTo(line.person.email), ip: this.env.nextIp(), line };
  }

  /**
   * What happens before "Dispensé": the person the DSN declared is pré-affiliated, asks for a
   * dispense in the BIA (with its proof), and the employer validates it. Its id.
   */
  private async validatedDispenseOf(anomaly: UnaffiliatedHire): Promise<string> {
    const env = this.env;
    const person = env.people.find(anomaly);
    if (!person) throw new Error(`the person of anomaly ${anomaly.anomalyId} was not declared by the bench`);
    const { requestId } = await this.preAffiliate({
      person,
      siret: anomaly.siret,
      statut: anomaly.dsn.statut,
      byEmail: true,
      hireDate: isoDay(-3),
    });
    const token = await biaTokenOf(env.companies.big.companyId, requestId);
    const ip = env.nextIp();
    const proof = await uploadBiaFile(env, token, 'dispense_proof', 'attestation-mutuelle.pdf', ip);
    const asked = await env.call('finalizeBia', {
      body: {
        draft: {
          identity: {},
          documents: { dispense_proof: [proof] },
          dispense: { reason: 'autre_couverture_collective', swornStatement: true },
        },
        version: await biaVersion(env, token, ip),
      },
      headers: { [BIA_TOKEN_HEADER]: token },
      ip,
    });
    if (asked.status !== 200) throw new Error(`dispense while preparing: ${asked.status}`);
    const pending = await this.collect<{ dispenseId: string; requestId: string | null; version: number }>(
      'listDispenses',
      { state: 'pending' },
      100,
    );
    const dispense = pending.find((candidate) => candidate.requestId === requestId);
    if (!dispense) throw new Error(`no pending dispense listed for request ${requestId}`);
    const decided = await env.call('decideDispense', {
      ...this.asAdmin('big', { dispenseId: dispense.dispenseId }),
      body: { decision: 'validated', version: dispense.version },
    });
    if (decided.status !== 200) throw new Error(`dispense validation while preparing: ${decided.status}`);
    return dispense.dispenseId;
  }

  /** Scenarios of the lists compared between the 20k and the 50 company: the SPA's default views. */
  private companyList(route: RouteDefinition, company: 'big' | 'small'): Scenario | undefined {
    const label = company === 'big' ? '20k' : '50';
    const list = (description: string, query?: Record<string, string>): Scenario => ({
      description: `${description} (${label} company, its administrator)`,
      expectedStatuses: [200],
      next: async () => ({ ...this.asAdmin(company), query }),
      outcome: pageFill,
    });
    switch (route.id) {
      case 'listAffiliationRequests':
        return list('Suivi des demandes, first page of 25, newest first, no filter', { limit: SPA_PAGE });
      case 'listAnomalies':
        return list('open anomalies, first page of 25, newest first', { state: 'open', limit: SPA_PAGE });
      case 'listDispenses':
        return list('every dispense, first page of 25, newest first', { limit: SPA_PAGE });
      case 'getHomeSummary':
        return {
          ...list('home page focus: affiliation, anomaly and dispense counters'),
          outcome: undefined,
        };
      default:
        return undefined;
    }
  }

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
        return this.affiliationScenario(route);
    }
  }

  /** Pré-affiliation, the employee's BIA, the back office, anomalies and dispenses (issues #7 and #8). */
  private affiliationScenario(route: RouteDefinition): Scenario | undefined {
    const env = this.env;
    switch (route.id) {
      case 'preAffiliateEmployee':
        return {
          description: 'a new hire with an e-mail (unique NIR), Idempotency-Key → request, link e-mailed',
          expectedStatuses: [201],
          next: async () => ({
            ...this.asAdmin('big'),
            body: preAffiliationBody(this.newHire()),
            headers: { 'idempotency-key': randomUUID() },
          }),
          outcome: statusOf,
        };
      case 'importPreAffiliations':
        return {
          description: 'a CSV of 10 new hires (2 without e-mail), no dry run → 10 requests created',
          expectedStatuses: [200],
          next: async () => ({
            ...this.asAdmin('big'),
            body: {
              importId: randomUUID(),
              fileName: 'embauches-semaine.csv',
              csv: preAffiliationCsv(Array.from({ length: 10 }, (_, i) => this.newHire(i % 5 !== 4))),
              dryRun: false,
            },
          }),
          outcome: (result) => `${(result.body as { created?: number }).created ?? 0} created`,
        };
      case 'remindAffiliationRequest':
        return {
          description: '"Relancer" on an open e-mail request never reminded → link e-mailed again',
          expectedStatuses: [200],
          next: async () => ({ ...this.asAdmin('big', await this.emailRequests.take()), body: {} }),
        };
      case 'restartAffiliationRequest': {
        const abandoned: { requestId: string }[] = [];
        let company: { companyId: string; admin: BenchUser } | undefined;
        return {
          description:
            '"Relancer un nouveau parcours" on an abandoned request (abandoned by the reminder job at J+31)',
          heavy: true,
          expectedStatuses: [200],
          setup: async () => {
            // Abandonment is the reminder job's at J+30; run on a company of its own, it leaves the 20k company alone.
            const summary = env.takeFreshCompany();
            const admin = await env.activateAndConfirm(summary, 'restart');
            admin.cookies = await env.fullLogin(admin, admin.ip);
            const me = await env.call('getMe', { cookies: { ...admin.cookies }, ip: admin.ip });
            const companyId = (me.body as { companies: { companyId: string }[] }).companies[0]!.companyId;
            company = { companyId, admin };
            const lines = Array.from({ length: 70 }, () => ({ ...this.newHire(), siret: summary.mainSiret }));
            const imported = await env.call('importPreAffiliations', {
              params: { companyId },
              body: {
                importId: randomUUID(),
                fileName: 'embauches.csv',
                csv: preAffiliationCsv(lines),
                dryRun: false,
              },
              cookies: { ...admin.cookies },
              ip: admin.ip,
            });
            if (imported.status !== 200) throw new Error(`import while preparing: ${imported.status}`);
            const now = new Date(Date.now() + 31 * 86_400_000).toISOString();
            for (let run = 0; run < 4 && abandoned.length < lines.length; run++) {
              await env.stack.runJob('sendAffiliationReminders', { now, companyId });
              const listed = await env.call('listAffiliationRequests', {
                params: { companyId },
                query: { status: 'abandoned', limit: '100' },
                cookies: { ...admin.cookies },
                ip: admin.ip,
              });
              abandoned.splice(
                0,
                abandoned.length,
                ...(listed.body as { items: { requestId: string }[] }).items,
              );
            }
          },
          next: async () => {
            const request = abandoned.shift();
            if (!request) throw new Error('no abandoned request left');
            return {
              params: { companyId: company!.companyId, requestId: request.requestId },
              cookies: { ...company!.admin.cookies },
              ip: company!.admin.ip,
              body: {},
            };
          },
        };
      }
      case 'getAffiliationForm':
        return {
          description: 'first download of an e-mail request’s form: BIA PDF rendered, stored, 5-minute link',
          expectedStatuses: [200],
          next: async () => ({ ...this.asAdmin('big', await this.emailRequests.take()), body: {} }),
        };
      case 'getBia': {
        let employee: { token: string; ip: string } | undefined;
        return {
          description: 'the employee opens the link of the e-mail (pré-affiliated through the route)',
          expectedStatuses: [200],
          setup: async () => {
            employee = await this.employeeWithLink();
          },
          next: async () => ({ headers: { [BIA_TOKEN_HEADER]: employee!.token }, ip: employee!.ip }),
        };
      }
      case 'saveBiaDraft': {
        let employee: { token: string; ip: string; line: PreAffiliationLine } | undefined;
        let version = 0;
        return {
          description: '"Enregistrer" of a filled BIA (family, bank; no files), current version',
          expectedStatuses: [200],
          setup: async () => {
            employee = await this.employeeWithLink();
            version = await biaVersion(env, employee.token, employee.ip);
          },
          next: async () => ({
            body: { draft: filledBia(employee!.line.person), version },
            headers: { [BIA_TOKEN_HEADER]: employee!.token },
            ip: employee!.ip,
          }),
          outcome: statusOf,
          after: async (result) => {
            if (result.status !== 200) return;
            // The cold-start phase gets the status only: the page then says the new version.
            version =
              (result.body as { version?: number } | undefined)?.version ??
              (await biaVersion(env, employee!.token, employee!.ip));
          },
        };
      }
      case 'createBiaUploadUrl': {
        let employee: { token: string; ip: string } | undefined;
        return {
          description: 'a presigned POST for the RIB (PDF, 40 KB)',
          expectedStatuses: [201],
          setup: async () => {
            employee = await this.employeeWithLink();
          },
          next: async () => ({
            body: { kind: 'rib', fileName: 'rib.pdf', contentType: 'application/pdf', size: 40_016 },
            headers: { [BIA_TOKEN_HEADER]: employee!.token },
            ip: employee!.ip,
          }),
        };
      }
      case 'finalizeBia':
        return {
          description:
            '"Finaliser" a complete BIA with its RIB and attestation uploaded → insured on the contract',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            const { requestId, line } = await this.preAffiliate();
            const token = await biaTokenOf(env.companies.big.companyId, requestId);
            const ip = env.nextIp();
            const rib = await uploadBiaFile(env, token, 'rib', 'rib.pdf', ip);
            const attestation = await uploadBiaFile(env, token, 'attestation', 'attestation-vitale.pdf', ip);
            return {
              body: {
                draft: { ...filledBia(line.person), documents: { rib: [rib], attestation: [attestation] } },
                version: await biaVersion(env, token, ip),
              },
              headers: { [BIA_TOKEN_HEADER]: token },
              ip,
            };
          },
          outcome: (result) => String((result.body as { outcome?: string }).outcome ?? result.status),
        };
      case 'listCourriers':
        return {
          description:
            'back office: the courrier queue, oldest first, first page of 50 with each letter’s link',
          expectedStatuses: [200],
          next: async () => this.asBackOffice(),
          outcome: pageFill,
        };
      case 'markCourrierPosted':
        return {
          description: 'back office: a queued courrier of the 20k company posted',
          expectedStatuses: [200],
          next: async () => ({
            ...this.asBackOffice({
              companyId: env.companies.big.companyId,
              ...(await this.courrierRequests.take()),
            }),
            body: {},
          }),
        };
      case 'recordPaperBia':
        return {
          description:
            'back office: a complete paper BIA received for a courrier request → insured on the contract',
          expectedStatuses: [200],
          next: async () => ({
            ...this.asBackOffice({
              companyId: env.companies.big.companyId,
              ...(await this.courrierRequests.take()),
            }),
            body: { draft: filledBia(env.people.next()), receivedOn: isoDay() },
          }),
        };
      case 'forceAffiliation':
        return {
          description: '"Forcer l’affiliation" of a hire the DSN declares unaffiliated → insured created',
          expectedStatuses: [200],
          next: async () => {
            const anomaly = await this.unaffiliated.take();
            return {
              ...this.asAdmin('big', { anomalyId: anomaly.anomalyId }),
              body: { version: anomaly.version },
            };
          },
        };
      case 'forceRadiation':
        return {
          description: '"Forcer la radiation" of a leaver still affiliated, at the DSN’s date and reason',
          expectedStatuses: [200],
          next: async () => {
            const anomaly = await this.leavers.take();
            return {
              ...this.asAdmin('big', { anomalyId: anomaly.anomalyId }),
              body: { version: anomaly.version },
            };
          },
        };
      case 'resolveAnomalyAsDispensed':
        return {
          description:
            '"Dispensé" on a hire the DSN declares unaffiliated, who asked for a dispense in the BIA, validated',
          heavy: true,
          expectedStatuses: [200],
          next: async () => {
            const anomaly = await this.unaffiliated.take();
            const dispenseId = await this.validatedDispenseOf(anomaly);
            return {
              ...this.asAdmin('big', { anomalyId: anomaly.anomalyId }),
              body: { version: anomaly.version, dispenseId },
            };
          },
        };
      case 'decideDispense':
        return {
          description: 'a pending dispense validated (the employee is told)',
          expectedStatuses: [200],
          next: async () => {
            const dispense = await this.pendingDispenses.take();
            return {
              ...this.asAdmin('big', { dispenseId: dispense.dispenseId }),
              body: { decision: 'validated', version: dispense.version },
            };
          },
        };
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
    const known = this.companyList(route, company) ?? (company === 'big' ? this.known(route) : undefined);
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
