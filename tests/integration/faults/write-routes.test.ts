import { createServer, type Server } from 'node:net';
import { randomInt, randomUUID } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import type { CompanyDataset, CompanySummary } from '../../../bin/local/demo-data';
import { LOCAL_INSURER_API_KEY } from '../../../bin/local/emulators';
import { cognitoIdentityProvider } from '../../../functions/adapters/cognito/cognito-identity-provider';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import {
  dispensePutItems,
  type DispenseItem,
} from '../../../functions/adapters/dynamodb/dispenses-repository';
import { transact } from '../../../functions/adapters/dynamodb/transact';
import { keyedDigest } from '../../../functions/adapters/system/keyed-digest';
import type { AnomalySummary } from '../../../functions/contracts/anomalies';
import { writeDsn } from '../../../functions/domain/dsn/write-dsn';
import type { DsnImportReport } from '../../../functions/use-cases/anomalies/import-dsn';
import { objectExists } from '../../../functions/adapters/s3/files';
import {
  BIA_TOKEN_HEADER,
  INSURER_KEY_HEADER,
  PRE_AFFILIATION_CSV_COLUMNS,
} from '../../../functions/contracts/affiliation';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { routes, type RouteDefinition, type RouteId } from '../../../functions/routes';
import { clearFaults } from '../../../functions/runtime/client-probes';
import { config } from '../../../functions/runtime/config';
import {
  biaTokenIn,
  completeDraft,
  newEmployee,
  PDF,
  uploadBiaFile,
  type AffiliationSummary,
  type EmployeeCaller,
  type PreAffiliationBody,
} from '../../support/affiliation';
import { callApiAt, type ApiResponse } from '../../support/api';
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
import { readyToFinalize } from '../../support/bia';
import { assertCleanError } from '../../support/error-shape';
import { startPrivateStack, type PrivateStack } from '../../support/private-stack';
import {
  activeInsured,
  asDeclared,
  currentMonth,
  departed,
  dsnOf,
  newHire,
  type DeclaredPerson,
} from '../../support/dsn';
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
  /** Why the route writes nothing anywhere (then the dry run must make no write call either). */
  writesNothing?: string;
  /**
   * Faults after which a change outside the table may stay, with the reason (checked by name,
   * e.g. "dynamodb TransactWriteItems #2"); the table must still be untouched and the retry converge.
   */
  tolerates?: Record<string, string>;
  /** The e-mail or SMS the route sends, by recipient (checked under an SES/SNS failure). */
  sends?: { service: 'ses' | 'sns'; recipient(attempt: Attempt): string };
}

/** An attempt that names the address its route e-mails. */
type MailingAttempt = Attempt & { email: string };

/** `sends` of the scenarios whose e-mail goes to the attempt's `email`. */
const MAILS_ATTEMPT_EMAIL: NonNullable<Scenario['sends']> = {
  service: 'ses',
  recipient: (attempt) => (attempt as MailingAttempt).email,
};

let portal: PrivateStack;
let spy: SdkSpy;
const datasets: CompanyDataset[] = [];

/** A company of its own, not activated; imported 25 at a time, as the scenarios use them up. */
let pool: CompanySummary[] = [];
let refill: Promise<void> | undefined;
async function company(): Promise<CompanySummary> {
  while (pool.length === 0) {
    refill ??= importCompanies(
      portal.importFile,
      Array.from({ length: 25 }, () => ({ insured: 3 })),
    )
      .then((imported) => {
        datasets.push(...imported);
        pool = imported.map((dataset) => dataset.summary);
      })
      .finally(() => {
        refill = undefined;
      });
    await refill;
  }
  return pool.shift()!;
}

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
  const target = await company();
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

interface CompanyAdmin extends Admin {
  companyId: string;
}

async function companyAdmin(): Promise<CompanyAdmin> {
  const admin = await signedInAdmin();
  const me = await admin.who.call<{ companies: { companyId: string }[] }>('GET', '/me');
  return { ...admin, companyId: me.body.companies[0]!.companyId };
}

interface Member {
  userId: string;
  email: string;
  role: string;
  membershipStatus: string;
  version: number;
}

async function members(admin: CompanyAdmin): Promise<Member[]> {
  const list = await admin.who.call<{ items: Member[] }>('GET', `/companies/${admin.companyId}/users`);
  expect(list.status).toBe(200);
  return list.body.items;
}

const inviteBody = (admin: CompanyAdmin, email: string, mobile: string) => ({
  civilite: 'M',
  lastName: 'Martin',
  firstName: 'Paul',
  email,
  mobile,
  rights: [{ companyId: admin.companyId, role: 'user' }],
});

/** An invitation by the administrator to a new person (Utilisateur on the company). */
async function invitee(admin: CompanyAdmin): Promise<Member & { mobile: string }> {
  const email = uniqueEmail('invitee');
  const mobile = uniqueMobile();
  const invited = await admin.who.call(
    'POST',
    `/companies/${admin.companyId}/users`,
    inviteBody(admin, email, mobile),
  );
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const member = (await members(admin)).find((candidate) => candidate.email === email)!;
  return { ...member, mobile };
}

/** The invitee accepts (creates a password) and signs in through the SMS code. */
async function signedInInvitee(admin: CompanyAdmin) {
  const person = await invitee(admin);
  const token = await portal.linkToken(person.email, '/invitation');
  const password = newPassword();
  const who = portal.browser(uniqueIp());
  const accepted = await who.call('POST', '/auth/invitation', {
    token,
    password,
    cguVersion: '2026-11',
    cguAccepted: true,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  await portal.logIn(who, { email: person.email, password, mobile: person.mobile });
  return { ...person, who };
}

interface Employee {
  employeeId: string;
  version: number;
  endDate: string | null;
}

async function employees(admin: CompanyAdmin): Promise<Employee[]> {
  const list = await admin.who.call<{ items: Employee[] }>('GET', `/companies/${admin.companyId}/employees`);
  expect(list.status).toBe(200);
  return list.body.items;
}

const today = () => new Date().toISOString().slice(0, 10);

async function radiatedEmployee(admin: CompanyAdmin): Promise<Employee> {
  const all = await employees(admin);
  const already = all.find((employee) => employee.endDate);
  if (already) return already;
  const active = all.find((employee) => !employee.endDate)!;
  const radiated = await admin.who.call<Employee>(
    'POST',
    `/companies/${admin.companyId}/employees/${active.employeeId}/radiation`,
    { endDate: today(), reason: 'demission', version: active.version },
  );
  expect(radiated.status, JSON.stringify(radiated.body)).toBe(200);
  return radiated.body;
}

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
// Issue #7: pré-affiliation and BIA — the employer's requests, the employee's link, the back office

const DAY_MS = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

const requestsPath = (admin: CompanyAdmin) => `/companies/${admin.companyId}/affiliation-requests`;

/** A call as this browser with a header of its own (the form's Idempotency-Key). */
async function callWithHeaders<T = unknown>(
  who: Browser,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<ApiResponse<T>> {
  const response = await callApiAt<T>(portal.url, method, path, {
    body,
    cookies: who.jar.header(),
    headers: {
      'x-forwarded-for': who.ip,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
      ...headers,
    },
  });
  who.jar.store(response.cookies);
  return response;
}

/** Calls as the employee's browser: no session, the personal link's token in its header. */
const employeeWith =
  (token: string, ip = uniqueIp()): EmployeeCaller =>
  <T>(method: string, path: string, body?: unknown) =>
    callApiAt<T>(portal.url, method, path, {
      body: body ?? (method === 'GET' ? undefined : {}),
      headers: { [BIA_TOKEN_HEADER]: token, 'x-forwarded-for': ip },
    });

/** The insurer's back office: its key in its header. */
const backOffice = <T = unknown>(method: string, path: string, body: unknown = {}) =>
  callApiAt<T>(portal.url, method, path, { body, headers: { [INSURER_KEY_HEADER]: LOCAL_INSURER_API_KEY } });

/** The pré-affiliation form's request; sent again with the same Idempotency-Key, as the browser retries. */
function preAffiliationSender(admin: CompanyAdmin, body: PreAffiliationBody) {
  const idempotencyKey = randomUUID();
  return () =>
    callWithHeaders(admin.who, 'POST', requestsPath(admin), body, { 'idempotency-key': idempotencyKey });
}

/** Someone to pré-affiliate on the administrator's company (`email: null`: by courrier). */
const newcomer = (admin: CompanyAdmin, email?: null) =>
  newEmployee({ siret: admin.company.mainSiret, ...(email === null ? { email } : {}) });

interface PreAffiliated {
  admin: CompanyAdmin;
  body: PreAffiliationBody;
  request: AffiliationSummary;
  /** E-mail mode: the personal link's token, from the employee's e-mail. */
  token?: string;
}

/** A company administrator who pré-affiliated one employee, by e-mail or by courrier. */
async function preAffiliated(mode: 'email' | 'courrier'): Promise<PreAffiliated> {
  const admin = await companyAdmin();
  const body = newcomer(admin, mode === 'courrier' ? null : undefined);
  const created = await admin.who.call<AffiliationSummary>('POST', requestsPath(admin), body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const email = body.employee.email;
  if (!email) return { admin, body, request: created.body };
  const token = biaTokenIn((await mailsTo(email)).find((mail) => biaTokenIn(mail.text))?.text ?? '');
  expect(token, `no BIA link mailed to ${email}`).toBeDefined();
  return { admin, body, request: created.body, token };
}

/** The employer's follow-up list (a fresh company: only the requests of the scenario). */
async function trackedRequests(admin: CompanyAdmin): Promise<AffiliationSummary[]> {
  const list = await admin.who.call<{ items: AffiliationSummary[] }>(
    'GET',
    `${requestsPath(admin)}?limit=100`,
  );
  expect(list.status).toBe(200);
  return list.body.items;
}

/** The home page's counters of requests by status (moved once per change, never twice). */
async function requestCounters(admin: CompanyAdmin): Promise<Record<string, number>> {
  const home = await admin.who.call<{ affiliationRequests: Record<string, number> }>(
    'GET',
    `/companies/${admin.companyId}/home-summary`,
  );
  expect(home.status).toBe(200);
  return home.body.affiliationRequests;
}
const counted = (counts: Partial<Record<'sent' | 'started' | 'finalized' | 'abandoned', number>>) => ({
  sent: 0,
  started: 0,
  finalized: 0,
  abandoned: 0,
  ...counts,
});

/** The company's insured people of this last name (what a finalized BIA becomes). */
async function insuredNamed(admin: CompanyAdmin, lastName: string): Promise<{ employeeId: string }[]> {
  const list = await admin.who.call<{ items: { employeeId: string; lastName: string }[] }>(
    'GET',
    `/companies/${admin.companyId}/employees?q=${encodeURIComponent(lastName)}`,
  );
  expect(list.status).toBe(200);
  return list.body.items.filter((item) => item.lastName === lastName);
}

/**
 * A finalized BIA made one insured of this last name, once: the employer's list points at it,
 * its counter moved once, and the employer was told by e-mail.
 */
async function expectOneInsuredFinalized(admin: CompanyAdmin, lastName: string) {
  const insured = await insuredNamed(admin, lastName);
  expect(insured).toHaveLength(1);
  expect(await trackedRequests(admin)).toMatchObject([
    { status: 'finalized', employeeId: insured[0]!.employeeId },
  ]);
  expect(await requestCounters(admin)).toEqual(counted({ finalized: 1 }));
  expect(await mailsTo(admin.email, 'Affiliation finalisée')).toHaveLength(1);
}

/** The employer's spreadsheet of these people, as the import page sends it. */
function preAffiliationCsv(people: PreAffiliationBody[]): string {
  const lines = people.map(({ siret, statut, employee }) => {
    const cells: Record<string, string> = {
      siret,
      statut: statut === 'cadre' ? 'Cadre' : 'Non cadre',
      civilite: employee.civilite === 'M' ? 'M.' : 'Mme',
      nom: employee.lastName,
      prenom: employee.firstName,
      date_naissance: employee.birthDate,
      nir: employee.nir,
      email: employee.email ?? '',
      adresse: employee.address.line1,
      code_postal: employee.address.postalCode,
      ville: employee.address.city,
      date_embauche: employee.hireDate,
      date_debut_contrat: employee.contractStartDate,
    };
    return PRE_AFFILIATION_CSV_COLUMNS.map((column) => cells[column] ?? '').join(';');
  });
  return [PRE_AFFILIATION_CSV_COLUMNS.join(';'), ...lines].join('\r\n');
}

// ---------------------------------------------------------------------------------------
// Dispenses d'adhésion: an employee who asked for one in the BIA, for the employer to decide

/** A fresh company's employee who asked for a dispense in the BIA (pending, with its PDF proof). */
async function pendingDispense() {
  const pre = await preAffiliated('email');
  const employee = employeeWith(pre.token!);
  const proof = await uploadBiaFile(
    employee,
    'dispense_proof',
    'attestation-css.pdf',
    'application/pdf',
    PDF,
  );
  const page = await employee<{ version: number }>('GET', '/bia');
  const endDate = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  const finalized = await employee('POST', '/bia/finalization', {
    draft: {
      documents: { dispense_proof: [proof] },
      dispense: { reason: 'css', endDate, swornStatement: true },
    },
    version: page.body.version,
  });
  expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);
  const list = await pre.admin.who.call<{ items: { dispenseId: string; version: number }[] }>(
    'GET',
    `/companies/${pre.admin.companyId}/dispenses?state=pending`,
  );
  expect(list.body.items).toHaveLength(1);
  const dispense = list.body.items[0]!;
  return {
    ...pre,
    email: pre.body.employee.email!,
    dispense,
    /** The employer's decision, on the version listed. */
    decide: (decision: { decision: 'validated' } | { decision: 'refused'; comment: string }) =>
      pre.admin.who.call(
        'POST',
        `/companies/${pre.admin.companyId}/dispenses/${dispense.dispenseId}/decision`,
        { ...decision, version: dispense.version },
      ),
    counters: async () => (await spy.read(keys.companyCounters(pre.admin.companyId))) ?? {},
  };
}

// ---------------------------------------------------------------------------------------
// Issue #8: the anomalies a DSN of the company raised (imported through the DSN trigger)

const datasetOf = (target: CompanySummary) =>
  datasets.find((dataset) => dataset.summary.companyNumber === target.companyNumber)!;

/**
 * An administrator and the one open anomaly a DSN of this month raised for their company:
 * a hire declared with the scheme but not affiliated, or an insured whose contract ended.
 */
async function dsnAnomaly(type: 'not_affiliated' | 'ended_still_affiliated') {
  let admin = await companyAdmin();
  // A departure needs someone still covered (the generator radiates one insured in ten).
  while (activeInsured(datasetOf(admin.company)).length === 0) admin = await companyAdmin();
  const dataset = datasetOf(admin.company);
  const month = currentMonth();
  const [first, ...others] = activeInsured(dataset);
  const person =
    type === 'not_affiliated'
      ? newHire(dataset)
      : departed(asDeclared(dataset, first!), `${month}-01`, 'demission');
  const declared = (type === 'not_affiliated' ? [first, ...others] : others)
    .filter((row) => row !== undefined)
    .map((row) => asDeclared(dataset, row));
  const [report] = (await portal.stack.importFile(
    `dsn/faults/${randomUUID()}.dsn`,
    writeDsn(dsnOf(dataset, month, [person, ...declared])),
  )) as DsnImportReport[];
  expect(report, JSON.stringify(report)).toMatchObject({ status: 'imported', anomalies: { raised: 1 } });
  const list = await admin.who.call<{ items: AnomalySummary[] }>(
    'GET',
    `/companies/${admin.companyId}/anomalies`,
  );
  const affiliations = async () =>
    (
      await admin.who.call<{ items: { endDate: string | null }[] }>(
        'GET',
        `/companies/${admin.companyId}/employees?q=${person.employee.nir}`,
      )
    ).body.items;
  const openAnomalies = async () =>
    (await admin.who.call<{ openAnomalies: number }>('GET', `/companies/${admin.companyId}/home-summary`))
      .body.openAnomalies;
  const anomaly = list.body.items[0]!;
  /** One of the anomaly's actions, on the version listed. */
  const act = (action: 'force-affiliation' | 'force-radiation' | 'dispensed', body: object = {}) =>
    admin.who.call('POST', `/companies/${admin.companyId}/anomalies/${anomaly.anomalyId}/${action}`, {
      version: anomaly.version,
      ...body,
    });
  return { admin, anomaly, person, month, affiliations, openAnomalies, act };
}

/**
 * A validated dispense of the person, written straight into the table: the dispenses feature
 * makes one from the employee's BIA and the employer's decision (tested there, and in
 * tests/integration/anomalies); here only the anomaly action is under faults.
 */
async function validatedDispense(companyId: string, person: DeclaredPerson): Promise<string> {
  const now = new Date().toISOString();
  const item: DispenseItem = {
    companyId,
    dispenseId: ulid(),
    requestId: null,
    siret: person.siret,
    establishmentName: '',
    firstName: person.employee.firstNames.split(' ')[0]!,
    lastName: person.employee.lastName,
    nir: person.employee.nir!,
    nirDigest: keyedDigest('nir', person.employee.nir!),
    reason: 'autre_couverture_collective',
    endDate: null,
    proofs: [],
    swornAt: now,
    state: 'validated',
    requestedAt: now,
    decidedAt: now,
    version: 1,
  };
  await transact(dispensePutItems(item));
  return item.dispenseId;
}

// The scenarios: one successful request per write route, on fresh data each time

const scenarios: Scenario[] = [
  {
    route: 'checkActivationIdentifiers',
    name: 'the identifiers of a company to activate',
    status: 200,
    async prepare() {
      const target = await company();
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
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const target = await company();
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
      } as MailingAttempt;
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
    sends: MAILS_ATTEMPT_EMAIL,
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
      } as MailingAttempt;
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
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await activatedAdmin();
      const who = portal.browser(uniqueIp());
      return {
        email: admin.email,
        send: () => who.call('POST', '/auth/password-reset', { email: admin.email }),
        async verify() {
          expect(await mailsTo(admin.email, 'Réinitialisation')).toHaveLength(1);
        },
      } as MailingAttempt;
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
    sends: MAILS_ATTEMPT_EMAIL,
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
      } as MailingAttempt;
    },
  },
  {
    route: 'changePassword',
    name: 'a change of password from the profile (other sessions end)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
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
      } as MailingAttempt;
    },
  },
  {
    route: 'inviteUser',
    name: 'an invitation of a new person',
    status: 201,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await companyAdmin();
      const email = uniqueEmail('invitee');
      const mobile = uniqueMobile();
      return {
        email,
        send: () =>
          admin.who.call('POST', `/companies/${admin.companyId}/users`, inviteBody(admin, email, mobile)),
        async verify() {
          expect((await members(admin)).filter((member) => member.email === email)).toMatchObject([
            { role: 'user' },
          ]);
          expect(await mailsTo(email)).toHaveLength(1);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'updateUserRights',
    name: 'a person made Administrateur',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const person = await invitee(admin);
      return {
        send: () =>
          admin.who.call('PUT', `/companies/${admin.companyId}/users/${person.userId}`, {
            role: 'admin',
            version: person.version,
          }),
        async verify() {
          expect((await members(admin)).find((member) => member.userId === person.userId)).toMatchObject({
            role: 'admin',
            version: person.version + 1,
          });
        },
      };
    },
  },
  {
    route: 'resendInvitation',
    name: 'a new invitation link',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await companyAdmin();
      const person = await invitee(admin);
      await portal.messages();
      return {
        email: person.email,
        send: () => admin.who.call('POST', `/companies/${admin.companyId}/users/${person.userId}/invitation`),
        async verify() {
          expect(await mailsTo(person.email)).toHaveLength(2);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'deactivateUser',
    name: 'a temporary deactivation (the person’s sessions end)',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const person = await signedInInvitee(admin);
      return {
        send: () =>
          admin.who.call('POST', `/companies/${admin.companyId}/users/${person.userId}/deactivation`, {
            mode: 'temporary',
          }),
        async verify() {
          expect((await members(admin)).find((member) => member.userId === person.userId)).toMatchObject({
            membershipStatus: 'suspended',
          });
          expect((await person.who.call('GET', '/me')).status).toBe(401);
        },
      };
    },
  },
  {
    route: 'reactivateUser',
    name: 'a reactivation',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const person = await invitee(admin);
      const path = `/companies/${admin.companyId}/users/${person.userId}`;
      expect((await admin.who.call('POST', `${path}/deactivation`, { mode: 'temporary' })).status).toBe(200);
      return {
        send: () => admin.who.call('POST', `${path}/reactivation`),
        async verify() {
          expect((await members(admin)).find((member) => member.userId === person.userId)).toMatchObject({
            membershipStatus: 'active',
          });
        },
      };
    },
  },
  {
    route: 'acceptInvitation',
    name: 'the invited person’s password, from the link',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const person = await invitee(admin);
      const token = await portal.linkToken(person.email, '/invitation');
      const password = newPassword();
      const who = portal.browser(uniqueIp());
      return {
        send: () =>
          who.call('POST', '/auth/invitation', { token, password, cguVersion: '2026-11', cguAccepted: true }),
        async verify() {
          const login = await portal
            .browser(uniqueIp())
            .call('POST', '/auth/login', { email: person.email, password });
          expect(login.body).toMatchObject({ status: 'mfa_required' });
        },
        outside: () => canLogIn(person.email, password),
      };
    },
  },
  {
    route: 'updateProfile',
    name: 'a new name and a new mobile number (an SMS code goes to it)',
    status: 200,
    sends: { service: 'sns', recipient: (attempt) => (attempt as Attempt & { phone: string }).phone },
    async prepare() {
      const admin = await companyAdmin();
      const mobile = uniqueMobile();
      return {
        phone: e164(mobile),
        send: () => admin.who.call('PATCH', '/me/profile', { lastName: 'Durand-Lefèvre', mobile }),
        async verify(response) {
          expect(response.body).toMatchObject({
            profile: { lastName: 'Durand-Lefèvre' },
            phoneVerification: expect.anything(),
          });
          expect(await smsTo(e164(mobile))).toHaveLength(1);
        },
      } as Attempt & { phone: string };
    },
  },
  {
    route: 'verifyProfilePhone',
    name: 'the SMS code of the new mobile number',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const mobile = uniqueMobile();
      expect((await admin.who.call('PATCH', '/me/profile', { mobile })).status).toBe(200);
      const code = await portal.latestCode(e164(mobile));
      return {
        send: () => admin.who.call('POST', '/me/profile/phone-verification', { code }),
        async verify() {
          const profile = await admin.who.call<{ phoneVerified: boolean; maskedPhone: string }>(
            'GET',
            '/me/profile',
          );
          expect(profile.body.phoneVerified).toBe(true);
          expect(profile.body.maskedPhone.replace(/\D/g, '').slice(-2)).toBe(mobile.slice(-2));
        },
      };
    },
  },
  {
    route: 'addEstablishment',
    name: 'another company added to the perimeter',
    status: 201,
    async prepare() {
      const admin = await companyAdmin();
      const other = await company();
      return {
        send: () =>
          admin.who.call('POST', '/me/establishments', {
            siret: other.mainSiret,
            companyNumber: other.companyNumber,
          }),
        async verify() {
          const me = await admin.who.call<{ companies: { name: string; role: string }[] }>('GET', '/me');
          expect(me.body.companies).toContainEqual(
            expect.objectContaining({ name: other.name, role: 'admin' }),
          );
        },
      };
    },
  },
  {
    route: 'exportEmployees',
    name: 'the CSV export of the employees',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      return {
        send: () => admin.who.call('POST', `/companies/${admin.companyId}/employees/export`, {}),
        async verify(response) {
          expect(response.body).toMatchObject({
            rows: (await employees(admin)).length,
            url: expect.any(String),
          });
        },
      };
    },
  },
  {
    route: 'revealNir',
    name: 'an audited look at an employee’s NIR',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const [employee] = await employees(admin);
      const nirs = datasets.flatMap((dataset) => dataset.rows.assures.map((row) => row.nir));
      return {
        send: () =>
          admin.who.call(
            'POST',
            `/companies/${admin.companyId}/employees/${employee!.employeeId}/nir-reveal`,
          ),
        async verify(response) {
          expect(nirs).toContain((response.body as { nir: string }).nir.replace(/\s/g, ''));
        },
      };
    },
  },
  {
    route: 'radiateEmployee',
    name: 'the radiation of an employee',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const employee = (await employees(admin)).find((candidate) => !candidate.endDate)!;
      return {
        send: () =>
          admin.who.call('POST', `/companies/${admin.companyId}/employees/${employee.employeeId}/radiation`, {
            endDate: today(),
            reason: 'demission',
            version: employee.version,
          }),
        async verify() {
          const after = (await employees(admin)).find(
            (candidate) => candidate.employeeId === employee.employeeId,
          );
          expect(after).toMatchObject({ endDate: today(), version: employee.version + 1 });
        },
      };
    },
  },
  {
    route: 'getAffiliationCertificate',
    name: 'an affiliation certificate (PDF)',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const employee = (await employees(admin)).find((candidate) => !candidate.endDate)!;
      const path = `/companies/${admin.companyId}/employees/${employee.employeeId}/affiliation-certificate`;
      return {
        send: () => admin.who.call('POST', path),
        async verify(response) {
          const { url } = response.body as { url: string };
          expect((await fetch(url)).status).toBe(200);
        },
      };
    },
  },
  {
    route: 'getRadiationCertificate',
    name: 'a radiation certificate (PDF)',
    status: 200,
    async prepare() {
      const admin = await companyAdmin();
      const employee = await radiatedEmployee(admin);
      const path = `/companies/${admin.companyId}/employees/${employee.employeeId}/radiation-certificate`;
      return {
        send: () => admin.who.call('POST', path),
        async verify(response) {
          const { url } = response.body as { url: string };
          expect((await fetch(url)).status).toBe(200);
        },
      };
    },
  },
  // -------------------------------------------------------------------------------------
  // Issue #7: pré-affiliation and BIA
  {
    route: 'preAffiliateEmployee',
    name: 'a pré-affiliation by e-mail (the personal link goes to the employee)',
    status: 201,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await companyAdmin();
      const body = newcomer(admin);
      const email = body.employee.email!;
      return {
        email,
        send: preAffiliationSender(admin, body),
        async verify(response) {
          const { requestId } = response.body as AffiliationSummary;
          expect(await trackedRequests(admin)).toMatchObject([{ requestId, status: 'sent', mode: 'email' }]);
          expect(await requestCounters(admin)).toEqual(counted({ sent: 1 }));
          const mails = await mailsTo(email);
          expect(mails).toHaveLength(1);
          const bia = await employeeWith(biaTokenIn(mails[0]!.text)!)('GET', '/bia');
          expect(bia.body).toMatchObject({ requestId, status: 'sent' });
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'preAffiliateEmployee',
    name: 'a pré-affiliation by courrier (its letter rendered before the transaction)',
    status: 201,
    async prepare() {
      const admin = await companyAdmin();
      const body = newcomer(admin, null);
      return {
        send: preAffiliationSender(admin, body),
        async verify(response) {
          const { requestId } = response.body as AffiliationSummary;
          expect(await trackedRequests(admin)).toMatchObject([
            { requestId, status: 'sent', mode: 'courrier' },
          ]);
          expect(await requestCounters(admin)).toEqual(counted({ sent: 1 }));
          // In the mail room's queue, with its letter ready to print.
          const stored = await spy.read(keys.affiliationRequest(admin.companyId, requestId));
          expect(stored).toMatchObject({ courrierQueuedAt: expect.any(String), GSI3PK: expect.any(String) });
          const letter = `affiliation-forms/${admin.companyId}/${requestId}/v${String(stored!.version)}.pdf`;
          expect(await objectExists(config().GENERATED_BUCKET, letter)).toBe(true);
        },
      };
    },
  },
  {
    route: 'importPreAffiliations',
    name: 'a CSV of three employees, all created at once (two by e-mail, one by courrier)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await companyAdmin();
      const people = [newcomer(admin), newcomer(admin), newcomer(admin, null)];
      const emails = people.flatMap((person) => (person.employee.email ? [person.employee.email] : []));
      // Chosen once per file by the page: sending it again finishes the same import.
      const importId = randomUUID();
      return {
        email: emails[0]!,
        send: () =>
          admin.who.call('POST', `${requestsPath(admin)}/import`, {
            importId,
            fileName: 'nouveaux-salaries.csv',
            csv: preAffiliationCsv(people),
            dryRun: false,
          }),
        async verify(response) {
          expect(response.body).toMatchObject({ dryRun: false, lines: 3, errors: [], created: 3 });
          const tracked = await trackedRequests(admin);
          expect(tracked.map((request) => request.lastName).sort()).toEqual(
            people.map((person) => person.employee.lastName).sort(),
          );
          expect(await requestCounters(admin)).toEqual(counted({ sent: 3 }));
          for (const email of emails) expect(await mailsTo(email)).toHaveLength(1);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'remindAffiliationRequest',
    name: '"Relancer": the personal link e-mailed again',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { admin, body, request, token } = await preAffiliated('email');
      const email = body.employee.email!;
      return {
        email,
        send: () => admin.who.call('POST', `${requestsPath(admin)}/${request.requestId}/reminder`),
        async verify(response) {
          expect(response.body).toMatchObject({ remindersSent: 1, lastReminderAt: expect.any(String) });
          const reminders = await mailsTo(email, 'Rappel');
          expect(reminders).toHaveLength(1);
          // The same link as the first e-mail.
          expect(biaTokenIn(reminders[0]!.text)).toBe(token);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'restartAffiliationRequest',
    name: '"Relancer un nouveau parcours" after an abandonment (a new link, the old one dead)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { admin, body, request, token } = await preAffiliated('email');
      const email = body.employee.email!;
      // Thirty-one days on, the nightly job abandons it.
      expect(
        await portal.stack.runJob('sendAffiliationReminders', {
          now: plusDays(request.sentAt, 31),
          companyId: admin.companyId,
        }),
      ).toMatchObject({ abandoned: 1 });
      return {
        email,
        send: () => admin.who.call('POST', `${requestsPath(admin)}/${request.requestId}/restart`),
        async verify(response) {
          expect(response.body).toMatchObject({ status: 'sent', journey: 2, abandonedAt: null });
          expect(await requestCounters(admin)).toEqual(counted({ sent: 1 }));
          const links = (await mailsTo(email)).map((mail) => biaTokenIn(mail.text));
          expect(links).toHaveLength(2);
          const fresh = links.find((link) => link !== token)!;
          expect((await employeeWith(fresh)('GET', '/bia')).body).toMatchObject({
            requestId: request.requestId,
            status: 'sent',
          });
          expect((await employeeWith(token!)('GET', '/bia')).status).toBe(401);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'getAffiliationForm',
    name: 'the form of a request by e-mail (rendered at its first download)',
    status: 200,
    async prepare() {
      const { admin, request } = await preAffiliated('email');
      return {
        send: () => admin.who.call('POST', `${requestsPath(admin)}/${request.requestId}/form`),
        async verify(response) {
          const download = await fetch((response.body as { url: string }).url);
          expect(download.status).toBe(200);
          expect(
            Buffer.from(await download.arrayBuffer())
              .subarray(0, 5)
              .toString(),
          ).toBe('%PDF-');
        },
      };
    },
  },
  {
    route: 'saveBiaDraft',
    name: 'the employee’s first draft, with a RIB (the request becomes Démarré)',
    status: 200,
    async prepare() {
      const { admin, token } = await preAffiliated('email');
      const employee = employeeWith(token!);
      const rib = await uploadBiaFile(employee, 'rib', 'rib.pdf', 'application/pdf', PDF);
      const { version } = (await employee<{ version: number }>('GET', '/bia')).body;
      const draft = { ...completeDraft(), documents: { rib: [rib] } };
      return {
        send: () => employee('PUT', '/bia/draft', { draft, version }),
        async verify(response) {
          expect(response.body).toMatchObject({
            status: 'started',
            version: version + 1,
            documents: [{ uploadId: rib, kind: 'rib', size: PDF.length }],
          });
          expect(await requestCounters(admin)).toEqual(counted({ started: 1 }));
          expect(await spy.read(keys.upload(rib))).toMatchObject({ status: 'checked', size: PDF.length });
        },
      };
    },
  },
  {
    route: 'createBiaUploadUrl',
    name: 'an upload slot for the employee’s RIB',
    status: 201,
    async prepare() {
      const { token } = await preAffiliated('email');
      const employee = employeeWith(token!);
      return {
        send: () =>
          employee('POST', '/bia/uploads', {
            kind: 'rib',
            fileName: 'rib.pdf',
            contentType: 'application/pdf',
            size: PDF.length,
          }),
        async verify(response) {
          const { uploadId } = response.body as { uploadId: string };
          expect(response.body).toMatchObject({
            uploadId: expect.stringMatching(/^[0-9A-Z]{26}$/),
            url: expect.any(String),
          });
          expect(await spy.read(keys.upload(uploadId))).toMatchObject({ status: 'pending', kind: 'rib' });
        },
      };
    },
  },
  {
    route: 'finalizeBia',
    name: 'the employee’s BIA finalized online (the insured created, the employer told)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { admin, body, request, token } = await preAffiliated('email');
      const employee = employeeWith(token!);
      const { draft, version } = await readyToFinalize(employee);
      return {
        email: admin.email,
        send: () => employee('POST', '/bia/finalization', { draft, version }),
        async verify(response) {
          expect(response.body).toMatchObject({
            requestId: request.requestId,
            status: 'finalized',
            outcome: 'affiliation',
          });
          await expectOneInsuredFinalized(admin, body.employee.lastName);
          expect(await mailsTo(body.employee.email!, 'Votre affiliation')).toHaveLength(1);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'markCourrierPosted',
    name: 'a courrier posted by the mail room (it leaves the queue)',
    status: 200,
    async prepare() {
      const { admin, request } = await preAffiliated('courrier');
      const path = `/back-office/companies/${admin.companyId}/affiliation-requests/${request.requestId}/courrier-posted`;
      return {
        send: () => backOffice('POST', path),
        async verify(response) {
          expect(response.body).toMatchObject({ requestId: request.requestId, postedAt: expect.any(String) });
          const stored = await spy.read(keys.affiliationRequest(admin.companyId, request.requestId));
          expect(stored).toMatchObject({
            courrierPostedAt: (response.body as { postedAt: string }).postedAt,
          });
          expect(stored).not.toHaveProperty('GSI3PK');
        },
      };
    },
  },
  {
    route: 'recordPaperBia',
    name: 'a paper BIA typed in by the back office (the insured created, the employer told)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { admin, body, request } = await preAffiliated('courrier');
      const path = `/back-office/companies/${admin.companyId}/affiliation-requests/${request.requestId}/paper-bia`;
      return {
        email: admin.email,
        send: () =>
          backOffice('POST', path, { draft: { ...completeDraft(), documents: {} }, receivedOn: today() }),
        async verify(response) {
          expect(response.body).toMatchObject({ requestId: request.requestId, status: 'finalized' });
          await expectOneInsuredFinalized(admin, body.employee.lastName);
        },
      } as MailingAttempt;
    },
  },
  // End of issue #7.
  // Issue #8, dispenses d'adhésion.
  {
    route: 'decideDispense',
    name: 'a dispense validated by the employer (counters moved, the employee told)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { email, dispense, decide, counters } = await pendingDispense();
      return {
        email,
        send: () => decide({ decision: 'validated' }),
        async verify(response) {
          expect(response.body).toMatchObject({
            dispenseId: dispense.dispenseId,
            state: 'validated',
            version: 2,
          });
          expect(await counters()).toMatchObject({ dispenses_pending: 0, affiliation_finalized: 1 });
          expect(await mailsTo(email, 'Votre dispense d’adhésion est acceptée')).toHaveLength(1);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'decideDispense',
    name: 'a dispense refused by the employer (the affiliation reopens on a new link)',
    status: 200,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const { admin, email, dispense, decide, counters } = await pendingDispense();
      return {
        email,
        send: () =>
          decide({
            decision: 'refused',
            comment: 'Attestation illisible : merci de compléter votre affiliation.',
          }),
        async verify(response) {
          expect(response.body).toMatchObject({ dispenseId: dispense.dispenseId, state: 'refused' });
          expect(await trackedRequests(admin)).toMatchObject([{ status: 'sent', journey: 2, outcome: null }]);
          expect(await counters()).toMatchObject({
            dispenses_pending: 0,
            affiliation_finalized: 0,
            affiliation_sent: 1,
          });
          expect(
            await mailsTo(email, 'Votre demande de dispense d’adhésion n’est pas acceptée'),
          ).toHaveLength(1);
          // The first journey's link and the new one, each mailed once.
          const links = (await mailsTo(email)).map((mail) => biaTokenIn(mail.text)).filter(Boolean);
          expect(links).toHaveLength(2);
          expect(new Set(links).size).toBe(2);
        },
      } as MailingAttempt;
    },
  },
  // End of the dispenses.
  {
    route: 'createContactUploadUrl',
    name: 'an upload slot for an attachment',
    status: 201,
    async prepare() {
      const admin = await companyAdmin();
      return {
        send: () =>
          admin.who.call('POST', `/companies/${admin.companyId}/contact/uploads`, {
            fileName: 'bulletin.pdf',
            contentType: 'application/pdf',
            size: 12_345,
          }),
        async verify(response) {
          expect(response.body).toMatchObject({ uploadId: expect.stringMatching(/^[0-9A-Z]{26}$/) });
        },
      };
    },
  },
  {
    route: 'sendContactMessage',
    name: 'a message to the insurer (and its acknowledgement)',
    status: 201,
    sends: MAILS_ATTEMPT_EMAIL,
    async prepare() {
      const admin = await companyAdmin();
      const requestId = randomUUID();
      await portal.messages();
      const before = (await mailsTo(admin.email)).length;
      return {
        email: admin.email,
        send: () =>
          admin.who.call('POST', `/companies/${admin.companyId}/contact/messages`, {
            requestId,
            motif: 'contrat_autre',
            subject: 'Question sur le contrat',
            message: 'Bonjour, pouvez-vous me rappeler les garanties du contrat ? Merci.',
            attachments: [],
          }),
        async verify() {
          const list = await admin.who.call<{ items: unknown[] }>(
            'GET',
            `/companies/${admin.companyId}/contact/messages`,
          );
          expect(list.body.items).toHaveLength(1);
          expect(await mailsTo(admin.email)).toHaveLength(before + 1);
        },
      } as MailingAttempt;
    },
  },
  {
    route: 'askChatbot',
    name: 'a question to the assistant',
    status: 200,
    writesNothing: 'the knowledge base is in memory: no SDK call at all',
    async prepare() {
      const who = portal.browser(uniqueIp());
      return {
        send: () => who.call('POST', '/chatbot/questions', { question: 'Comment radier un salarié ?' }),
        async verify(response) {
          expect(response.body).toHaveProperty('answer');
        },
      };
    },
  },
  {
    route: 'getDocument',
    name: 'a download link to a practical document',
    status: 200,
    writesNothing: 'a presigned link to a published file: reads only',
    async prepare() {
      const admin = await companyAdmin();
      const list = await admin.who.call<{ items: { id: string }[] }>('GET', '/documents');
      const id = list.body.items[0]!.id;
      return {
        send: () => admin.who.call('POST', `/documents/${id}/download`),
        async verify(response) {
          expect(response.body).toMatchObject({ url: expect.any(String) });
        },
      };
    },
  },
  {
    route: 'forceAffiliation',
    name: 'the affiliation of an employee a DSN declared but nobody affiliated',
    status: 200,
    async prepare() {
      const { act, affiliations, openAnomalies } = await dsnAnomaly('not_affiliated');
      return {
        send: () => act('force-affiliation'),
        async verify(response) {
          expect(response.body).toMatchObject({
            state: 'resolved',
            resolution: { how: 'forced_affiliation' },
          });
          expect(await affiliations()).toHaveLength(1);
          expect(await openAnomalies()).toBe(0);
        },
      };
    },
  },
  {
    route: 'forceRadiation',
    name: 'the radiation of an insured whose contract a DSN ended',
    status: 200,
    async prepare() {
      const { act, month, affiliations, openAnomalies } = await dsnAnomaly('ended_still_affiliated');
      return {
        send: () => act('force-radiation'),
        async verify(response) {
          expect(response.body).toMatchObject({ state: 'resolved', resolution: { how: 'forced_radiation' } });
          expect(await affiliations()).toMatchObject([{ endDate: `${month}-01` }]);
          expect(await openAnomalies()).toBe(0);
        },
      };
    },
  },
  {
    route: 'resolveAnomalyAsDispensed',
    name: 'a validated dispense linked to an employee a DSN declared but nobody affiliated',
    status: 200,
    async prepare() {
      const { admin, person, openAnomalies, act } = await dsnAnomaly('not_affiliated');
      const dispenseId = await validatedDispense(admin.companyId, person);
      return {
        send: () => act('dispensed', { dispenseId }),
        async verify(response) {
          expect(response.body).toMatchObject({
            state: 'resolved',
            resolution: { how: 'dispensed', dispenseId },
          });
          expect(await openAnomalies()).toBe(0);
        },
      };
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
    // "Mes documents pratiques", published as the full local stack does.
    await (await import('../../../bin/local/seed-documents')).seedDocuments();
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
        if (scenario.writesNothing) {
          // Nothing to fail: a write added later must come with its fault cases.
          expect(targets, scenario.writesNothing).toEqual([]);
          return;
        }
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
            // The recipient itself (another e-mail may name them as Reply-To).
            match:
              sends.service === 'ses' ? `"ToAddresses":["${recipient}"]` : `"PhoneNumber":"${recipient}"`,
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
