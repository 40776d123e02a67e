/**
 * A monthly DSN as the portal reads it: the subset of NEODeS it interprets (docs/dsn.md).
 * parseDsn produces a Dsn; writeDsn renders a DsnModel, of which every Dsn is one.
 * Dates are ISO (YYYY-MM-DD), the month YYYY-MM; absent optional rubrics are null.
 */
import type { RadiationReason } from '../radiation';
import type { RetirementCategory, Statut } from './nomenclature';

export type { RetirementCategory, Statut } from './nomenclature';

/** S10.G00.00 Envoi + S10.G00.01 Émetteur. */
export interface DsnEnvoi {
  /** S10.G00.00.001 */
  softwareName: string;
  /** S10.G00.00.002 */
  softwareVendor: string | null;
  /** S10.G00.00.003 */
  softwareVersion: string | null;
  /** S10.G00.00.005 = '01' (fichier d'essai); '02' for a real file. */
  test: boolean;
  /** S10.G00.00.006, e.g. 'P26V01'. */
  normVersion: string;
  /** S10.G00.01: the company itself or its tiers déclarant. */
  emitter: {
    /** S10.G00.01.001 SIREN + .002 NIC. */
    siret: string;
    /** S10.G00.01.003 */
    name: string;
  };
}

/** S21.G00.15 Adhésion Prévoyance: a contract the establishment pays contributions to. */
export interface DsnAdhesion {
  /** S21.G00.15.005 Identifiant technique Adhésion (referenced by S21.G00.70.013). */
  adhesionId: string;
  /** S21.G00.15.001 Référence du contrat (the insurer's contract number). */
  contractReference: string;
  /** S21.G00.15.002 Code organisme (e.g. 'P0942'). */
  organisme: string;
}

/** S21.G00.62 Fin du contrat. */
export interface DsnContractEnd {
  /** S21.G00.62.001 */
  date: string;
  /** S21.G00.62.002, 3 digits. */
  dsnReasonCode: string;
  /** The portal's radiation reason for that code ('autre' when not mapped). */
  reason: RadiationReason;
}

/** S21.G00.40 Contrat de travail. */
export interface DsnContract {
  /** S21.G00.40.001 */
  startDate: string;
  /** S21.G00.40.002 Statut du salarié (conventionnel), 2 digits. */
  conventionalStatus: string;
  /** S21.G00.40.003 Code statut catégoriel Retraite Complémentaire. */
  retirementCategory: RetirementCategory;
  /** Derived from retirementCategory. */
  statut: Statut;
  /** S21.G00.40.007 Nature du contrat, 2 digits ('01' CDI, '02' CDD…). */
  nature: string;
  /** S21.G00.40.009 Numéro du contrat. */
  number: string;
  end: DsnContractEnd | null;
}

/** S21.G00.70 Affiliation Prévoyance, with the adhésion it points to resolved. */
export interface DsnAffiliation {
  /** S21.G00.70.012 Identifiant technique Affiliation. */
  affiliationId: string | null;
  /** S21.G00.70.013 Identifiant technique Adhésion. */
  adhesionId: string;
  /** From the S21.G00.15 block with that adhesionId. */
  contractReference: string;
  organisme: string;
  /** S21.G00.70.004 Code option retenue par le salarié. */
  option: string | null;
  /** S21.G00.70.005 Code population de rattachement. */
  population: string | null;
}

/** S21.G00.30 Individu. */
export interface DsnEmployee {
  /** S21.G00.30.001, completed with its key: always 15 characters. Null when only an NTT is declared. */
  nir: string | null;
  /** S21.G00.30.020 Numéro technique temporaire (people without a NIR yet). */
  temporaryNumber: string | null;
  /** S21.G00.30.002 Nom de famille (birth name). */
  lastName: string;
  /** S21.G00.30.003 Nom d'usage. */
  usageName: string | null;
  /** S21.G00.30.004 Prénoms (all of them, space-separated as declared). */
  firstNames: string;
  /** S21.G00.30.005: '01' masculin, '02' féminin. */
  sex: 'M' | 'F';
  /** S21.G00.30.006 */
  birthDate: string;
  contracts: DsnContract[];
  affiliations: DsnAffiliation[];
}

/** One déclaration (S20.G00.05) of the envoi: a DSN covers one établissement. */
export interface DsnEstablishment {
  /** S21.G00.06.001 SIREN + S21.G00.11.001 NIC. */
  siret: string;
  /** S20.G00.05.002: '01' normale, '02' normale sans individu, '03' annule et remplace… */
  declarationType: string;
  /** S20.G00.05.004 Numéro d'ordre de la déclaration. */
  orderNumber: string | null;
  adhesions: DsnAdhesion[];
  employees: DsnEmployee[];
}

export interface Dsn {
  envoi: DsnEnvoi;
  /** S20.G00.05.005 (01MMYYYY) as YYYY-MM; the same for every declaration of the envoi. */
  month: string;
  /** S21.G00.06.001; the same for every declaration of the envoi. */
  siren: string;
  /** S21.G00.06.001 + S21.G00.06.002 NIC du siège. */
  headOfficeSiret: string;
  declaredEstablishments: DsnEstablishment[];
}

/** Where a rejected file went wrong: a line number (1-based; 0 for the file as a whole). */
export interface DsnError {
  line: number;
  /** French, for the person who sent the file. */
  message: string;
}

export type DsnEncoding = 'utf-8' | 'iso-8859-1';

export type ParseDsnResult =
  { ok: true; dsn: Dsn; encoding: DsnEncoding; lineCount: number } | { ok: false; errors: DsnError[] };

// ---------------------------------------------------------------------------------------
// What writeDsn accepts: a Dsn, or a lighter model whose missing parts take defaults.

export interface DsnAffiliationModel {
  contractReference: string;
  /** Default: the adhésion of the same contract reference, else DEFAULT_ORGANISME. */
  organisme?: string;
  /** Default: the adhésion's id for (contractReference, organisme), numbered from '1'. */
  adhesionId?: string;
  affiliationId?: string | null;
  option?: string | null;
  population?: string | null;
}

export interface DsnContractModel {
  startDate: string;
  statut: Statut;
  /** Default from statut: cadre → '01', non cadre → '04'. Wins over statut when given. */
  retirementCategory?: RetirementCategory;
  /** Default from statut: cadre → '04', non cadre → '06'. */
  conventionalStatus?: string;
  /** Default '01' (CDI). */
  nature?: string;
  number: string;
  /** Give the DSN code, or only the reason (its usual code is written). */
  end?: { date: string; dsnReasonCode?: string; reason?: RadiationReason } | null;
}

export interface DsnEmployeeModel {
  nir: string | null;
  temporaryNumber?: string | null;
  lastName: string;
  usageName?: string | null;
  firstNames: string;
  /** Default: from the NIR's first digit (1/7 → M, 2/8 → F); required without a NIR. */
  sex?: 'M' | 'F';
  birthDate: string;
  contracts: readonly DsnContractModel[];
  affiliations?: readonly DsnAffiliationModel[];
}

export interface DsnEstablishmentModel {
  siret: string;
  /** Default '01' (déclaration normale). */
  declarationType?: string;
  orderNumber?: string | null;
  /** Default: the adhésions the affiliations refer to. */
  adhesions?: readonly DsnAdhesion[];
  employees: readonly DsnEmployeeModel[];
}

export interface DsnModel {
  /** Default: a real file from a fictitious payroll software, emitted by the head office. */
  envoi?: DsnEnvoi;
  month: string;
  siren: string;
  /** Default: the first declared establishment. */
  headOfficeSiret?: string;
  declaredEstablishments: readonly DsnEstablishmentModel[];
}
