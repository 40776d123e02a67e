/**
 * Renders a DSN text from a model: the fixtures, the integration tests and the benchmark
 * use it to produce a monthly DSN for any company. parseDsn(writeDsn(dsn)) gives back the
 * same Dsn; a lighter DsnModel takes defaults (see model.ts). The output is a string;
 * encodeLatin1 gives the ISO-8859-1 bytes most payroll software produce.
 *
 * A model that cannot be written (a SIRET outside the SIREN, a value with a line break,
 * an affiliation without a contract) is a programming error: it throws.
 */
import type {
  DsnAdhesion,
  DsnContractModel,
  DsnEmployeeModel,
  DsnEnvoi,
  DsnEstablishmentModel,
  DsnModel,
} from './model';
import { DSN_CODE_OF_REASON, conventionalStatusOfStatut, retirementCategoryOfStatut } from './nomenclature';

/** Organisme code written when an affiliation names none (fictitious). */
export const DEFAULT_ORGANISME = 'P9999';
/** Code APE of traditional restaurants, written for realism (not interpreted). */
const APE_RESTAURATION = '5610A';
/** IDCC of the hotels, cafés, restaurants collective agreement (not interpreted). */
const IDCC_HCR = '1979';

export interface WriteDsnOptions {
  /** Default '\n'. */
  lineEnding?: '\n' | '\r\n';
  /** Write the NIR with its key (15 characters) instead of the norm's 13. */
  nirWithKey?: boolean;
}

const isoToDsnDate = (iso: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
};

const sexOf = (employee: DsnEmployeeModel): 'M' | 'F' => {
  if (employee.sex) return employee.sex;
  if (!employee.nir) throw new RangeError('An employee without a NIR needs an explicit sex.');
  return ['1', '7'].includes(employee.nir[0] as string) ? 'M' : 'F';
};

class Lines {
  readonly lines: string[] = [];

  add(block: string, code: string, value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    if (/[\r\n]/.test(value) || value.trim() === '') {
      throw new RangeError(`${block}.${code}: a DSN value is one non-empty line.`);
    }
    this.lines.push(`${block}.${code},'${value}'`);
  }
}

/** The adhésions of an establishment: the declared ones, then one per new (contract, organisme). */
function adhesionsOf(establishment: DsnEstablishmentModel): {
  adhesions: DsnAdhesion[];
  idOf: (affiliation: NonNullable<DsnEmployeeModel['affiliations']>[number]) => string;
} {
  const adhesions: DsnAdhesion[] = [...(establishment.adhesions ?? [])];
  let next = 1;
  const freshId = (): string => {
    while (adhesions.some((adhesion) => adhesion.adhesionId === String(next))) next++;
    return String(next);
  };
  const idOf = (affiliation: NonNullable<DsnEmployeeModel['affiliations']>[number]): string => {
    const found = adhesions.find((adhesion) =>
      affiliation.adhesionId !== undefined
        ? adhesion.adhesionId === affiliation.adhesionId
        : adhesion.contractReference === affiliation.contractReference &&
          (affiliation.organisme === undefined || adhesion.organisme === affiliation.organisme),
    );
    if (found) return found.adhesionId;
    const adhesion = {
      adhesionId: affiliation.adhesionId ?? freshId(),
      contractReference: affiliation.contractReference,
      organisme: affiliation.organisme ?? DEFAULT_ORGANISME,
    };
    adhesions.push(adhesion);
    return adhesion.adhesionId;
  };
  // Resolve every affiliation first, so that the S21.G00.15 blocks (written before the
  // individus) list them all.
  for (const employee of establishment.employees) {
    for (const affiliation of employee.affiliations ?? []) idOf(affiliation);
  }
  return { adhesions, idOf };
}

function writeContract(out: Lines, contract: DsnContractModel): void {
  const category = contract.retirementCategory ?? retirementCategoryOfStatut(contract.statut);
  out.add('S21.G00.40', '001', isoToDsnDate(contract.startDate));
  out.add('S21.G00.40', '002', contract.conventionalStatus ?? conventionalStatusOfStatut(contract.statut));
  out.add('S21.G00.40', '003', category);
  out.add('S21.G00.40', '007', contract.nature ?? '01');
  out.add('S21.G00.40', '009', contract.number);
  out.add('S21.G00.40', '017', IDCC_HCR);
  if (contract.end) {
    const code = contract.end.dsnReasonCode ?? DSN_CODE_OF_REASON[contract.end.reason ?? 'autre'];
    out.add('S21.G00.62', '001', isoToDsnDate(contract.end.date));
    out.add('S21.G00.62', '002', code);
  }
}

function writeEmployee(
  out: Lines,
  employee: DsnEmployeeModel,
  adhesionIdOf: ReturnType<typeof adhesionsOf>['idOf'],
  options: WriteDsnOptions,
): void {
  const nir = employee.nir ? (options.nirWithKey ? employee.nir : employee.nir.slice(0, 13)) : null;
  out.add('S21.G00.30', '001', nir);
  out.add('S21.G00.30', '002', employee.lastName);
  out.add('S21.G00.30', '003', employee.usageName);
  out.add('S21.G00.30', '004', employee.firstNames);
  out.add('S21.G00.30', '005', sexOf(employee) === 'M' ? '01' : '02');
  out.add('S21.G00.30', '006', isoToDsnDate(employee.birthDate));
  out.add('S21.G00.30', '020', employee.temporaryNumber);
  for (const contract of employee.contracts) writeContract(out, contract);
  const affiliations = employee.affiliations ?? [];
  if (affiliations.length > 0 && employee.contracts.length === 0) {
    throw new RangeError('An S21.G00.70 affiliation follows a contract: give the employee one.');
  }
  for (const affiliation of affiliations) {
    out.add('S21.G00.70', '004', affiliation.option);
    out.add('S21.G00.70', '005', affiliation.population);
    out.add('S21.G00.70', '012', affiliation.affiliationId);
    out.add('S21.G00.70', '013', adhesionIdOf(affiliation));
  }
}

function defaultEnvoi(headOfficeSiret: string): DsnEnvoi {
  return {
    softwareName: 'PAIE HCR',
    softwareVendor: 'Éditeur fictif',
    softwareVersion: '1.0',
    test: false,
    normVersion: 'P26V01',
    emitter: { siret: headOfficeSiret, name: 'Service paie' },
  };
}

export function writeDsn(model: DsnModel, options: WriteDsnOptions = {}): string {
  const { siren, month } = model;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  const first = model.declaredEstablishments[0];
  if (!first) throw new RangeError('A DSN declares at least one establishment.');
  const headOfficeSiret = model.headOfficeSiret ?? first.siret;
  for (const siret of [headOfficeSiret, ...model.declaredEstablishments.map((e) => e.siret)]) {
    if (!siret.startsWith(siren) || siret.length !== 14) {
      throw new RangeError(`SIRET ${siret} is not an establishment of SIREN ${siren}.`);
    }
  }
  const envoi = model.envoi ?? defaultEnvoi(headOfficeSiret);
  const out = new Lines();
  out.add('S10.G00.00', '001', envoi.softwareName);
  out.add('S10.G00.00', '002', envoi.softwareVendor);
  out.add('S10.G00.00', '003', envoi.softwareVersion);
  out.add('S10.G00.00', '005', envoi.test ? '01' : '02');
  out.add('S10.G00.00', '006', envoi.normVersion);
  out.add('S10.G00.00', '008', '01');
  out.add('S10.G00.01', '001', envoi.emitter.siret.slice(0, 9));
  out.add('S10.G00.01', '002', envoi.emitter.siret.slice(9));
  out.add('S10.G00.01', '003', envoi.emitter.name);

  for (const establishment of model.declaredEstablishments) {
    out.add('S20.G00.05', '001', '01');
    out.add('S20.G00.05', '002', establishment.declarationType ?? '01');
    out.add('S20.G00.05', '003', '11');
    out.add('S20.G00.05', '004', establishment.orderNumber);
    out.add('S20.G00.05', '005', `01${month.slice(5, 7)}${month.slice(0, 4)}`);
    out.add('S20.G00.05', '010', '01');
    out.add('S21.G00.06', '001', siren);
    out.add('S21.G00.06', '002', headOfficeSiret.slice(9));
    out.add('S21.G00.06', '003', APE_RESTAURATION);
    out.add('S21.G00.11', '001', establishment.siret.slice(9));
    out.add('S21.G00.11', '002', APE_RESTAURATION);
    const { adhesions, idOf } = adhesionsOf(establishment);
    for (const adhesion of adhesions) {
      out.add('S21.G00.15', '001', adhesion.contractReference);
      out.add('S21.G00.15', '002', adhesion.organisme);
      out.add('S21.G00.15', '005', adhesion.adhesionId);
    }
    for (const employee of establishment.employees) writeEmployee(out, employee, idOf, options);
  }
  // The total counts every rubric of the envoi, its own two included.
  out.add('S90.G00.90', '001', String(out.lines.length + 2));
  out.add('S90.G00.90', '002', String(model.declaredEstablishments.length));
  const eol = options.lineEnding ?? '\n';
  return `${out.lines.join(eol)}${eol}`;
}

/** ISO-8859-1 bytes of a DSN text (throws on a character outside Latin-1). */
export function encodeLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0xff) throw new RangeError(`"${text[index]}" cannot be written in ISO-8859-1.`);
    bytes[index] = code;
  }
  return bytes;
}
