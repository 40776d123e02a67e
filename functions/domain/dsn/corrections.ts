/**
 * What "Forcer l'affiliation" changes, from what the DSN declared: the contract an employee
 * lands on, and the identity of an affiliation that the DSN declares differently. Pure: the
 * use case reads the contracts and the insured, and writes what these functions answer.
 */
import { matchingContract, type ContractTerms } from '../pre-affiliation';
import { normaliseNir } from '../nir';
import { normaliseName, type DsnFacts } from './anomalies';
import type { Statut } from './model';

const canonical = (reference: string): string => reference.replace(/\s/g, '').toUpperCase();

/**
 * The scheme's health contract for this statut in force on `date`: the one the DSN names
 * (S21.G00.70 → S21.G00.15.001, the employer contract number) when it qualifies — the
 * employee's payroll already pays for that one, an option say — else the socle any
 * pré-affiliation would use (matchingContract).
 */
export function schemeContractFor<C extends ContractTerms>(
  contracts: readonly C[],
  statut: Statut,
  date: string,
  declaredReferences: readonly string[],
): C | undefined {
  const declared = new Set(declaredReferences.map(canonical));
  const named = contracts.filter((contract) => declared.has(canonical(contract.contractNumber)));
  return matchingContract(named, statut, date) ?? matchingContract(contracts, statut, date);
}

/** The identity an affiliation holds (a row of Mes salariés). */
export interface AffiliationIdentity {
  nir: string;
  lastName: string;
  birthName?: string | null;
  firstName: string;
  birthDate: string;
}

const words = (name: string): string[] => normaliseName(name).split(' ').filter(Boolean);
const compact = (name: string): string => normaliseName(name).replace(/ /g, '');

/**
 * The affiliation's identity corrected to the DSN's, changing only what differs beyond the
 * spelling the anomaly rules tolerate (case, accents, separators, nom d'usage vs nom de
 * famille, one prénom among several): the name then becomes the DSN's nom d'usage (else nom
 * de famille, kept as birth name when both are declared), the first name the first declared
 * prénom, and the NIR the declared one (when the DSN gives one).
 */
export function correctedIdentity(current: AffiliationIdentity, declared: DsnFacts): AffiliationIdentity {
  const declaredNames = [declared.lastName, declared.usageName ?? ''].filter(Boolean).map(compact);
  const lastNameMatches = [current.lastName, current.birthName ?? '']
    .filter(Boolean)
    .some((name) => declaredNames.includes(compact(name)));
  const wanted = words(current.firstName);
  const given = words(declared.firstNames);
  const firstNameMatches =
    wanted.length > 0 &&
    given.some((_, start) => wanted.every((word, offset) => given[start + offset] === word));
  const nir =
    declared.nir && normaliseNir(declared.nir) !== normaliseNir(current.nir) ? declared.nir : current.nir;
  return {
    nir: normaliseNir(nir),
    lastName: lastNameMatches ? current.lastName : (declared.usageName ?? declared.lastName),
    birthName: lastNameMatches ? (current.birthName ?? null) : declared.usageName ? declared.lastName : null,
    firstName: firstNameMatches
      ? current.firstName
      : (declared.firstNames.trim().split(/\s+/)[0] ?? current.firstName),
    birthDate: declared.birthDate,
  };
}
