/**
 * Affiliation anomalies: what a monthly DSN says about the company's employees, compared
 * with the scheme's state (insured people, affiliation requests under way, dispenses).
 * Pure: the importer reads the state, calls detectAnomalies, and stores the result keyed
 * by anomalyKey — the same situation always gives the same key, so an anomaly already
 * resolved is recognised on the next import and not reopened. The rules are in docs/dsn.md.
 */
import { isDispenseInForce, type DispenseState } from '../dispenses';
import { maskNir, normaliseNir } from '../nir';
import type { RadiationReason } from '../radiation';
import { formatSiret } from '../siret';
import { stableKey } from './digest';
import type { Dsn, DsnContract, DsnEmployee, Statut } from './model';
import { NON_DEPARTURE_CODES, dsnEndReasonLabel } from './nomenclature';

export const ANOMALY_TYPE_VALUES = [
  'not_affiliated',
  'ended_still_affiliated',
  'identity_mismatch',
  'statut_mismatch',
  'establishment_mismatch',
] as const;
export type AnomalyType = (typeof ANOMALY_TYPE_VALUES)[number];

/** The scheme's contracts: which S21.G00.15 adhésions of the DSN are ours. */
export interface SchemeContracts {
  /** Contract numbers as employers declare them (S21.G00.15.001), e.g. the company's contracts. */
  contractReferences: readonly string[];
  /** When given, the adhésion's organisme code (S21.G00.15.002) must be one of these too. */
  organismes?: readonly string[];
}

/** One affiliation of an insured person (a row of Mes salariés). */
export interface InsuredAffiliation {
  employeeId: string;
  nir: string;
  lastName: string;
  birthName?: string | null;
  firstName: string;
  birthDate: string;
  siret: string;
  statut: Statut;
  contractNumber: string;
  effectiveDate: string;
  endDate: string | null;
}

export interface AffiliationRequestState {
  nir: string;
  status: 'sent' | 'started' | 'finalized' | 'abandoned';
}

export interface DispenseOfEmployee {
  nir: string;
  state: DispenseState;
  endDate: string | null;
}

export interface DetectAnomaliesInput {
  dsn: Dsn;
  scheme: SchemeContracts;
  insured: readonly InsuredAffiliation[];
  requests: readonly AffiliationRequestState[];
  dispenses: readonly DispenseOfEmployee[];
  /** SIRET → establishment name, for the anomaly and its detail. */
  establishmentNames?: Readonly<Record<string, string>>;
}

/** What the DSN declares about the person: the data the actions work from. */
export interface DsnFacts {
  /** The establishment of the person's current contract (else of their last one). */
  siret: string;
  contractStartDate: string;
  statut: Statut;
  /** When every contract of the person ended this month: the last end. */
  endDate: string | null;
  radiationReason: RadiationReason | null;
  dsnReasonCode: string | null;
  nir: string | null;
  lastName: string;
  usageName: string | null;
  firstNames: string;
  birthDate: string;
  civilite: 'M' | 'MME';
  /** The scheme's contracts the DSN affiliates the person to (S21.G00.70 → S21.G00.15). */
  contractReferences: string[];
}

export interface Anomaly {
  /** Deterministic: the same situation found again gives the same key. */
  anomalyKey: string;
  type: AnomalyType;
  siret: string;
  establishmentName: string | null;
  firstName: string;
  lastName: string;
  /** Full NIR (15 characters) for storage; mask it for display. Null without one in the DSN. */
  nir: string | null;
  /** Plain French for the employer. */
  detail: string;
  /** Date d'effet of the affiliation concerned, if any. */
  affiliationDate: string | null;
  /** The affiliation concerned (for the radiation and correction actions). */
  employeeId: string | null;
  contractNumber: string | null;
  dsnMonth: string;
  dsn: DsnFacts;
}

// ---------------------------------------------------------------------------------------
// Wording

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** '2026-01' → 'janvier 2026'. */
export const monthLabel = (month: string): string =>
  `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;

const frenchDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const STATUT_WORDS: Record<Statut, string> = { cadre: 'cadre', non_cadre: 'non cadre' };

// ---------------------------------------------------------------------------------------
// Identity comparison

/**
 * Upper case, no accents, apostrophes dropped (Le Floc'h = LE FLOCH), any run of other
 * separators (space, hyphen, dot) as one space: how payroll software and people differ.
 */
export function normaliseName(name: string): string {
  return name
    .replace(/['’ʼ`]/g, '')
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The name comparisons, normalising each distinct name once (a DSN repeats the same names
 * across thousands of comparisons).
 */
function nameMatcher() {
  const cache = new Map<string, string>();
  const normalised = (name: string): string => {
    let value = cache.get(name);
    if (value === undefined) {
      value = normaliseName(name);
      cache.set(name, value);
    }
    return value;
  };
  const tokens = (name: string): string[] => normalised(name).split(' ').filter(Boolean);
  /** Separators aside: "LE FEVRE" and "Lefèvre" are written differently by different tools. */
  const compact = (name: string): string => normalised(name).replace(/ /g, '');

  /** The insured's first name is one of the declared prénoms (or a run of them: "Jean Pierre"). */
  const firstNameMatches = (insuredFirstName: string, dsnFirstNames: string): boolean => {
    const wanted = tokens(insuredFirstName);
    const declared = tokens(dsnFirstNames);
    if (wanted.length === 0) return false;
    for (let start = 0; start + wanted.length <= declared.length; start++) {
      if (wanted.every((token, offset) => declared[start + offset] === token)) return true;
    }
    return false;
  };

  /** Nom de famille or nom d'usage of the DSN is the insured's name or birth name. */
  const lastNameMatches = (row: InsuredAffiliation, employee: DsnEmployee): boolean => {
    const declared = [employee.lastName, employee.usageName ?? ''].filter(Boolean).map(compact);
    return [row.lastName, row.birthName ?? ''].some(
      (name) => name !== '' && declared.includes(compact(name)),
    );
  };

  const sameIdentity = (row: InsuredAffiliation, employee: DsnEmployee): boolean =>
    row.birthDate === employee.birthDate &&
    lastNameMatches(row, employee) &&
    firstNameMatches(row.firstName, employee.firstNames);

  return { compact, firstNameMatches, lastNameMatches, sameIdentity };
}

// ---------------------------------------------------------------------------------------
// The people of the DSN

interface DeclaredContract {
  siret: string;
  contract: DsnContract;
}

interface DsnPerson {
  employee: DsnEmployee;
  nir: string | null;
  contracts: DeclaredContract[];
  contractReferences: Set<string>;
}

const canonical = (value: string): string => value.replace(/\s/g, '').toUpperCase();

function ourAdhesion(scheme: SchemeContracts): (reference: string, organisme: string) => boolean {
  const references = new Set(scheme.contractReferences.map(canonical));
  const organismes = scheme.organismes ? new Set(scheme.organismes.map(canonical)) : null;
  return (reference, organisme) =>
    references.has(canonical(reference)) && (organismes === null || organismes.has(canonical(organisme)));
}

/** One entry per person, even when declared in several establishments (a transfer). */
function peopleOf(dsn: Dsn, scheme: SchemeContracts): DsnPerson[] {
  const isOurs = ourAdhesion(scheme);
  const people = new Map<string, DsnPerson>();
  for (const establishment of dsn.declaredEstablishments) {
    for (const employee of establishment.employees) {
      const key =
        employee.nir ??
        (employee.temporaryNumber
          ? `ntt:${employee.temporaryNumber}`
          : `id:${normaliseName(employee.lastName)}|${normaliseName(employee.firstNames)}|${employee.birthDate}`);
      const person = people.get(key) ?? {
        employee,
        nir: employee.nir,
        contracts: [],
        contractReferences: new Set<string>(),
      };
      person.contracts.push(
        ...employee.contracts.map((contract) => ({ siret: establishment.siret, contract })),
      );
      for (const affiliation of employee.affiliations) {
        if (isOurs(affiliation.contractReference, affiliation.organisme)) {
          person.contractReferences.add(affiliation.contractReference);
        }
      }
      people.set(key, person);
    }
  }
  return [...people.values()];
}

/** An end that does not end the employment: an annulment (099) leaves the contract running. */
const isOpen = (contract: DsnContract): boolean => !contract.end || contract.end.dsnReasonCode === '099';

interface Situation {
  /** The contract that describes the person now: the latest open one, else the last one. */
  reference: DeclaredContract;
  openSirets: Set<string>;
  /** Every contract ended this month, the last one for a real departure. */
  departure: DeclaredContract | null;
}

function situationOf(person: DsnPerson): Situation | null {
  const byStart = [...person.contracts].sort((a, b) =>
    a.contract.startDate.localeCompare(b.contract.startDate),
  );
  const open = byStart.filter((declared) => isOpen(declared.contract));
  const lastOpen = open[open.length - 1];
  if (lastOpen)
    return { reference: lastOpen, openSirets: new Set(open.map((d) => d.siret)), departure: null };
  const byEnd = [...byStart].sort((a, b) =>
    (a.contract.end?.date ?? '').localeCompare(b.contract.end?.date ?? ''),
  );
  const last = byEnd[byEnd.length - 1];
  if (!last) return null; // an individu without any contract: nothing to compare
  const transferred = NON_DEPARTURE_CODES.has(last.contract.end?.dsnReasonCode ?? '');
  return { reference: last, openSirets: new Set(), departure: transferred ? null : last };
}

// ---------------------------------------------------------------------------------------
// Detection

const IN_PROGRESS: ReadonlySet<AffiliationRequestState['status']> = new Set(['sent', 'started', 'finalized']);

/** An affiliation still running on the first day of the DSN month (or later). */
const isCurrent = (row: InsuredAffiliation, monthStart: string): boolean =>
  row.endDate === null || row.endDate >= monthStart;

export function detectAnomalies(input: DetectAnomaliesInput): Anomaly[] {
  const { dsn } = input;
  const monthStart = `${dsn.month}-01`;
  const when = monthLabel(dsn.month);
  const names = input.establishmentNames ?? {};
  const establishmentLabel = (siret: string): string =>
    names[siret] ? `${names[siret]} (SIRET ${formatSiret(siret)})` : `SIRET ${formatSiret(siret)}`;

  const { compact, firstNameMatches, lastNameMatches, sameIdentity } = nameMatcher();
  const rowsByNir = new Map<string, InsuredAffiliation[]>();
  /** Current affiliations by birth date and (birth or usual) last name, for a NIR typed wrong. */
  const currentRowsByIdentity = new Map<string, InsuredAffiliation[]>();
  const identityKey = (birthDate: string, lastName: string): string => `${birthDate}|${compact(lastName)}`;
  const addTo = (index: Map<string, InsuredAffiliation[]>, key: string, row: InsuredAffiliation) => {
    const rows = index.get(key);
    if (rows) rows.push(row);
    else index.set(key, [row]);
  };
  for (const row of input.insured) {
    addTo(rowsByNir, normaliseNir(row.nir), row);
    if (!isCurrent(row, monthStart)) continue;
    for (const name of new Set([row.lastName, row.birthName ?? row.lastName])) {
      addTo(currentRowsByIdentity, identityKey(row.birthDate, name), row);
    }
  }
  const requestInProgress = new Set(
    input.requests.filter((request) => IN_PROGRESS.has(request.status)).map((r) => normaliseNir(r.nir)),
  );
  // A dispense the employer has not decided yet counts too: the case is being handled.
  const dispensed = new Set(
    input.dispenses
      .filter((dispense) => dispense.state === 'pending' || isDispenseInForce(dispense, monthStart))
      .map((dispense) => normaliseNir(dispense.nir)),
  );

  const anomalies: Anomaly[] = [];
  for (const person of peopleOf(dsn, input.scheme)) {
    const situation = situationOf(person);
    if (!situation) continue;
    const { employee } = person;
    const { reference, departure } = situation;
    const end = departure?.contract.end ?? null;
    const facts: DsnFacts = {
      siret: reference.siret,
      contractStartDate: reference.contract.startDate,
      statut: reference.contract.statut,
      endDate: end?.date ?? null,
      radiationReason: end?.reason ?? null,
      dsnReasonCode: end?.dsnReasonCode ?? null,
      nir: person.nir,
      lastName: employee.lastName,
      usageName: employee.usageName,
      firstNames: employee.firstNames,
      birthDate: employee.birthDate,
      civilite: employee.sex === 'M' ? 'M' : 'MME',
      contractReferences: [...person.contractReferences].sort(),
    };
    const personKey =
      person.nir ?? employee.temporaryNumber ?? `${normaliseName(employee.lastName)}|${employee.birthDate}`;

    // Affiliations of the person: by NIR, else by name and birth date (a NIR typed wrong).
    let rows = (person.nir ? (rowsByNir.get(person.nir) ?? []) : []).filter((r) => isCurrent(r, monthStart));
    let matchedByIdentity = false;
    if (rows.length === 0) {
      const candidates = new Set(
        [employee.lastName, employee.usageName ?? employee.lastName].flatMap(
          (name) => currentRowsByIdentity.get(identityKey(employee.birthDate, name)) ?? [],
        ),
      );
      const lookalikes = [...candidates].filter((r) => sameIdentity(r, employee));
      // Two different people with the same name and birth date: better no match than a wrong one.
      if (new Set(lookalikes.map((r) => normaliseNir(r.nir))).size === 1) {
        rows = lookalikes;
        matchedByIdentity = true;
      }
    }

    const anomaly = (
      type: AnomalyType,
      keyParts: (string | null)[],
      detail: string,
      row: InsuredAffiliation | null,
      siret = reference.siret,
    ): Anomaly => ({
      anomalyKey: stableKey([type, ...keyParts]),
      type,
      siret,
      establishmentName: names[siret] ?? null,
      firstName: row?.firstName ?? employee.firstNames.split(/\s+/)[0] ?? employee.firstNames,
      lastName: row?.lastName ?? employee.usageName ?? employee.lastName,
      nir: person.nir ?? (row ? normaliseNir(row.nir) : null),
      detail,
      affiliationDate: row?.effectiveDate ?? null,
      employeeId: row?.employeeId ?? null,
      contractNumber: row?.contractNumber ?? null,
      dsnMonth: dsn.month,
      dsn: facts,
    });

    if (rows.length === 0) {
      const handled = person.nir !== null && (requestInProgress.has(person.nir) || dispensed.has(person.nir));
      if (person.contractReferences.size > 0 && !handled) {
        const ended = end ? ` Contrat terminé le ${frenchDate(end.date)}.` : '';
        anomalies.push(
          anomaly(
            'not_affiliated',
            // A new employment contract is a new situation, even for a person seen before.
            [personKey, reference.contract.startDate],
            `Déclaré en DSN (${when}) sur le contrat ${facts.contractReferences.join(', ')} comme ${STATUT_WORDS[facts.statut]}, mais ni affilié, ni en cours d’affiliation, ni dispensé.${ended}`,
            null,
          ),
        );
      }
      continue;
    }

    const first = rows[0] as InsuredAffiliation;
    const identityDifferences: string[] = [];
    if (matchedByIdentity && person.nir) {
      identityDifferences.push(
        `numéro de sécurité sociale ${maskNir(person.nir)} en DSN, ${maskNir(first.nir)} à l’affiliation`,
      );
    }
    if (!matchedByIdentity) {
      if (!lastNameMatches(first, employee)) {
        const declared = employee.usageName
          ? `${employee.usageName} (né(e) ${employee.lastName})`
          : employee.lastName;
        identityDifferences.push(`nom « ${declared} » en DSN, « ${first.lastName} » à l’affiliation`);
      }
      if (!firstNameMatches(first.firstName, employee.firstNames)) {
        identityDifferences.push(
          `prénom « ${employee.firstNames} » en DSN, « ${first.firstName} » à l’affiliation`,
        );
      }
      if (first.birthDate !== employee.birthDate) {
        identityDifferences.push(
          `date de naissance ${frenchDate(employee.birthDate)} en DSN, ${frenchDate(first.birthDate)} à l’affiliation`,
        );
      }
    }
    if (identityDifferences.length > 0) {
      anomalies.push(
        anomaly(
          'identity_mismatch',
          // Both sides: what the DSN declares and what the affiliation says.
          [
            person.nir,
            normaliseName(employee.lastName),
            normaliseName(employee.usageName ?? ''),
            normaliseName(employee.firstNames),
            employee.birthDate,
            normaliseNir(first.nir),
            normaliseName(first.lastName),
            normaliseName(first.firstName),
            first.birthDate,
          ],
          `Identité différente entre la DSN (${when}) et l’affiliation : ${identityDifferences.join(' ; ')}.`,
          first,
        ),
      );
    }

    for (const row of rows) {
      const rowNir = normaliseNir(row.nir);
      if (end) {
        const stillCovered = row.endDate === null || row.endDate > end.date;
        if (stillCovered && row.effectiveDate <= end.date) {
          const until = row.endDate
            ? `, radié seulement au ${frenchDate(row.endDate)}`
            : ', toujours affilié';
          anomalies.push(
            anomaly(
              'ended_still_affiliated',
              [rowNir, row.contractNumber, end.date, end.dsnReasonCode],
              `Fin de contrat déclarée en DSN (${when}) au ${frenchDate(end.date)} (${dsnEndReasonLabel(end.dsnReasonCode)})${until}.`,
              row,
            ),
          );
        }
        continue;
      }
      // Moved to an establishment outside this DSN (codes 100, 998): nothing to compare here.
      if (situation.openSirets.size === 0) continue;
      if (row.statut !== facts.statut) {
        anomalies.push(
          anomaly(
            'statut_mismatch',
            [rowNir, row.contractNumber, facts.statut],
            `Déclaré en DSN (${when}) comme ${STATUT_WORDS[facts.statut]}, affilié comme ${STATUT_WORDS[row.statut]}.`,
            row,
          ),
        );
      }
      if (!situation.openSirets.has(row.siret)) {
        anomalies.push(
          anomaly(
            'establishment_mismatch',
            [rowNir, row.contractNumber, facts.siret],
            `Déclaré en DSN (${when}) dans l’établissement ${establishmentLabel(facts.siret)}, affilié dans l’établissement ${establishmentLabel(row.siret)}.`,
            row,
          ),
        );
      }
    }
  }
  return anomalies;
}
