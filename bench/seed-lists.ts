import { randomUUID } from 'node:crypto';
import { BIA_TOKEN_HEADER, PRE_AFFILIATION_CSV_MAX_LINES } from '../functions/contracts/affiliation';
import { getAffiliationRequest } from '../functions/adapters/dynamodb/affiliation-requests-repository';
import { cryptoSecrets } from '../functions/adapters/system/crypto-secrets';
import { inParallel } from '../functions/adapters/dynamodb/transact';
import { biaLinkToken } from '../functions/use-cases/affiliation/journey';
import { writeDsn } from '../functions/domain/dsn/write-dsn';
import type { DsnEmployeeModel, DsnModel, Statut } from '../functions/domain/dsn/model';
import type { DsnImportReport } from '../functions/use-cases/anomalies/import-dsn';
import type { CompanyDataset } from '../bin/local/demo-data';
import type { BenchCompany, BenchEnv, BenchUser } from './bench-env';
import { isoDay, preAffiliationCsv, type NewPerson, type PreAffiliationLine, type People } from './people';

/**
 * Data for the lists of issues #7 and #8 (suivi des demandes, anomalies, dispenses, the
 * courrier queue, the home counters), created through the product's own paths: the bulk
 * pré-affiliation import, the employee's BIA asking for a dispense, a monthly DSN dropped in
 * the inbound bucket. Amounts follow each company's workforce (HCR: high turnover), with
 * at least one page of the SPA plus one for each list, so that both companies of the
 * 20k/50 comparison return full pages and the ratio measures the partition's length only.
 */
export const LIST_DATA_PER_INSURED = {
  /** Pré-affiliations of new hires since the portal opened. */
  affiliationRequests: 0.15,
  /** Share of those without an e-mail address: their BIA goes by courrier. */
  courrierShare: 0.15,
  /** Employees who asked for a dispense d'adhésion in their BIA (not decided yet). */
  dispenses: 0.01,
  /** DSN: hires declared with the scheme but never pré-affiliated. */
  notAffiliated: 0.02,
  /** DSN: leavers whose contract ended this month, still affiliated. */
  endedStillAffiliated: 0.01,
} as const;

/** The SPA's page size on these lists (REQUESTS_PAGE_SIZE, ANOMALIES_PAGE_SIZE, DISPENSES_PAGE_SIZE). */
export const SPA_PAGE_SIZE = 25;

export interface ListDataCounts {
  affiliationRequests: number;
  courriers: number;
  dispenses: number;
  notAffiliated: number;
  endedStillAffiliated: number;
}

export interface ListDataSeed {
  big: ListDataCounts;
  small: ListDataCounts;
  seconds: number;
}

/**
 * How much of each a company gets: its share of the workforce, at least a page and one
 * more, and for the 20k company enough for the routes that use up one item per call
 * (`perRoute`: a reminder, a form, a posted courrier, a decision, a forced affiliation…).
 */
export function listDataCounts(insured: number, perRoute: number): ListDataCounts {
  const share = (rate: number, floor: number) => Math.max(Math.round(insured * rate), floor);
  const page = SPA_PAGE_SIZE + 1;
  const rates = LIST_DATA_PER_INSURED;
  // Reminders and forms use e-mail requests, posted courriers and paper BIAs courrier ones.
  const affiliationRequests = share(rates.affiliationRequests, Math.max(page, 2 * perRoute));
  const courriers = Math.max(Math.round(affiliationRequests * rates.courrierShare), 2 * perRoute);
  return {
    affiliationRequests: Math.max(affiliationRequests, courriers + 2 * perRoute),
    courriers,
    dispenses: share(rates.dispenses, Math.max(page, perRoute)),
    // Forced affiliations and "Dispensé" both use not_affiliated anomalies up.
    notAffiliated: share(rates.notAffiliated, Math.max(page, 2 * perRoute)),
    endedStillAffiliated: share(rates.endedStillAffiliated, perRoute),
  };
}

/** Lines of at most 500 and well under the route's 60,000 characters. */
function importChunks(lines: readonly PreAffiliationLine[]): PreAffiliationLine[][] {
  const chunks: PreAffiliationLine[][] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (!last || last.length >= PRE_AFFILIATION_CSV_MAX_LINES || preAffiliationCsv(last).length > 50_000)
      chunks.push([line]);
    else last.push(line);
  }
  return chunks;
}

type Admin = Pick<BenchUser, 'cookies' | 'ip'>;

/** The open health contract (socle) of a statut, as the company's contracts file has it. */
const socleContract = (dataset: CompanyDataset, statut: Statut) => {
  const contract = dataset.rows.contrats.find(
    (row) =>
      row.statut === statut &&
      row.risque === 'sante' &&
      row.contrat === 'Socle conventionnel' &&
      !row.date_fin,
  );
  if (!contract) throw new Error(`${dataset.summary.companyNumber}: no open socle contract ${statut}`);
  return contract.contrat_employeur;
};

/** Hires of the last two months, across the establishments, 80 % non cadres. */
function newHires(
  people: People,
  dataset: CompanyDataset,
  count: number,
  byEmail: (index: number) => boolean,
): PreAffiliationLine[] {
  const sirets = dataset.summary.establishmentSirets;
  return Array.from({ length: count }, (_, index) => ({
    person: people.next(),
    siret: sirets[index % sirets.length]!,
    statut: index % 5 === 0 ? 'cadre' : 'non_cadre',
    byEmail: byEmail(index),
    hireDate: isoDay(-(index % 60)),
  }));
}

/** The bulk pré-affiliation import of the SPA (no dry run): every line created, or a thrown error. */
async function importPreAffiliations(
  env: BenchEnv,
  company: BenchCompany,
  admin: Admin,
  lines: readonly PreAffiliationLine[],
): Promise<{ requestId: string }[]> {
  const created: { requestId: string }[] = [];
  for (const chunk of importChunks(lines)) {
    const result = await env.call('importPreAffiliations', {
      params: { companyId: company.companyId },
      body: {
        importId: randomUUID(),
        fileName: 'embauches.csv',
        csv: preAffiliationCsv(chunk),
        dryRun: false,
      },
      cookies: { ...admin.cookies },
      ip: admin.ip,
    });
    const report = result.body as {
      created?: number;
      errors?: unknown[];
      requests?: { requestId: string }[];
    };
    if (result.status !== 200 || report.created !== chunk.length) {
      throw new Error(
        `pré-affiliation import for ${company.label}: ${result.status} ${JSON.stringify(report.errors?.slice(0, 3) ?? report)}`,
      );
    }
    created.push(...(report.requests ?? []));
  }
  return created;
}

/** The personal link's token of an e-mail request, derived as the use case does (journey.ts). */
export async function biaTokenOf(companyId: string, requestId: string): Promise<string> {
  const item = await getAffiliationRequest(companyId, requestId);
  if (!item) throw new Error(`request ${requestId} not found`);
  return biaLinkToken(cryptoSecrets, item);
}

/** A one-page PDF as a phone scan app makes it: what the proof upload checks (magic bytes). */
export const SCANNED_PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(40_000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/** The employee's upload: a presigned POST from the API, then the file straight to the storage. */
export async function uploadBiaFile(
  env: BenchEnv,
  token: string,
  kind: 'rib' | 'attestation' | 'dispense_proof',
  fileName: string,
  ip: string,
): Promise<string> {
  const grant = await env.call('createBiaUploadUrl', {
    body: { kind, fileName, contentType: 'application/pdf', size: SCANNED_PDF.length },
    headers: { [BIA_TOKEN_HEADER]: token },
    ip,
  });
  const body = grant.body as { uploadId: string; url: string; fields: Record<string, string> };
  if (grant.status !== 201) throw new Error(`createBiaUploadUrl: ${grant.status} ${JSON.stringify(body)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(body.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(SCANNED_PDF)], { type: 'application/pdf' }), fileName);
  const stored = await fetch(body.url, { method: 'POST', body: form });
  if (!stored.ok && stored.status !== 204) throw new Error(`upload to the storage: ${stored.status}`);
  return body.uploadId;
}

/** The employee's current BIA version (what the page loaded). */
export async function biaVersion(env: BenchEnv, token: string, ip: string): Promise<number> {
  const page = await env.call('getBia', { headers: { [BIA_TOKEN_HEADER]: token }, ip });
  if (page.status !== 200) throw new Error(`getBia: ${page.status} ${JSON.stringify(page.body)}`);
  return (page.body as { version: number }).version;
}

/** The legal reasons new hires give most, with an end date when the reason has one. */
const DISPENSE_ASKED = [
  { reason: 'autre_couverture_collective', months: null },
  { reason: 'autre_couverture_collective', months: null },
  { reason: 'contrat_individuel', months: 7 },
  { reason: 'css', months: 10 },
] as const;

/** Employees who open their link and ask for a dispense with its proof instead of the affiliation. */
async function askDispenses(
  env: BenchEnv,
  company: BenchCompany,
  requests: readonly { requestId: string }[],
): Promise<void> {
  let index = 0;
  await inParallel(requests, 4, async ({ requestId }) => {
    const asked = DISPENSE_ASKED[index++ % DISPENSE_ASKED.length]!;
    const ip = env.nextIp();
    const token = await biaTokenOf(company.companyId, requestId);
    const proof = await uploadBiaFile(env, token, 'dispense_proof', 'attestation-mutuelle.pdf', ip);
    const version = await biaVersion(env, token, ip);
    const finalized = await env.call('finalizeBia', {
      body: {
        draft: {
          identity: {},
          documents: { dispense_proof: [proof] },
          dispense: {
            reason: asked.reason,
            ...(asked.months ? { endDate: isoDay(asked.months * 30) } : {}),
            swornStatement: true,
          },
        },
        version,
      },
      headers: { [BIA_TOKEN_HEADER]: token },
      ip,
    });
    if (finalized.status !== 200)
      throw new Error(`dispense asked in the BIA: ${finalized.status} ${JSON.stringify(finalized.body)}`);
  });
}

let contractNumber = 0;
const nextContractNumber = () => String(++contractNumber).padStart(5, '0');

/** This month's DSN of the company: every insured still covered, the leavers, the unaffiliated hires. */
export function monthlyDsn(
  dataset: CompanyDataset,
  month: string,
  hires: readonly { person: NewPerson; siret: string; statut: Statut }[],
  leavers: number,
): DsnModel {
  const statutOf = new Map(dataset.rows.contrats.map((row) => [row.contrat_employeur, row.statut as Statut]));
  const active = dataset.rows.assures.filter((row) => !row.date_fin);
  const bySiret = new Map<string, DsnEmployeeModel[]>();
  const declare = (siret: string, employee: DsnEmployeeModel) =>
    bySiret.set(siret, [...(bySiret.get(siret) ?? []), employee]);
  // Leavers spread over the file (every n-th insured), not one establishment's first rows.
  const leaverEvery = leavers > 0 ? Math.max(1, Math.floor(active.length / leavers)) : 0;
  let left = 0;
  active.forEach((row, index) => {
    const leaves = leaverEvery > 0 && index % leaverEvery === 0 && left < leavers;
    if (leaves) left++;
    declare(row.siret, {
      nir: row.nir,
      // S21.G00.30.002 is the birth name, .003 the name in use.
      lastName: row.nom_naissance || row.nom,
      usageName: row.nom_naissance ? row.nom : null,
      firstNames: row.prenom,
      birthDate: row.date_naissance,
      contracts: [
        {
          startDate: row.date_effet,
          statut: statutOf.get(row.contrat_employeur)!,
          number: nextContractNumber(),
          end: leaves ? { date: `${month}-01`, reason: 'demission' } : null,
        },
      ],
      affiliations: [{ contractReference: row.contrat_employeur }],
    });
  });
  for (const hire of hires) {
    declare(hire.siret, {
      nir: hire.person.nir,
      lastName: hire.person.lastName,
      firstNames: hire.person.firstName,
      birthDate: hire.person.birthDate,
      contracts: [{ startDate: `${month}-01`, statut: hire.statut, number: nextContractNumber() }],
      affiliations: [{ contractReference: socleContract(dataset, hire.statut) }],
    });
  }
  return {
    month,
    siren: dataset.summary.mainSiret.slice(0, 9),
    headOfficeSiret: dataset.summary.mainSiret,
    declaredEstablishments: dataset.summary.establishmentSirets
      .filter((siret) => bySiret.has(siret))
      .map((siret, index) => ({
        siret,
        orderNumber: `${month.replace('-', '')}${String(index + 1).padStart(3, '0')}`,
        employees: bySiret.get(siret)!,
      })),
  };
}

/** Drops the DSN in the company's folder of the inbound bucket; the importDsn trigger raises the anomalies. */
async function importMonthlyDsn(
  env: BenchEnv,
  company: BenchCompany,
  dsn: DsnModel,
): Promise<DsnImportReport> {
  const key = `dsn/${company.mainSiret}/bench-${dsn.month}.dsn`;
  const [report] = (await env.stack.importFile(key, writeDsn(dsn))) as DsnImportReport[];
  if (report?.status !== 'imported')
    throw new Error(`DSN of ${company.label}: ${JSON.stringify(report?.rejected.slice(0, 3) ?? report)}`);
  return report;
}

async function seedCompany(
  env: BenchEnv,
  company: BenchCompany,
  admin: Admin,
  dataset: CompanyDataset,
  counts: ListDataCounts,
): Promise<ListDataCounts> {
  const log = (step: string, started: number) =>
    env.log(`  ${company.label}: ${step} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let started = Date.now();
  // Courriers spread evenly among the e-mail requests (every n-th line has no address).
  const every = counts.courriers > 0 ? counts.affiliationRequests / counts.courriers : Infinity;
  const requests = newHires(
    env.people,
    dataset,
    counts.affiliationRequests,
    (index) => Math.floor(index / every) === Math.floor((index + 1) / every),
  );
  await importPreAffiliations(env, company, admin, requests);
  log(`${counts.affiliationRequests} pré-affiliations (${counts.courriers} by courrier) imported`, started);

  started = Date.now();
  const asking = await importPreAffiliations(
    env,
    company,
    admin,
    newHires(env.people, dataset, counts.dispenses, () => true),
  );
  await askDispenses(env, company, asking);
  log(`${counts.dispenses} dispenses asked in the BIA`, started);

  started = Date.now();
  const hires = Array.from({ length: counts.notAffiliated }, (_, index) => ({
    person: env.people.next(),
    siret: dataset.summary.establishmentSirets[index % dataset.summary.establishmentSirets.length]!,
    statut: (index % 5 === 0 ? 'cadre' : 'non_cadre') as Statut,
  }));
  const report = await importMonthlyDsn(
    env,
    company,
    monthlyDsn(dataset, isoDay().slice(0, 7), hires, counts.endedStillAffiliated),
  );
  log(
    `DSN of ${report.employees.toLocaleString('en')} employees imported, ${report.anomalies.raised} anomalies raised`,
    started,
  );
  return counts;
}

/** Seeds both companies (the small one first), then lets the outbox dispatcher send the e-mails. */
export async function seedListData(env: BenchEnv, options: { perRoute: number }): Promise<ListDataSeed> {
  const started = Date.now();
  const small = await seedCompany(
    env,
    env.companies.small,
    env.admins.small,
    env.datasets.small,
    listDataCounts(env.companies.small.insured, 0),
  );
  const big = await seedCompany(
    env,
    env.companies.big,
    env.admins.big,
    env.datasets.big,
    listDataCounts(env.companies.big.insured, options.perRoute),
  );
  env.log('  waiting for the stream dispatcher to send the BIA e-mails…');
  await env.stack.drainStream(600_000);
  return { big, small, seconds: (Date.now() - started) / 1000 };
}
