import { describe, expect, it } from 'vitest';
import {
  ageOn,
  matchingContract,
  nirMatchesBirthDate,
  preAffiliationDateErrors,
  type ContractTerms,
} from '../../../functions/domain/pre-affiliation';
import { nirFor } from '../../../functions/domain/nir';

const today = '2026-06-15';
const nir = nirFor({
  sex: 2,
  birthYear: 1990,
  birthMonth: 4,
  department: '75',
  commune: '112',
  order: '031',
});
const good = { birthDate: '1990-04-12', hireDate: '2026-06-01', contractStartDate: '2026-06-01', nir };

describe('dates of a pré-affiliation', () => {
  it('accepts consistent dates', () => {
    expect(preAffiliationDateErrors(good, today)).toEqual({});
  });

  it('refuses a birth date today or later', () => {
    expect(preAffiliationDateErrors({ ...good, birthDate: today }, today)).toHaveProperty(
      ['employee.birthDate'],
      'La date de naissance doit être dans le passé.',
    );
  });

  it('wants an age between 14 and 80 at hiring', () => {
    const young = nirFor({
      sex: 1,
      birthYear: 2012,
      birthMonth: 7,
      department: '13',
      commune: '055',
      order: '001',
    });
    expect(
      preAffiliationDateErrors({ ...good, nir: young, birthDate: '2012-07-01' }, today)['employee.birthDate'],
    ).toMatch(/au moins 14 ans/);
    const old = nirFor({
      sex: 1,
      birthYear: 1940,
      birthMonth: 1,
      department: '13',
      commune: '055',
      order: '001',
    });
    expect(
      preAffiliationDateErrors({ ...good, nir: old, birthDate: '1940-01-01' }, today)['employee.birthDate'],
    ).toMatch(/plus de 80 ans/);
    expect(ageOn('2012-06-01', '2026-06-01')).toBe(14);
    expect(ageOn('2012-06-02', '2026-06-01')).toBe(13);
  });

  it('refuses a contract start before the hiring date, or more than a year away', () => {
    expect(
      preAffiliationDateErrors({ ...good, contractStartDate: '2026-05-31' }, today)[
        'employee.contractStartDate'
      ],
    ).toBe('Le début du contrat ne peut pas précéder la date d’embauche.');
    expect(
      preAffiliationDateErrors({ ...good, hireDate: '2025-01-01', contractStartDate: '2025-06-14' }, today)[
        'employee.contractStartDate'
      ],
    ).toMatch(/plus d’un an/);
    expect(
      preAffiliationDateErrors({ ...good, hireDate: '2025-01-01', contractStartDate: '2025-06-15' }, today),
    ).toEqual({});
    expect(
      preAffiliationDateErrors({ ...good, contractStartDate: '2027-06-16' }, today)[
        'employee.contractStartDate'
      ],
    ).toBe('Le début du contrat ne peut pas dépasser un an à venir.');
  });

  it('wants the NIR to carry the birth year and month', () => {
    expect(nirMatchesBirthDate(nir, '1990-04-12')).toBe(true);
    expect(nirMatchesBirthDate(nir, '1990-05-12')).toBe(false);
    expect(nirMatchesBirthDate(nir, '1991-04-12')).toBe(false);
    expect(preAffiliationDateErrors({ ...good, birthDate: '1990-05-12' }, today)['employee.nir']).toMatch(
      /date de naissance/,
    );
    // Unknown month (INSEE pseudo-month) and temporary numbers are not checked.
    const unknownMonth = nirFor({
      sex: 1,
      birthYear: 1990,
      birthMonth: 1,
      department: '99',
      commune: '350',
      order: '004',
    });
    expect(nirMatchesBirthDate(`${unknownMonth.slice(0, 3)}20${unknownMonth.slice(5)}`, '1990-08-01')).toBe(
      true,
    );
    expect(nirMatchesBirthDate(`7${nir.slice(1)}`, '1985-01-01')).toBe(true);
  });
});

describe('the contract a pré-affiliated employee lands on', () => {
  const contract = (number: string, terms: Partial<ContractTerms>): ContractTerms => ({
    contractNumber: number,
    statut: 'cadre',
    risque: 'sante',
    effectiveDate: '2020-01-01',
    ...terms,
  });
  const contracts = [
    contract('HCR-S-000003', { effectiveDate: '2023-01-01' }),
    contract('HCR-S-000001', {}),
    contract('HCR-S-000002', { statut: 'non_cadre' }),
    contract('HCR-P-000004', { risque: 'prevoyance' }),
    contract('HCR-S-000005', { endDate: '2022-12-31', effectiveDate: '2019-01-01' }),
  ];

  it('takes the health contract of the statut in force at the start, the oldest (the socle) first', () => {
    expect(matchingContract(contracts, 'cadre', '2026-06-01')?.contractNumber).toBe('HCR-S-000001');
    expect(matchingContract(contracts, 'non_cadre', '2026-06-01')?.contractNumber).toBe('HCR-S-000002');
    expect(matchingContract(contracts, 'cadre', '2019-06-01')?.contractNumber).toBe('HCR-S-000005');
  });

  it('finds none before any contract starts, or for a statut without one', () => {
    expect(matchingContract(contracts, 'cadre', '2018-12-31')).toBeUndefined();
    expect(matchingContract(contracts.slice(0, 1), 'non_cadre', '2026-06-01')).toBeUndefined();
  });
});
