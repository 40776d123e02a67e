import type { Path } from 'react-hook-form';
import {
  optionalEmail,
  postalAddress,
  preAffiliateEmployeeRequest,
  type PreAffiliateEmployeeRequest,
} from '../../../../../functions/contracts/affiliation';
import {
  civilite,
  isoDate,
  nir,
  personName,
  siret,
  statutProfessionnel,
} from '../../../../../functions/contracts/common';
import { z } from '../../../shared/forms/zod';

/**
 * "Pré-affilier un salarié", the guide's three steps and a summary. The form holds strings
 * (what inputs hold); each step checks its own fields with the contract's rules, and the
 * summary turns the whole into the API's request.
 */
export interface PreAffiliationValues {
  siret: string;
  statut: '' | 'cadre' | 'non_cadre';
  employee: {
    civilite: '' | 'M' | 'MME';
    lastName: string;
    birthName: string;
    firstName: string;
    birthDate: string;
    nir: string;
    email: string;
    address: { line1: string; line2: string; postalCode: string; city: string };
    hireDate: string;
    contractStartDate: string;
  };
}

export const EMPTY_PRE_AFFILIATION: PreAffiliationValues = {
  siret: '',
  statut: '',
  employee: {
    civilite: '',
    lastName: '',
    birthName: '',
    firstName: '',
    birthDate: '',
    nir: '',
    email: '',
    address: { line1: '', line2: '', postalCode: '', city: '' },
    hireDate: '',
    contractStartDate: '',
  },
};

export type Step = 1 | 2 | 3 | 4;
export const STEP_NAMES = ['Établissement', 'Statut professionnel', 'Salarié', 'Récapitulatif'] as const;

/** A field left blank is "not given" (the contract's optional fields refuse an empty string). */
const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);
const optionalText = <T extends z.ZodType<string, string>>(schema: T) =>
  z.string().transform(blankToUndefined).pipe(schema.optional());
/** A date input gives '' until complete: say what is missing rather than "format invalide". */
const requiredDate = (message: string) => z.string().min(1, { error: message }).pipe(isoDate);

const employeeSchema = z.object({
  civilite: z.string().pipe(civilite),
  lastName: personName,
  birthName: optionalText(personName),
  firstName: personName,
  birthDate: requiredDate('Indiquez la date de naissance (jour, mois et année).'),
  nir: z.string().min(1, { error: 'Saisissez le numéro de sécurité sociale du salarié.' }).pipe(nir),
  email: optionalEmail,
  address: z.object({
    line1: postalAddress.shape.line1,
    line2: optionalText(z.string().max(120)),
    postalCode: postalAddress.shape.postalCode,
    city: postalAddress.shape.city,
  }),
  hireDate: requiredDate('Indiquez la date d’embauche (jour, mois et année).'),
  contractStartDate: requiredDate('Indiquez la date de début du contrat (jour, mois et année).'),
});

export const stepSchemas = {
  1: z.object({
    siret: z.string().min(1, { error: 'Choisissez l’établissement du salarié.' }).pipe(siret),
  }),
  2: z.object({
    statut: z
      .string()
      .min(1, { error: 'Choisissez le statut professionnel du salarié.' })
      .pipe(statutProfessionnel),
  }),
  3: z.object({ employee: employeeSchema }),
  4: z.object({
    siret: z.string().pipe(siret),
    statut: z.string().pipe(statutProfessionnel),
    employee: employeeSchema,
  }),
} as const;

type Field = Path<PreAffiliationValues>;

export const STEP_FIELDS: Record<1 | 2 | 3, readonly Field[]> = {
  1: ['siret'],
  2: ['statut'],
  3: [
    'employee.civilite',
    'employee.lastName',
    'employee.birthName',
    'employee.firstName',
    'employee.birthDate',
    'employee.nir',
    'employee.email',
    'employee.address.line1',
    'employee.address.line2',
    'employee.address.postalCode',
    'employee.address.city',
    'employee.hireDate',
    'employee.contractStartDate',
  ],
};
export const ALL_FIELDS: readonly Field[] = [...STEP_FIELDS[1], ...STEP_FIELDS[2], ...STEP_FIELDS[3]];

/** The step where a field is typed (to send the user back there with the server's message). */
export const stepOfField = (field: Field): 1 | 2 | 3 =>
  STEP_FIELDS[1].includes(field) ? 1 : STEP_FIELDS[2].includes(field) ? 2 : 3;

/**
 * Refusals the API states with a code rather than a field, but which concern one field: the
 * NIR of an employee already covered or already asked for, an establishment or a statut
 * without a matching health contract.
 */
export const CODE_FIELDS: Partial<Record<string, Field>> = {
  EMPLOYEE_ALREADY_AFFILIATED: 'employee.nir',
  AFFILIATION_ALREADY_REQUESTED: 'employee.nir',
  NO_MATCHING_CONTRACT: 'statut',
  ESTABLISHMENT_NOT_FOUND: 'siret',
  ESTABLISHMENT_NOT_IN_COMPANY: 'siret',
};

/** The API's request from the whole form; throws if a step was skipped (the summary is reached only through them). */
export function toPreAffiliationRequest(values: PreAffiliationValues): PreAffiliateEmployeeRequest {
  return preAffiliateEmployeeRequest.parse(stepSchemas[4].parse(values));
}
