/**
 * The monthly DSN dropped in the inbound bucket: parsed, matched to one company by its
 * establishments, compared with the company's affiliations, and each new anomaly stored with
 * the home page counter. Nothing is written for a file that does not parse or does not
 * belong to one company; the same file imported again changes nothing (docs/dsn.md).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { parseDsn, decodeDsn, readRubrics } from '../../domain/dsn/parse-dsn';
import { dsnDigest } from '../../domain/dsn/digest';
import { detectAnomalies, type Anomaly, type InsuredAffiliation } from '../../domain/dsn/anomalies';
import type { Dsn } from '../../domain/dsn/model';
import { normaliseNir } from '../../domain/nir';
import { formatSiret } from '../../domain/siret';
import {
  anomalyResolution,
  dsnImportPut,
  lastDsnMonthUpdate,
  newAnomalyItems,
  shiftOpenAnomalies,
  type AnomaliesRepository,
  type AnomalyItem,
} from '../../adapters/dynamodb/anomalies-repository';
import type { EmployeesRepository, InsuredItem } from '../../adapters/dynamodb/employees-repository';
import type { UsersRepository } from '../../adapters/dynamodb/users-repository';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from '../../adapters/dynamodb/transact';
import type { Clock } from '../../ports/clock';
import { cancellationCodes, pause } from '../affiliation/journey';
import type { Ids } from '../../ports/ids';

export interface DsnImportPorts {
  anomalies: AnomaliesRepository;
  employees: Pick<EmployeesRepository, 'contracts'>;
  users: Pick<UsersRepository, 'establishments'>;
  clock: Clock;
  ids: Ids;
  /** Keyed digest of an anomaly key (its guard's key: the anomaly key derives from a NIR). */
  anomalyKeyDigest: (anomalyKey: string) => string;
}

export interface DsnImportReport {
  kind: 'dsn';
  /** already_imported: the same file (same content) was imported before; nothing changed. */
  status: 'imported' | 'already_imported' | 'rejected';
  month: string | null;
  companyId: string | null;
  /** The SIRETs the file declares. */
  establishments: string[];
  /** Individus declared (all establishments). */
  employees: number;
  anomalies: {
    /** New anomalies stored by this import. */
    raised: number;
    /** Found again, already known (open or resolved): left as they are. */
    alreadyKnown: number;
    /** Open anomalies this DSN no longer shows for people it declares: resolved. */
    corrected: number;
  };
  /** Why the file was refused (line 0: the file as a whole), in French. */
  rejected: { line: number; reason: string }[];
  startedAt: string;
  finishedAt: string;
}

export interface DsnFile {
  /** Where the file lies (kept on the import record). */
  key: string;
  bytes: Uint8Array;
  /**
   * The company the file was dropped for (a SIRET in its folder, `dsn/<siret>/…`): the DSN
   * must declare that company's establishments, else it is refused.
   */
  expectedSiret?: string;
}

const IN_PROGRESS_STATUSES = ['sent', 'started', 'finalized'] as const;

/** The line of each declaration's S21.G00.11.001 (NIC), in order: where an unknown SIRET is named. */
function establishmentLines(bytes: Uint8Array): number[] {
  return readRubrics(decodeDsn(bytes).text)
    .rubrics.filter((rubric) => rubric.block === 'S21.G00.11' && rubric.code === '001')
    .map((rubric) => rubric.line);
}

type CompanyOutcome = { companyId: string } | { rejected: DsnImportReport['rejected'] };

/** Every declared establishment must be known and belong to one company (the folder's, when given). */
async function companyOf(ports: DsnImportPorts, dsn: Dsn, file: DsnFile): Promise<CompanyOutcome> {
  const sirets = dsn.declaredEstablishments.map((establishment) => establishment.siret);
  const owners = await ports.anomalies.companyIdsBySiret([
    ...sirets,
    ...(file.expectedSiret ? [file.expectedSiret] : []),
  ]);
  const lines = establishmentLines(file.bytes);
  const rejected: DsnImportReport['rejected'] = [];
  sirets.forEach((siret, index) => {
    if (!owners.has(siret)) {
      rejected.push({
        line: lines[index] ?? 0,
        reason: `Établissement inconnu : le SIRET ${formatSiret(siret)} n’est rattaché à aucune entreprise adhérente au régime.`,
      });
    }
  });
  if (rejected.length > 0) return { rejected };
  const companies = new Set(sirets.map((siret) => owners.get(siret)!));
  if (companies.size > 1) {
    return {
      rejected: [
        {
          line: 0,
          reason:
            'Les établissements déclarés appartiennent à plusieurs entreprises adhérentes : déposez une DSN par entreprise.',
        },
      ],
    };
  }
  const [companyId] = [...companies] as [string];
  if (file.expectedSiret && owners.get(file.expectedSiret) !== companyId) {
    return {
      rejected: [
        {
          line: 0,
          reason: `Cette DSN ne concerne pas l’entreprise du dossier de dépôt (SIRET ${formatSiret(file.expectedSiret)}).`,
        },
      ],
    };
  }
  return { companyId };
}

const toAffiliation = (item: InsuredItem): InsuredAffiliation => ({
  employeeId: item.insuredId,
  nir: item.nir,
  lastName: item.lastName,
  birthName: item.birthName || null,
  firstName: item.firstName,
  birthDate: item.birthDate,
  siret: item.siret,
  statut: item.statut,
  contractNumber: item.contractNumber,
  effectiveDate: item.effectiveDate,
  // The feed writes no attribute for an open affiliation; an empty value means the same.
  endDate: item.endDate || null,
});

/** Every NIR the DSN declares, normalised (whose open anomalies it may have corrected). */
const declaredNirs = (dsn: Dsn): Set<string> =>
  new Set(
    dsn.declaredEstablishments.flatMap((establishment) =>
      establishment.employees.flatMap((employee) => (employee.nir ? [normaliseNir(employee.nir)] : [])),
    ),
  );

/**
 * One group with its counter: false when a condition says it is already there (a concurrent
 * import wrote it); a mere collision with another transaction is tried again.
 */
async function writeAlone(items: TransactItem[]): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transact(items);
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      if (!codes.includes('TransactionConflict') || attempt >= 5) {
        if (codes.includes('ConditionalCheckFailed')) return false;
        throw error;
      }
      await pause(20 * 2 ** attempt);
    }
  }
}

/**
 * Writes groups that must each land whole, with the counter moved by the sum of their
 * deltas, packed into transactions (≤ 100 items, the counter once per transaction). A pack
 * refused because a concurrent import got to one of its items first is written group by
 * group, and the groups already done are skipped: the outcome is the same.
 */
async function writeCounted(
  companyId: string,
  groups: { items: TransactItem[]; delta: number }[],
): Promise<number> {
  const packs: { items: TransactItem[]; delta: number }[][] = [];
  let current: { items: TransactItem[]; delta: number }[] = [];
  let size = 0;
  for (const group of groups) {
    // One slot of each transaction is the counter's.
    if (size + group.items.length > MAX_TRANSACTION_ITEMS - 1) {
      packs.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    size += group.items.length;
  }
  if (current.length > 0) packs.push(current);

  let written = 0;
  const withCounter = (pack: { items: TransactItem[]; delta: number }[]): TransactItem[] => {
    const delta = pack.reduce((sum, group) => sum + group.delta, 0);
    return [
      ...pack.flatMap((group) => group.items),
      ...(delta !== 0 ? [shiftOpenAnomalies(companyId, delta)] : []),
    ];
  };
  for (const pack of packs) {
    try {
      await transact(withCounter(pack));
      written += pack.length;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      for (const group of pack) if (await writeAlone(withCounter([group]))) written += 1;
    }
  }
  return written;
}

export const importDsn =
  (ports: DsnImportPorts) =>
  async (file: DsnFile): Promise<DsnImportReport> => {
    const startedAt = ports.clock.nowIso();
    const report = (fields: Partial<DsnImportReport>): DsnImportReport => ({
      kind: 'dsn',
      status: 'rejected',
      month: null,
      companyId: null,
      establishments: [],
      employees: 0,
      anomalies: { raised: 0, alreadyKnown: 0, corrected: 0 },
      rejected: [],
      startedAt,
      ...fields,
      finishedAt: ports.clock.nowIso(),
    });

    const parsed = parseDsn(file.bytes);
    if (!parsed.ok) {
      return report({
        rejected: parsed.errors.map((error) => ({ line: error.line, reason: error.message })),
      });
    }
    const { dsn } = parsed;
    const described = {
      month: dsn.month,
      establishments: dsn.declaredEstablishments.map((establishment) => establishment.siret),
      employees: dsn.declaredEstablishments.reduce(
        (sum, establishment) => sum + establishment.employees.length,
        0,
      ),
    };
    const company = await companyOf(ports, dsn, file);
    if ('rejected' in company) return report({ ...described, rejected: company.rejected });
    const { companyId } = company;

    const digest = dsnDigest(file.bytes);
    if (await ports.anomalies.dsnImport(companyId, digest)) {
      return report({ ...described, companyId, status: 'already_imported' });
    }

    const [contracts, establishments, insured, requests, dispenses, open] = await Promise.all([
      ports.employees.contracts(companyId),
      ports.users.establishments(companyId),
      ports.anomalies.allInsured(companyId),
      ports.anomalies.requestsIn(companyId, IN_PROGRESS_STATUSES),
      ports.anomalies.dispensesIn(companyId, ['pending', 'validated']),
      ports.anomalies.openAnomalies(companyId),
    ]);
    const declared = declaredNirs(dsn);
    const detected = detectAnomalies({
      dsn,
      // S21.G00.15.001 is the employer contract number (contrat_employeur): an adhésion is the
      // scheme's when it names one of the company's contracts. The organisme code is not
      // checked: the back office's feed does not carry it (docs/dsn.md, "The import").
      scheme: { contractReferences: contracts.map((contract) => contract.contractNumber) },
      insured: insured.map(toAffiliation),
      requests: requests.map((request) => ({ nir: request.employee.nir, status: request.status })),
      dispenses: dispenses.map((dispense) => ({
        nir: dispense.nir,
        state: dispense.state,
        endDate: dispense.endDate,
      })),
      establishmentNames: Object.fromEntries(
        establishments.map((establishment) => [establishment.siret, establishment.name]),
      ),
    });

    const byDigest = new Map<string, Anomaly>();
    for (const anomaly of detected) byDigest.set(ports.anomalyKeyDigest(anomaly.anomalyKey), anomaly);
    const known = await ports.anomalies.existingGuards(companyId, [...byDigest.keys()]);
    const nowIso = ports.clock.nowIso();
    const raised: { items: TransactItem[]; delta: number }[] = [...byDigest.entries()]
      .filter(([anomalyKeyDigest]) => !known.has(anomalyKeyDigest))
      .map(([anomalyKeyDigest, anomaly]) => {
        const item: AnomalyItem = {
          companyId,
          anomalyId: ports.ids.next(),
          anomalyKeyDigest,
          type: anomaly.type,
          state: 'open',
          siret: anomaly.siret,
          establishmentName: anomaly.establishmentName,
          firstName: anomaly.firstName,
          lastName: anomaly.lastName,
          nir: anomaly.nir,
          detail: anomaly.detail,
          affiliationDate: anomaly.affiliationDate,
          employeeId: anomaly.employeeId,
          contractNumber: anomaly.contractNumber,
          dsnMonth: anomaly.dsnMonth,
          dsn: anomaly.dsn,
          dsnDigest: digest,
          detectedAt: nowIso,
          resolution: null,
          version: 1,
        };
        return { items: newAnomalyItems(item), delta: 1 };
      });

    // An open anomaly about someone this DSN (of the same month or later) declares, that it
    // no longer raises, was corrected meanwhile (affiliated by the back office, NIR fixed…).
    // People it does not declare say nothing: a departure is declared once, not every month.
    const corrected = open
      .filter(
        (anomaly) =>
          !byDigest.has(anomaly.anomalyKeyDigest) &&
          anomaly.dsnMonth <= dsn.month &&
          anomaly.nir !== null &&
          declared.has(normaliseNir(anomaly.nir)),
      )
      .map((anomaly) => ({
        items: [
          anomalyResolution(
            anomaly,
            {
              how: 'corrected_by_dsn',
              at: nowIso,
              by: '',
              byUserId: null,
              dispenseId: null,
            },
            nowIso,
          ),
        ],
        delta: -1,
      }));

    const raisedCount = await writeCounted(companyId, raised);
    const correctedCount = await writeCounted(companyId, corrected);

    // Last: the import guard, so that a run cut short is simply run again by S3's retry.
    const newest = await ports.anomalies.counters(companyId);
    if (!newest?.lastDsnMonth || newest.lastDsnMonth < dsn.month) {
      await transact([lastDsnMonthUpdate(companyId, dsn.month)]).catch((error: unknown) => {
        // A newer DSN was imported meanwhile: its month stays.
        if (!(error instanceof TransactionCanceledException)) throw error;
      });
    }
    await transact([
      dsnImportPut(companyId, digest, {
        month: dsn.month,
        importedAt: nowIso,
        fileKey: file.key,
        anomaliesRaised: raisedCount,
        anomaliesCorrected: correctedCount,
      }),
    ]).catch((error: unknown) => {
      // The same file imported twice at once: the other run recorded it.
      if (!(error instanceof TransactionCanceledException)) throw error;
    });

    return report({
      ...described,
      companyId,
      status: 'imported',
      anomalies: {
        raised: raisedCount,
        alreadyKnown: byDigest.size - raised.length,
        corrected: correctedCount,
      },
    });
  };
