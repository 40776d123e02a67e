/**
 * DSN files for the companies the tests import: the payroll of a fresh company as a DSN
 * (writeDsn over the company's own rows — its SIRETs, people and contracts, so no test
 * depends on fixed numbers), changes to make anomalies, and the import through the real
 * trigger path (inbound bucket → importDsn → report next to the file).
 */
import { randomInt } from 'node:crypto';
import type { CompanyDataset } from '../../bin/local/demo-data';
import type { DsnEmployeeModel, DsnModel, Statut } from '../../functions/domain/dsn/model';
import type { RadiationReason } from '../../functions/domain/radiation';
import type { DsnImportReport } from '../../functions/use-cases/anomalies/import-dsn';
import { control } from './api';
import { askDispense, dispenseOf, type DispenseSummary } from './dispenses';
import { randomNir, todayIso, type Employer } from './pre-affiliation';

type InsuredRow = CompanyDataset['rows']['assures'][number];

/** The month a DSN filed now declares (this month: end dates in it stay within the online radiation window). */
export const currentMonth = () => todayIso().slice(0, 7);

export interface DeclaredPerson {
  siret: string;
  employee: DsnEmployeeModel;
}

/** Statut of a contract of the company. */
export const statutOf = (dataset: CompanyDataset, contractNumber: string): Statut =>
  dataset.rows.contrats.find((contract) => contract.contrat_employeur === contractNumber)!.statut as Statut;

/** The open health contract of a statut the generator affiliates most people to (the socle). */
export const socleContract = (dataset: CompanyDataset, statut: Statut) =>
  dataset.rows.contrats.find(
    (contract) =>
      contract.statut === statut &&
      contract.risque === 'sante' &&
      contract.contrat === 'Socle conventionnel' &&
      !contract.date_fin,
  )!;

let contractNumber = 0;
const nextContractNumber = () => String(++contractNumber).padStart(5, '0');

/** An insured row as the payroll declares it: same person, contract and establishment, affiliated to the scheme. */
export function asDeclared(dataset: CompanyDataset, row: InsuredRow): DeclaredPerson {
  return {
    siret: row.siret,
    employee: {
      nir: row.nir,
      // S21.G00.30.002 is the birth name, .003 the name in use.
      lastName: row.nom_naissance || row.nom,
      usageName: row.nom_naissance ? row.nom : null,
      firstNames: row.prenom,
      birthDate: row.date_naissance,
      contracts: [
        {
          startDate: row.date_effet,
          statut: statutOf(dataset, row.contrat_employeur),
          number: nextContractNumber(),
        },
      ],
      affiliations: [{ contractReference: row.contrat_employeur }],
    },
  };
}

/** The company's insured still covered (no end date), in the file's order. */
export const activeInsured = (dataset: CompanyDataset): InsuredRow[] =>
  dataset.rows.assures.filter((row) => !row.date_fin);

/** Someone hired this month, declared with the scheme on the socle of the statut, never affiliated. */
export function newHire(
  dataset: CompanyDataset,
  options: {
    siret?: string;
    statut?: Statut;
    lastName?: string;
    firstName?: string;
    startDate?: string;
  } = {},
): DeclaredPerson {
  const statut = options.statut ?? 'non_cadre';
  const sex = randomInt(1, 3) as 1 | 2;
  const birthYear = randomInt(1970, 2004);
  const birthMonth = randomInt(1, 13);
  return {
    siret: options.siret ?? dataset.summary.mainSiret,
    employee: {
      nir: randomNir(sex, birthYear, birthMonth),
      lastName: options.lastName ?? `EMBAUCHE${randomInt(1000, 9999)}`,
      firstNames: options.firstName ?? (sex === 1 ? 'Lucas Pierre' : 'Sarah Anne'),
      birthDate: `${birthYear}-${String(birthMonth).padStart(2, '0')}-15`,
      contracts: [
        { startDate: options.startDate ?? `${currentMonth()}-01`, statut, number: nextContractNumber() },
      ],
      affiliations: [{ contractReference: socleContract(dataset, statut).contrat_employeur }],
    },
  };
}

/** The person's contract ended (S21.G00.62) on `date` for `reason`. */
export function departed(person: DeclaredPerson, date: string, reason: RadiationReason): DeclaredPerson {
  const [contract, ...others] = person.employee.contracts;
  return {
    ...person,
    employee: { ...person.employee, contracts: [{ ...contract!, end: { date, reason } }, ...others] },
  };
}

/** The insured declared under the other statut, on its socle (a statut change anomaly). */
export function promoted(dataset: CompanyDataset, row: InsuredRow): DeclaredPerson {
  const declared = asDeclared(dataset, row);
  const otherStatut = statutOf(dataset, row.contrat_employeur) === 'cadre' ? 'non_cadre' : 'cadre';
  return {
    ...declared,
    employee: {
      ...declared.employee,
      contracts: [{ ...declared.employee.contracts[0]!, statut: otherStatut }],
      affiliations: [{ contractReference: socleContract(dataset, otherStatut).contrat_employeur }],
    },
  };
}

/** The insured declared in another establishment of the company (an establishment change anomaly). */
export function moved(dataset: CompanyDataset, row: InsuredRow): DeclaredPerson {
  const declared = asDeclared(dataset, row);
  return {
    ...declared,
    siret: dataset.summary.establishmentSirets.find((siret) => siret !== declared.siret)!,
  };
}

/** The insured declared with a birth date the affiliation does not have (a typo in the payroll). */
export function misdated(dataset: CompanyDataset, row: InsuredRow): DeclaredPerson {
  const declared = asDeclared(dataset, row);
  return { ...declared, employee: { ...declared.employee, birthDate: '1950-01-01' } };
}

/** A DSN of the company for `month` declaring these people, each in their establishment. */
export function dsnOf(dataset: CompanyDataset, month: string, people: readonly DeclaredPerson[]): DsnModel {
  const sirets = dataset.summary.establishmentSirets;
  return {
    month,
    siren: dataset.summary.mainSiret.slice(0, 9),
    headOfficeSiret: dataset.summary.mainSiret,
    declaredEstablishments: sirets
      .map((siret, index) => ({
        siret,
        orderNumber: `${month.replace('-', '')}${String(index + 1).padStart(3, '0')}`,
        employees: people.filter((person) => person.siret === siret).map((person) => person.employee),
      }))
      // A DSN is made per establishment that has someone to declare.
      .filter((establishment) => establishment.employees.length > 0),
  };
}

/** Drops the file as `dsn/<folder>/<name>` in the test stack's inbound bucket; answers the import's report. */
export async function importDsnFile(body: string | Uint8Array, folder = `tests/${randomInt(1e9)}`) {
  const key = `dsn/${folder}/dsn-${randomInt(1e9)}.dsn`;
  const [report] = await control<DsnImportReport[]>(`/import?key=${encodeURIComponent(key)}`, body);
  if (!report) throw new Error(`no report for ${key}`);
  return report;
}

// ---------------------------------------------------------------------------------------
// Dispenses: asked for in the BIA of a pré-affiliation of the person the DSN declares.

/** The person asks for a dispense in their BIA (pré-affiliated with the DSN's NIR and identity), as listed. */
export async function dispenseAskedBy(employer: Employer, person: DeclaredPerson): Promise<DispenseSummary> {
  const { employee } = person;
  const asked = await askDispense(employer, {
    person: {
      siret: person.siret,
      lastName: employee.usageName ?? employee.lastName,
      firstName: employee.firstNames.split(' ')[0]!,
      sex: ['1', '7'].includes(employee.nir![0]!) ? 1 : 2,
      birthDate: employee.birthDate,
      nir: employee.nir!,
    },
  });
  if (asked.finalized.status !== 200)
    throw new Error(`dispense refused: ${JSON.stringify(asked.finalized.body)}`);
  return dispenseOf(employer, asked.request.requestId);
}
