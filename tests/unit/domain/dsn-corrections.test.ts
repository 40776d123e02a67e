import { describe, expect, it } from 'vitest';
import type { DsnFacts } from '../../../functions/domain/dsn/anomalies';
import { correctedIdentity, schemeContractFor } from '../../../functions/domain/dsn/corrections';
import type { ContractTerms } from '../../../functions/domain/pre-affiliation';
import { expectedSiretOfKey } from '../../../functions/use-cases/anomalies/dsn-files';

const contract = (
  overrides: Partial<ContractTerms> & Pick<ContractTerms, 'contractNumber'>,
): ContractTerms => ({
  statut: 'non_cadre',
  risque: 'sante',
  effectiveDate: '2016-01-01',
  ...overrides,
});

const CONTRACTS = [
  contract({ contractNumber: 'HCR-S-000102' }),
  contract({ contractNumber: 'HCR-S-000101', effectiveDate: '2018-01-01' }),
  contract({ contractNumber: 'HCR-S-000103', statut: 'cadre' }),
  contract({ contractNumber: 'HCR-P-000104', risque: 'prevoyance' }),
  contract({ contractNumber: 'HCR-S-000105', endDate: '2020-12-31', effectiveDate: '2010-01-01' }),
];

describe('the contract a forced affiliation lands on', () => {
  it('takes the health contract the DSN names when it has the statut and is in force', () => {
    expect(schemeContractFor(CONTRACTS, 'non_cadre', '2026-11-01', [' hcr-s-000101 '])?.contractNumber).toBe(
      'HCR-S-000101',
    );
  });

  it('falls back to the socle of the statut when the named one does not qualify', () => {
    // A prévoyance contract, another statut's, one ended before the start: the socle instead.
    for (const named of ['HCR-P-000104', 'HCR-S-000103', 'HCR-S-000105']) {
      expect(schemeContractFor(CONTRACTS, 'non_cadre', '2026-11-01', [named])?.contractNumber).toBe(
        'HCR-S-000102',
      );
    }
    expect(schemeContractFor(CONTRACTS, 'cadre', '2026-11-01', [])?.contractNumber).toBe('HCR-S-000103');
  });

  it('finds none before every contract of the statut starts', () => {
    expect(schemeContractFor(CONTRACTS, 'cadre', '2012-03-01', ['HCR-S-000103'])).toBeUndefined();
  });
});

const declared = (overrides: Partial<DsnFacts> = {}): DsnFacts => ({
  siret: '73282932000074',
  contractStartDate: '2019-03-01',
  statut: 'non_cadre',
  endDate: null,
  radiationReason: null,
  dsnReasonCode: null,
  nir: '288043306311234',
  lastName: 'MARTIN',
  usageName: 'LEFÈVRE',
  firstNames: 'Élodie Anne',
  birthDate: '1988-04-12',
  civilite: 'MME',
  contractReferences: [],
  ...overrides,
});

const affiliation = {
  nir: '288043306311234',
  lastName: 'Lefèvre',
  birthName: 'Martin',
  firstName: 'Élodie',
  birthDate: '1988-04-12',
};

describe('the identity a forced affiliation corrects', () => {
  it('keeps what only differs in spelling, and takes the DSN’s birth date', () => {
    expect(correctedIdentity(affiliation, declared({ birthDate: '1988-04-21' }))).toEqual({
      ...affiliation,
      birthDate: '1988-04-21',
    });
  });

  it('takes the DSN’s names when they differ: nom d’usage, birth name, first prénom', () => {
    expect(
      correctedIdentity(
        affiliation,
        declared({ lastName: 'DURAND', usageName: 'PETIT', firstNames: 'Claire Marie' }),
      ),
    ).toEqual({ ...affiliation, lastName: 'PETIT', birthName: 'DURAND', firstName: 'Claire' });
    expect(correctedIdentity(affiliation, declared({ lastName: 'DURAND', usageName: null }))).toMatchObject({
      lastName: 'DURAND',
      birthName: null,
    });
  });

  it('takes the DSN’s NIR when it gives another one, and keeps the affiliation’s when it gives none', () => {
    expect(correctedIdentity(affiliation, declared({ nir: '288043306311315' })).nir).toBe('288043306311315');
    expect(correctedIdentity(affiliation, declared({ nir: null })).nir).toBe(affiliation.nir);
  });
});

describe('the company a DSN is dropped for', () => {
  it('is the SIRET of the folder right under dsn/, when there is one', () => {
    expect(expectedSiretOfKey('dsn/73282932000074/2026-11/paie.dsn')).toBe('73282932000074');
    expect(expectedSiretOfKey('dsn/manual/2026-11-26/paie.dsn')).toBeUndefined();
    expect(expectedSiretOfKey('dsn/73282932000074.dsn')).toBeUndefined();
  });
});
