import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { backOfficeRecordKinds } from '../functions/contracts/back-office-import';
import { CURRENT_CGU_VERSION } from '../functions/contracts/auth';
import { backOfficeRepository } from '../functions/adapters/dynamodb/back-office-repository';
import { keys } from '../functions/adapters/dynamodb/table-keys';
import { listSentMessages } from '../functions/adapters/local/sent-messages';
import type { DevMessagesResponse } from '../functions/contracts/platform';
import { routes, type RouteDefinition } from '../functions/routes';
import {
  generateCompanyDataset,
  toBackOfficeCsv,
  type BackOfficeRows,
  type CompanyDataset,
  type CompanySummary,
} from '../bin/local/demo-data';
import type { LocalStack } from '../bin/local/stack';
import { applySetCookies, invoke, type BenchRequest, type InvokeResult } from './invoke';
import { People } from './people';
import { resetRateCounters } from './sdk-capture';

/**
 * The benchmark's world on top of the local stack: its companies (one with 20,000 insured,
 * one with 50, and throwaway ones to activate), its signed-in administrators, and helpers
 * to prepare requests with the real handlers (untimed).
 */
export interface BenchCompany {
  label: string;
  companyId: string;
  companyNumber: string;
  name: string;
  mainSiret: string;
  insured: number;
  /** Items in the company's GSI1 insured-by-name partition (one per affiliation). */
  insuredIndexItems: number;
}

export interface BenchUser {
  email: string;
  password: string;
  /** E.164. */
  mobile: string;
  /** Cookies of its browser (session, device). */
  cookies: Record<string, string>;
  ip: string;
}

export const STRONG_PASSWORD = 'Brasserie-du-port-1987!';
export const OTHER_STRONG_PASSWORD = 'Guinguette-des-berges-2031!';

const IMPORT_PREFIX = 'back-office/bench/';

export const e164 = (nationalMobile: string) => `+33${nationalMobile.slice(1)}`;
export const national = (mobile: string) => (mobile.startsWith('+33') ? `0${mobile.slice(3)}` : mobile);

function mergeRows(all: BackOfficeRows[]): BackOfficeRows {
  const merged = {
    entreprises: [],
    etablissements: [],
    contrats: [],
    assures: [],
    ayants_droit: [],
  } as unknown as BackOfficeRows;
  for (const rows of all) {
    for (const kind of backOfficeRecordKinds) (merged[kind] as unknown[]).push(...(rows[kind] as unknown[]));
  }
  return merged;
}

export class BenchEnv {
  readonly routesById = new Map<string, RouteDefinition>(
    (routes as readonly RouteDefinition[]).map((r) => [r.id, r]),
  );
  companies!: { big: BenchCompany; small: BenchCompany };
  /** Their back-office rows (people, contracts, establishments), to build files about them. */
  datasets!: { big: CompanyDataset; small: CompanyDataset };
  admins!: { big: BenchUser; small: BenchUser };
  /** New people to pré-affiliate or declare: valid NIRs that no bench company has insured. */
  readonly people = new People();
  private fresh: CompanySummary[] = [];
  private counter = 0;
  /** Link tokens already handed out (each is single use). */
  readonly usedTokens = new Set<string>();

  constructor(
    readonly stack: LocalStack,
    readonly raw: DynamoDBClient,
    readonly log: (line: string) => void,
  ) {}

  get publicUrl(): string {
    return this.stack.url;
  }

  get tableName(): string {
    return this.stack.env.TABLE_NAME!;
  }

  route(id: string): RouteDefinition {
    const route = this.routesById.get(id);
    if (!route) throw new Error(`route ${id} is not in the route table`);
    return route;
  }

  /** A fresh client IP in 198.18.0.0/15, the range reserved for benchmarks (RFC 2544). */
  nextIp(): string {
    const n = ++this.counter;
    return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 0xff}.${n & 0xff}`;
  }

  uniqueEmail(label: string): string {
    return `bench.${label}.${++this.counter}@example.com`;
  }

  /** A French mobile in an allocated block, different on each call. */
  uniqueMobile(): string {
    return `0612${String(100_000 + (++this.counter % 900_000)).padStart(6, '0')}`;
  }

  freshCompaniesLeft(): number {
    return this.fresh.length;
  }

  takeFreshCompany(): CompanySummary {
    const company = this.fresh.shift();
    if (!company)
      throw new Error('no unactivated bench company left: raise FRESH_COMPANIES in bench/bench-env.ts');
    return company;
  }

  /** An untimed call of a route (preparation): rate counters are reset first, as before measured calls. */
  async call(routeId: string, request: BenchRequest): Promise<InvokeResult> {
    await resetRateCounters(this.raw, this.tableName);
    return invoke(this.route(routeId), request, this.publicUrl);
  }

  /** Every e-mail and SMS sent so far, once the outbox dispatcher has caught up. */
  async messages(): Promise<DevMessagesResponse> {
    await this.stack.drainStream(30_000);
    return listSentMessages({
      sesEndpoint: this.stack.env.SES_ENDPOINT!,
      snsEndpoint: this.stack.env.SNS_ENDPOINT!,
    });
  }

  /** Unused link tokens mailed to `to` (anyone when null) whose link goes to `page`, oldest first. */
  async linkTokens(to: string | null, page: string): Promise<string[]> {
    const { emails } = await this.messages();
    const pattern = new RegExp(`${page}#jeton=([A-Za-z0-9_-]+)`);
    return emails
      .filter((email) => to === null || email.to.includes(to))
      .map((email) => pattern.exec(email.text)?.[1])
      .filter((token): token is string => token !== undefined && !this.usedTokens.has(token))
      .reverse();
  }

  /** The newest SMS code per E.164 number. */
  async latestCodes(): Promise<Map<string, string>> {
    const { sms } = await this.messages();
    const codes = new Map<string, string>();
    for (const message of sms) {
      const code = /\b(\d{6})\b/.exec(message.text)?.[1];
      if (code && !codes.has(message.to)) codes.set(message.to, code);
    }
    return codes;
  }

  activationBody(company: CompanySummary, email: string, mobile: string, password = STRONG_PASSWORD) {
    return {
      siret: company.mainSiret,
      companyNumber: company.companyNumber,
      civilite: 'MME',
      lastName: 'Lefèvre',
      firstName: 'Élodie',
      email,
      mobile,
      password,
      cguVersion: CURRENT_CGU_VERSION,
      cguAccepted: true,
    };
  }

  /** "Activer mon espace" then the confirmation link: an active administrator (phone not yet verified). */
  async activateAndConfirm(company: CompanySummary, label: string): Promise<BenchUser> {
    const email = this.uniqueEmail(label);
    const mobile = this.uniqueMobile();
    const ip = this.nextIp();
    const activation = await this.call('activateSpace', {
      body: this.activationBody(company, email, mobile),
      ip,
    });
    if (activation.status !== 201)
      throw new Error(
        `activation of ${company.companyNumber}: ${activation.status} ${JSON.stringify(activation.body)}`,
      );
    const [token] = await this.linkTokens(email, '/confirmation-email');
    if (!token) throw new Error(`no confirmation e-mail for ${email}`);
    this.usedTokens.add(token);
    const confirmation = await this.call('confirmEmail', { body: { token }, ip });
    if (confirmation.status !== 200) throw new Error(`confirmation of ${email}: ${confirmation.status}`);
    return { email, password: STRONG_PASSWORD, mobile: e164(mobile), cookies: {}, ip };
  }

  /** Logs a browser in, through the SMS code when asked; returns its cookies (session, device). */
  async fullLogin(
    user: Pick<BenchUser, 'email' | 'password' | 'mobile'>,
    ip: string,
    cookies: Record<string, string> = {},
  ) {
    const jar = { ...cookies };
    const login = await this.call('login', {
      body: { email: user.email, password: user.password },
      cookies: jar,
      ip,
    });
    const body = login.body as { status?: string; phoneEditable?: boolean };
    if (login.status !== 200)
      throw new Error(`login ${user.email}: ${login.status} ${JSON.stringify(login.body)}`);
    applySetCookies(jar, login.cookies);
    if (body.status === 'authenticated') return jar;
    const send = await this.call('sendLoginCode', {
      body: body.phoneEditable ? { mobile: national(user.mobile) } : {},
      cookies: jar,
      ip,
    });
    if (send.status !== 200)
      throw new Error(`login code for ${user.email}: ${send.status} ${JSON.stringify(send.body)}`);
    const code = (await this.latestCodes()).get(user.mobile);
    if (!code) throw new Error(`no SMS code sent to ${user.mobile}`);
    const verify = await this.call('verifyLoginCode', { body: { code }, cookies: jar, ip });
    if (verify.status !== 200)
      throw new Error(`code check for ${user.email}: ${verify.status} ${JSON.stringify(verify.body)}`);
    applySetCookies(jar, verify.cookies);
    delete jar['__Host-ees-login'];
    return jar;
  }

  /** Items of a GSI1 partition (Select COUNT, paginated; bounded). */
  private async countIndexItems(partition: string): Promise<number> {
    let count = 0;
    let cursor: Record<string, never> | undefined;
    for (let page = 0; page < 1_000; page++) {
      const result = await this.raw.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': { S: partition } },
          Select: 'COUNT',
          ExclusiveStartKey: cursor,
        }),
      );
      count += result.Count ?? 0;
      cursor = result.LastEvaluatedKey as Record<string, never> | undefined;
      if (!cursor) break;
    }
    return count;
  }

  private async importRows(label: string, rows: BackOfficeRows): Promise<void> {
    const csv = toBackOfficeCsv(rows);
    for (const kind of backOfficeRecordKinds) {
      const started = Date.now();
      const reports = (await this.stack.importFile(`${IMPORT_PREFIX}${label}/${kind}.csv`, csv[kind])) as {
        status: string;
        lines: number;
        rejected: unknown[];
      }[];
      const report = reports[0];
      if (report?.status !== 'imported') {
        throw new Error(
          `bench import ${label}/${kind} rejected: ${JSON.stringify(report?.rejected.slice(0, 3))}`,
        );
      }
      this.log(
        `  ${label}/${kind}: ${report.lines} lines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }

  /**
   * Seeds the companies through the real back-office import: the big and the small
   * company, and `freshCount` one-employee companies left unactivated for activateSpace.
   */
  async seed(options: { bigInsured: number; smallInsured: number; freshCount: number }): Promise<void> {
    const big = generateCompanyDataset({
      seed: 920_000,
      companyNumber: 'BENCH20000',
      name: 'Brasseries du Grand Banc',
      establishments: 12,
      insured: options.bigInsured,
    });
    const small = generateCompanyDataset({
      seed: 920_050,
      companyNumber: 'BENCH00050',
      name: 'Bistrot du Petit Banc',
      establishments: 1,
      insured: options.smallInsured,
    });
    const fresh = Array.from({ length: options.freshCount }, (_, index) =>
      generateCompanyDataset({
        seed: 930_000 + index,
        companyNumber: `BENCHT${String(index).padStart(4, '0')}`,
        name: `Café du Banc ${index + 1}`,
        establishments: 1,
        insured: 1,
      }),
    );
    await this.importRows(
      'small-and-fresh',
      mergeRows([small.rows, ...fresh.map((dataset) => dataset.rows)]),
    );
    this.log(`  importing ${options.bigInsured.toLocaleString('en')} insured (the long part)…`);
    await this.importRows('big', big.rows);
    this.log('  waiting for the stream dispatcher to go through the import records…');
    await this.stack.drainStream(600_000);

    const ids = await backOfficeRepository().companyIdsByNumber([
      big.summary.companyNumber,
      small.summary.companyNumber,
    ]);
    const describe = async (label: string, summary: CompanySummary): Promise<BenchCompany> => {
      const companyId = ids.get(summary.companyNumber);
      if (!companyId) throw new Error(`company ${summary.companyNumber} was not imported`);
      return {
        label,
        companyId,
        companyNumber: summary.companyNumber,
        name: summary.name,
        mainSiret: summary.mainSiret,
        insured: summary.insured,
        insuredIndexItems: await this.countIndexItems(keys.insuredByNamePartition(companyId).GSI1PK),
      };
    };
    this.companies = { big: await describe('20k', big.summary), small: await describe('50', small.summary) };
    this.datasets = { big, small };
    this.people.exclude([big, small].flatMap((dataset) => dataset.rows.assures.map((row) => row.nir)));
    this.fresh = fresh.map((dataset) => dataset.summary);

    // Their administrators, through the real activation, confirmation and login flows.
    const bigSummary = big.summary;
    const smallSummary = small.summary;
    const adminBig = await this.activateAndConfirm(bigSummary, 'admin-20k');
    const adminSmall = await this.activateAndConfirm(smallSummary, 'admin-50');
    adminBig.cookies = await this.fullLogin(adminBig, adminBig.ip);
    adminSmall.cookies = await this.fullLogin(adminSmall, adminSmall.ip);
    this.admins = { big: adminBig, small: adminSmall };
  }

  /** Signs the administrators in again if a measured route ended their session. */
  async ensureSessions(): Promise<void> {
    for (const admin of [this.admins.big, this.admins.small]) {
      const me = await this.call('getMe', { cookies: { ...admin.cookies }, ip: admin.ip });
      if (me.status === 200) continue;
      this.log(`  ${admin.email}: session ended by an earlier route (${me.status}), signing in again`);
      admin.cookies = await this.fullLogin(admin, admin.ip, admin.cookies);
    }
  }

  /** The user id in a session cookie ("<userId>.<secret>"). */
  userIdOf(user: BenchUser): string | undefined {
    return user.cookies['__Host-ees-session']?.split('.')[0];
  }

  /** Session cookie of the big company's administrator (as the browser sends it). */
  sessionCookieHeader(user: BenchUser): string {
    return Object.entries(user.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  /** First value of `attribute` among a company's items whose sort key starts with `prefix`. */
  async firstAttribute(companyId: string, prefix: string, attribute: string): Promise<string | undefined> {
    const { Items } = await this.raw.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': { S: keys.company(companyId).PK }, ':prefix': { S: prefix } },
        Limit: 1,
      }),
    );
    return Items?.[0]?.[attribute]?.S;
  }
}
