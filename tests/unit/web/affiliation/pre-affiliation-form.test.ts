import { describe, expect, it } from 'vitest';
import {
  CODE_FIELDS,
  EMPTY_PRE_AFFILIATION,
  stepOfField,
  stepSchemas,
  toPreAffiliationRequest,
  type PreAffiliationValues,
} from '../../../../web/src/features/affiliation/lib/pre-affiliation-form';

const filled: PreAffiliationValues = {
  siret: '732 829 320 00074',
  statut: 'non_cadre',
  employee: {
    civilite: 'M',
    lastName: ' Durand ',
    birthName: '',
    firstName: 'Paul',
    birthDate: '1985-05-14',
    nir: '1 85 05 78 006 084 91',
    email: '',
    address: { line1: '12 rue des Lilas', line2: '  ', postalCode: '75011', city: 'Paris' },
    hireDate: '2026-01-05',
    contractStartDate: '2026-02-01',
  },
};

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the steps of Pré-affilier un salarié', () => {
  it('asks for an establishment, then a statut, in French', () => {
    expect(messages(stepSchemas[1].safeParse(EMPTY_PRE_AFFILIATION))).toEqual({
      siret: 'Choisissez l’établissement du salarié.',
    });
    expect(messages(stepSchemas[2].safeParse(EMPTY_PRE_AFFILIATION))).toEqual({
      statut: 'Choisissez le statut professionnel du salarié.',
    });
  });

  it("checks the employee's information with the contract's rules, including the NIR key", () => {
    const result = stepSchemas[3].safeParse({
      ...filled,
      employee: {
        ...filled.employee,
        nir: '185057800608492',
        birthDate: '',
        address: { ...filled.employee.address, postalCode: '7501' },
      },
    });
    expect(messages(result)).toEqual({
      'employee.nir': 'Le numéro de sécurité sociale est invalide (clé incorrecte).',
      'employee.birthDate': 'Indiquez la date de naissance (jour, mois et année).',
      'employee.address.postalCode': 'Le code postal doit comporter 5 chiffres.',
    });
  });

  it('turns the form into the API request: blanks left out, NIR and SIRET normalised, names trimmed', () => {
    const request = toPreAffiliationRequest(filled);
    expect(request).toEqual({
      siret: '73282932000074',
      statut: 'non_cadre',
      employee: {
        civilite: 'M',
        lastName: 'Durand',
        firstName: 'Paul',
        birthDate: '1985-05-14',
        nir: '185057800608491',
        address: { line1: '12 rue des Lilas', postalCode: '75011', city: 'Paris' },
        hireDate: '2026-01-05',
        contractStartDate: '2026-02-01',
      },
    });
    expect(JSON.stringify(request)).not.toContain('birthName');
    expect(JSON.stringify(request)).not.toContain('email');
  });

  it('keeps an e-mail, lower-cased (it decides between e-mail and courrier)', () => {
    const request = toPreAffiliationRequest({
      ...filled,
      employee: { ...filled.employee, email: ' Paul.Durand@Exemple.fr ' },
    });
    expect(request.employee.email).toBe('paul.durand@exemple.fr');
  });

  it('sends a refusal about the NIR or the contract back to the step where it is fixed', () => {
    expect(stepOfField(CODE_FIELDS.AFFILIATION_ALREADY_REQUESTED!)).toBe(3);
    expect(stepOfField(CODE_FIELDS.EMPLOYEE_ALREADY_AFFILIATED!)).toBe(3);
    expect(stepOfField(CODE_FIELDS.NO_MATCHING_CONTRACT!)).toBe(2);
    expect(stepOfField('siret')).toBe(1);
  });
});
