import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { stringify } from 'csv-stringify';
import { DomainError, notFound } from '../../domain/errors';
import { formatNir, maskNir, normaliseNir, isValidNir } from '../../domain/nir';
import { planRadiation, type RadiationReason } from '../../domain/radiation';
import type { EmployeeSummary, ListEmployeesQuery } from '../../contracts/employees';
import { RADIATION_REASON_LABELS } from '../../contracts/employees';
import { RISQUE_LABELS, STATUT_LABELS } from '../../contracts/common';
import type {
  EmployeesRepository,
  InsuredFilters,
  InsuredItem,
} from '../../adapters/dynamodb/employees-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { downloadUrl, objectExists, putFile, streamFile } from '../../adapters/s3/files';
import { renderCertificate, type CertificateData } from '../../adapters/pdf/certificates';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import { auditPut } from '../users/audit';
import { emailTemplates } from '../messages/email-templates';

export interface EmployeePorts {
  employees: EmployeesRepository;
  users: {
    getUser(userId: string): Promise<{ firstName: string; lastName: string } | undefined>;
    getCompany(companyId: string): Promise<{ name: string; mainSiret: string } | undefined>;
  };
  clock: Clock;
  ids: Ids;
  nirDigest: (nir: string) => string;
  generatedBucket: string;
}

export const INSURER = {
  name: 'HCR Bien-Être — Malakoff Humanis',
  address: '21 rue Laffitte, 75009 Paris',
  phone: '01 44 20 80 63',
};

export function toEmployeeSummary(item: InsuredItem): EmployeeSummary {
  return {
    employeeId: item.insuredId,
    siret: item.siret,
    establishmentName: item.establishmentName ?? '',
    statut: item.statut,
    civilite: item.civilite,
    lastName: item.lastName,
    firstName: item.firstName,
    maskedNir: maskNir(item.nir),
    contractNumber: item.contractNumber,
    product: item.product ?? '',
    noemie: item.noemie,
    effectiveDate: item.effectiveDate,
    endDate: item.endDate ?? null,
    radiationReason: item.radiationReason ?? null,
    portabilite: item.portabilite ?? null,
    beneficiaries: (item.beneficiaries ?? []).map(({ kind, firstName, lastName, birthDate, noemie }) => ({
      kind,
      firstName,
      lastName,
      birthDate,
      noemie,
    })),
    version: item.version ?? 1,
  };
}

const looksLikeNir = (q: string | undefined) => {
  if (!q) return null;
  const candidate = normaliseNir(q);
  return /^[1278]/.test(candidate) && candidate.length === 15 && isValidNir(candidate) ? candidate : null;
};

export async function employeeOf(
  ports: EmployeePorts,
  companyId: string,
  employeeId: string,
): Promise<InsuredItem> {
  const item = await ports.employees.insured(companyId, employeeId);
  // Keys always include the company: another company's employee is simply not found.
  if (!item) throw notFound('EMPLOYEE_NOT_FOUND');
  return item;
}

/** Mes salariés: one Query on the index of the narrowest filter; a full NIR is a direct lookup. */
export const listEmployees =
  (ports: EmployeePorts) => async (companyId: string, query: ListEmployeesQuery) => {
    const nir = looksLikeNir(query.q);
    if (nir) {
      const items = (await ports.employees.insuredByNirDigest(companyId, ports.nirDigest(nir))).filter(
        (item) =>
          (!query.siret || item.siret === query.siret) &&
          (!query.contractNumber || item.contractNumber === query.contractNumber) &&
          (!query.statut || item.statut === query.statut) &&
          (!query.state || (query.state === 'radiated') === Boolean(item.endDate)),
      );
      return { items: items.map(toEmployeeSummary), cursor: null };
    }
    const page = await ports.employees.listInsured(
      companyId,
      query as InsuredFilters,
      query.cursor,
      query.limit,
    );
    return { items: page.items.map(toEmployeeSummary), cursor: page.cursor };
  };

export const listContracts = (ports: EmployeePorts) => async (companyId: string) => {
  const items = await ports.employees.contracts(companyId);
  return {
    items: items
      .map((contract) => ({
        contractNumber: contract.contractNumber,
        statut: contract.statut,
        risque: contract.risque,
        product: contract.product,
        effectiveDate: contract.effectiveDate,
        endDate: contract.endDate ?? null,
      }))
      .sort(
        (a, b) =>
          a.risque.localeCompare(b.risque) ||
          a.statut.localeCompare(b.statut) ||
          a.contractNumber.localeCompare(b.contractNumber),
      ),
  };
};

export const getContract =
  (ports: EmployeePorts) =>
  async (companyId: string, contractNumber: string, page: { cursor?: string; limit: number }) => {
    const [contract, insured] = await Promise.all([
      ports.employees.contract(companyId, contractNumber),
      ports.employees.listInsured(companyId, { contractNumber, order: 'asc' }, page.cursor, page.limit),
    ]);
    if (!contract) throw notFound('CONTRACT_NOT_FOUND');
    return {
      contract: {
        contractNumber: contract.contractNumber,
        statut: contract.statut,
        risque: contract.risque,
        product: contract.product,
        effectiveDate: contract.effectiveDate,
        endDate: contract.endDate ?? null,
      },
      insured: insured.items.map(toEmployeeSummary),
      cursor: insured.cursor,
    };
  };

/** Showing a full NIR is an audited act: who saw whose number, and when. */
export const revealNir =
  (ports: EmployeePorts) =>
  async (input: { companyId: string; employeeId: string; actorId: string }): Promise<{ nir: string }> => {
    const item = await employeeOf(ports, input.companyId, input.employeeId);
    const actor = await ports.users.getUser(input.actorId);
    await transact([
      auditPut(ports, {
        companyId: input.companyId,
        actorId: input.actorId,
        actorName: actor ? `${actor.firstName} ${actor.lastName}` : '',
        action: 'employee.nir-revealed',
        targetId: item.insuredId,
        targetName: `${item.firstName} ${item.lastName}`,
      }),
    ]);
    return { nir: formatNir(item.nir) };
  };

/** The radiation of one insured, checked by the domain rule, as the items of its transaction. */
export interface RadiationWrites {
  items: TransactItem[];
  /** The insured as it is once the items are written. */
  radiated: EmployeeSummary;
}

/**
 * The writes of a radiation: the insured's end date (beneficiaries follow: they are covered
 * through the insured), portabilité, index move to the radiated, the journal, and the
 * ex-employee's e-mail when we know the address. Applied only if the insured is still the
 * version read and not radiated. Shared by Mes salariés and the DSN anomalies (which add
 * their own items to the same transaction).
 */
export async function radiationWrites(
  ports: EmployeePorts,
  item: InsuredItem,
  input: { companyId: string; actorId: string; endDate: string; reason: RadiationReason },
): Promise<RadiationWrites> {
  const plan = planRadiation(
    item,
    { endDate: input.endDate, reason: input.reason },
    ports.clock.nowIso().slice(0, 10),
  );
  const [actor, company] = await Promise.all([
    ports.users.getUser(input.actorId),
    ports.users.getCompany(input.companyId),
  ]);
  const nowIso = ports.clock.nowIso();
  const radiated = keys.insuredByState(
    input.companyId,
    'radiated',
    item.lastName,
    item.firstName,
    item.insuredId,
  );
  const items = [
    update(
      keys.insured(input.companyId, item.insuredId),
      'SET endDate = :end, radiationReason = :reason, portabilite = :portabilite, radiatedAt = :now, radiatedBy = :actor, GSI4PK = :gpk, GSI4SK = :gsk, version = :next',
      {
        ':end': plan.endDate,
        ':reason': plan.reason,
        ':portabilite': plan.portabilite,
        ':now': nowIso,
        ':actor': input.actorId,
        ':gpk': radiated.GSI4PK,
        ':gsk': radiated.GSI4SK,
        ':next': (item.version ?? 1) + 1,
        ':expected': item.version ?? 1,
        ':first': 1,
      },
      'attribute_not_exists(endDate) AND ((attribute_not_exists(version) AND :expected = :first) OR version = :expected)',
    ),
    auditPut(ports, {
      companyId: input.companyId,
      actorId: input.actorId,
      actorName: actor ? `${actor.firstName} ${actor.lastName}` : '',
      action: 'employee.radiated',
      targetId: item.insuredId,
      targetName: `${item.firstName} ${item.lastName}`,
      changes: { endDate: plan.endDate, reason: plan.reason, portabiliteMonths: plan.portabilite.months },
    }),
    ...(item.email
      ? [
          outboxPut({
            messageId: ports.ids.next(),
            purpose: 'employees.radiation-notice',
            payload: {
              channel: 'email',
              to: [item.email],
              ...emailTemplates.radiationNotice({
                firstName: item.firstName,
                companyName: company?.name ?? '',
                endDate: plan.endDate,
                portabilite: plan.portabilite,
              }),
            },
            nowIso,
          }),
        ]
      : []),
  ];
  return {
    items,
    radiated: toEmployeeSummary({
      ...item,
      endDate: plan.endDate,
      radiationReason: plan.reason,
      portabilite: plan.portabilite,
      version: (item.version ?? 1) + 1,
    }),
  };
}

/** Radiation outside DSN (Mes salariés): end date and reason, at the version the user saw. */
export const radiateEmployee =
  (ports: EmployeePorts) =>
  async (input: {
    companyId: string;
    employeeId: string;
    actorId: string;
    endDate: string;
    reason: RadiationReason;
    version: number;
  }) => {
    const item = await employeeOf(ports, input.companyId, input.employeeId);
    if ((item.version ?? 1) !== input.version) throw new DomainError('VERSION_CONFLICT');
    const { items, radiated } = await radiationWrites(ports, item, input);
    try {
      await transact(items);
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new DomainError('VERSION_CONFLICT');
      throw error;
    }
    return radiated;
  };

/**
 * A certificate as a PDF in the generated-files bucket, keyed by the insured's version so a
 * change of data yields a new document; served by a short-lived presigned URL.
 */
export const certificate =
  (ports: EmployeePorts) =>
  async (input: { companyId: string; employeeId: string; kind: 'affiliation' | 'radiation' }) => {
    const item = await employeeOf(ports, input.companyId, input.employeeId);
    if (input.kind === 'radiation' && !item.endDate) throw new DomainError('UNPROCESSABLE', 'NOT_RADIATED');
    const version = `${item.version ?? 1}-${(item.sourceHash ?? '').slice(0, 8)}`;
    const key = `certificates/${input.companyId}/${item.insuredId}/${input.kind}-v${version}.pdf`;
    const fileName =
      `${input.kind === 'affiliation' ? 'certificat-affiliation' : 'attestation-radiation'}-${item.lastName}-${item.firstName}.pdf`
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .toLowerCase();
    if (!(await objectExists(ports.generatedBucket, key))) {
      const [company, contract] = await Promise.all([
        ports.users.getCompany(input.companyId),
        ports.employees.contract(input.companyId, item.contractNumber),
      ]);
      const data: CertificateData = {
        kind: input.kind,
        reference: `${input.kind === 'affiliation' ? 'CA' : 'AR'}-${item.insuredId.slice(-10)}-${version}`,
        generatedAt: ports.clock.nowIso(),
        insurer: INSURER,
        company: {
          name: company?.name ?? '',
          siret: company?.mainSiret ?? '',
          establishmentName: item.establishmentName ?? '',
          establishmentSiret: item.siret,
        },
        employee: {
          civilite: item.civilite,
          firstName: item.firstName,
          lastName: item.lastName,
          birthDate: item.birthDate,
          maskedNir: maskNir(item.nir),
        },
        contract: {
          number: item.contractNumber,
          product: contract?.product ?? item.product ?? '',
          statut: STATUT_LABELS[item.statut],
          risque: contract ? RISQUE_LABELS[contract.risque] : '',
        },
        effectiveDate: item.effectiveDate,
        endDate: item.endDate ?? null,
        radiationReason: item.radiationReason
          ? (RADIATION_REASON_LABELS[item.radiationReason as RadiationReason] ?? item.radiationReason)
          : null,
        portabilite: item.portabilite ?? null,
        beneficiaries: item.beneficiaries ?? [],
      };
      await putFile(ports.generatedBucket, key, await renderCertificate(data), 'application/pdf');
    }
    return downloadUrl(ports.generatedBucket, key, fileName, ports.clock.nowMs());
  };

const EXPORT_COLUMNS = [
  'etablissement',
  'siret',
  'statut',
  'nom',
  'prenom',
  'nir',
  'contrat',
  'garantie',
  'date_effet',
  'date_fin',
  'motif_radiation',
  'teletransmission_noemie',
  'conjoint',
  'enfants',
];

/**
 * CSV export of the filtered list: every page of the same Query, streamed row by row into
 * a multipart S3 upload (20,000 rows never sit in one string), then a presigned download.
 * NIRs are masked in the file, as on screen.
 */
export const exportEmployees =
  (ports: EmployeePorts) =>
  async (input: { companyId: string; filters: Omit<ListEmployeesQuery, 'cursor' | 'limit'> }) => {
    const csv = stringify({ delimiter: ';', bom: true, header: true, columns: EXPORT_COLUMNS });
    const key = `exports/${input.companyId}/${ports.ids.next()}.csv`;
    const upload = streamFile(ports.generatedBucket, key, csv, 'text/csv; charset=utf-8');
    let rows = 0;
    try {
      let cursor: string | undefined;
      do {
        const page = await listEmployees(ports)(input.companyId, {
          ...input.filters,
          cursor,
          limit: 100,
        } as ListEmployeesQuery);
        for (const employee of page.items) {
          rows++;
          const children = employee.beneficiaries.filter((b) => b.kind === 'enfant').length;
          const wrote = csv.write([
            employee.establishmentName,
            employee.siret,
            STATUT_LABELS[employee.statut],
            employee.lastName,
            employee.firstName,
            employee.maskedNir,
            employee.contractNumber,
            employee.product,
            employee.effectiveDate,
            employee.endDate ?? '',
            employee.radiationReason
              ? RADIATION_REASON_LABELS[employee.radiationReason as RadiationReason]
              : '',
            employee.noemie ? 'oui' : 'non',
            employee.beneficiaries.some((b) => b.kind === 'conjoint') ? 'oui' : 'non',
            String(children),
          ]);
          if (!wrote) await new Promise((resolve) => csv.once('drain', resolve));
        }
        cursor = page.cursor ?? undefined;
      } while (cursor);
    } finally {
      csv.end();
    }
    await upload;
    const day = ports.clock.nowIso().slice(0, 10);
    return {
      ...(await downloadUrl(ports.generatedBucket, key, `salaries-${day}.csv`, ports.clock.nowMs())),
      rows,
    };
  };
