import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANOMALY_TYPES } from '../../../functions/contracts/anomalies';
import {
  ANOMALY_TYPE_VALUES,
  detectAnomalies,
  monthLabel,
  type AffiliationRequestState,
  type Anomaly,
  type DispenseOfEmployee,
  type InsuredAffiliation,
  type SchemeContracts,
} from '../../../functions/domain/dsn/anomalies';
import type { Dsn, DsnContractModel, DsnEmployeeModel } from '../../../functions/domain/dsn/model';
import { parseDsn } from '../../../functions/domain/dsn/parse-dsn';
import { writeDsn } from '../../../functions/domain/dsn/write-dsn';
import { sirenWithKey, siretWithKey } from '../../../functions/domain/siret';
import {
  BORDEAUX,
  DISPENSES_FEBRUARY,
  ESTABLISHMENT_NAMES,
  INSURED_JANUARY,
  INSURED_MARCH,
  MERIGNAC,
  NIR,
  NON_CADRE_CONTRACT,
  REQUESTS_FEBRUARY,
  SCHEME as QUAIS_SCHEME,
} from '../../fixtures/dsn/brasserie-des-quais';

function parsed(input: string | Uint8Array): Dsn {
  const result = parseDsn(input);
  if (!result.ok) throw new Error(`Expected a valid DSN: ${JSON.stringify(result.errors)}`);
  return result.dsn;
}

const fixture = (name: string): Dsn =>
  parsed(readFileSync(new URL(`../../fixtures/dsn/${name}.dsn`, import.meta.url)));

// ---------------------------------------------------------------------------------------
// A small company to build cases from

const SIREN = sirenWithKey('73282932');
const SITE_A = siretWithKey(SIREN, 1);
const SITE_B = siretWithKey(SIREN, 2);
const NAMES = { [SITE_A]: 'Hôtel du Port', [SITE_B]: 'Café de la Gare' };
const OURS = 'HCR-S-000101';
const ORGANISME = 'P4242';
const SCHEME: SchemeContracts = { contractReferences: [OURS], organismes: [ORGANISME] };
const withScheme = [{ contractReference: OURS, organisme: ORGANISME }];

const contract = (overrides: Partial<DsnContractModel> = {}): DsnContractModel => ({
  startDate: '2020-03-01',
  statut: 'non_cadre',
  number: '00001',
  ...overrides,
});

/** Élodie Martin (épouse Lefèvre), non cadre at site A since 2020, declared with the scheme. */
const declared = (overrides: Partial<DsnEmployeeModel> = {}): DsnEmployeeModel => ({
  nir: NIR.elodie,
  lastName: 'MARTIN',
  usageName: 'LEFÈVRE',
  firstNames: 'Élodie Anne',
  birthDate: '1988-04-12',
  contracts: [contract()],
  affiliations: withScheme,
  ...overrides,
});

/** Her affiliation, as Mes salariés shows it. */
const affiliation = (overrides: Partial<InsuredAffiliation> = {}): InsuredAffiliation => ({
  employeeId: 'E-1',
  nir: NIR.elodie,
  lastName: 'Lefèvre',
  birthName: 'Martin',
  firstName: 'Élodie',
  birthDate: '1988-04-12',
  siret: SITE_A,
  statut: 'non_cadre',
  contractNumber: 'HCR-S-000101',
  effectiveDate: '2020-03-01',
  endDate: null,
  ...overrides,
});

interface Case {
  employees?: DsnEmployeeModel[];
  /** Employees of site B. */
  siteB?: DsnEmployeeModel[];
  insured?: InsuredAffiliation[];
  requests?: AffiliationRequestState[];
  dispenses?: DispenseOfEmployee[];
  month?: string;
  scheme?: SchemeContracts;
}

function detect(input: Case = {}): Anomaly[] {
  const dsn = parsed(
    writeDsn({
      month: input.month ?? '2026-01',
      siren: SIREN,
      declaredEstablishments: [
        { siret: SITE_A, employees: input.employees ?? [declared()] },
        ...(input.siteB ? [{ siret: SITE_B, employees: input.siteB }] : []),
      ],
    }),
  );
  return detectAnomalies({
    dsn,
    scheme: input.scheme ?? SCHEME,
    insured: input.insured ?? [affiliation()],
    requests: input.requests ?? [],
    dispenses: input.dispenses ?? [],
    establishmentNames: NAMES,
  });
}

const types = (anomalies: Anomaly[]) => anomalies.map((anomaly) => anomaly.type);

// ---------------------------------------------------------------------------------------

describe('the sample months of Brasserie des Quais', () => {
  const quais = { scheme: QUAIS_SCHEME, establishmentNames: ESTABLISHMENT_NAMES };

  it('finds nothing in a month matching the affiliations', () => {
    expect(
      detectAnomalies({
        ...quais,
        dsn: fixture('2026-01-conforme'),
        insured: INSURED_JANUARY,
        requests: [],
        dispenses: [],
      }),
    ).toEqual([]);
  });

  it('finds the undeclared hire and the departure, and nothing for the dispensed, the pending and the intern', () => {
    const anomalies = detectAnomalies({
      ...quais,
      dsn: fixture('2026-02-embauche-et-depart'),
      insured: INSURED_JANUARY,
      requests: REQUESTS_FEBRUARY,
      dispenses: DISPENSES_FEBRUARY,
    });
    expect(anomalies).toEqual([
      {
        anomalyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        type: 'not_affiliated',
        siret: BORDEAUX,
        establishmentName: 'Brasserie des Quais Bordeaux',
        firstName: 'Lucas',
        lastName: 'PETIT',
        nir: NIR.lucas,
        detail:
          'Déclaré en DSN (février 2026) sur le contrat HCR-S-004210 comme non cadre, mais ni affilié, ni en cours d’affiliation, ni dispensé.',
        affiliationDate: null,
        employeeId: null,
        contractNumber: null,
        dsnMonth: '2026-02',
        dsn: {
          siret: BORDEAUX,
          contractStartDate: '2026-02-02',
          statut: 'non_cadre',
          endDate: null,
          radiationReason: null,
          dsnReasonCode: null,
          nir: NIR.lucas,
          lastName: 'PETIT',
          usageName: null,
          firstNames: 'Lucas',
          birthDate: '2003-02-17',
          civilite: 'M',
          contractReferences: [NON_CADRE_CONTRACT],
        },
      },
      {
        anomalyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
        type: 'ended_still_affiliated',
        siret: MERIGNAC,
        establishmentName: 'Brasserie des Quais Mérignac',
        firstName: 'François',
        lastName: 'Dupuis',
        nir: NIR.francois,
        detail: 'Fin de contrat déclarée en DSN (février 2026) au 15/02/2026 (démission), toujours affilié.',
        affiliationDate: '2018-04-03',
        employeeId: 'E-FRANCOIS',
        contractNumber: NON_CADRE_CONTRACT,
        dsnMonth: '2026-02',
        dsn: expect.objectContaining({
          endDate: '2026-02-15',
          radiationReason: 'demission',
          dsnReasonCode: '059',
        }),
      },
    ]);
  });

  it('finds the statut, establishment and identity differences, and tolerates spelling variants', () => {
    const anomalies = detectAnomalies({
      ...quais,
      dsn: fixture('2026-03-ecarts'),
      insured: INSURED_MARCH,
      requests: [],
      dispenses: DISPENSES_FEBRUARY,
    });
    expect(anomalies.map((anomaly) => [anomaly.type, anomaly.employeeId, anomaly.detail])).toEqual([
      [
        'identity_mismatch',
        'E-ELODIE',
        'Identité différente entre la DSN (mars 2026) et l’affiliation : date de naissance 21/04/1988 en DSN, 12/04/1988 à l’affiliation.',
      ],
      ['statut_mismatch', 'E-JB', 'Déclaré en DSN (mars 2026) comme non cadre, affilié comme cadre.'],
      [
        'establishment_mismatch',
        'E-AMELIE',
        'Déclaré en DSN (mars 2026) dans l’établissement Brasserie des Quais Bordeaux (SIRET 819 473 521 00014), affilié dans l’établissement Brasserie des Quais Mérignac (SIRET 819 473 521 00022).',
      ],
      [
        'identity_mismatch',
        'E-CHLOE',
        'Identité différente entre la DSN (mars 2026) et l’affiliation : numéro de sécurité sociale 2 79 12 •• ••• ••• 10 en DSN, 2 79 12 •• ••• ••• 01 à l’affiliation.',
      ],
    ]);
  });

  it('finds nothing more in February once its anomalies are resolved', () => {
    expect(
      detectAnomalies({
        ...quais,
        dsn: fixture('2026-02-embauche-et-depart'),
        insured: INSURED_MARCH,
        requests: [],
        dispenses: DISPENSES_FEBRUARY,
      }),
    ).toEqual([]);
  });
});

describe('declared with the scheme but not affiliated', () => {
  it('is an anomaly for an employee with no affiliation, request or dispense', () => {
    const [anomaly, ...others] = detect({ insured: [] });
    expect(others).toEqual([]);
    expect(anomaly).toMatchObject({
      type: 'not_affiliated',
      siret: SITE_A,
      establishmentName: 'Hôtel du Port',
      firstName: 'Élodie',
      lastName: 'LEFÈVRE',
      nir: NIR.elodie,
      detail:
        'Déclaré en DSN (janvier 2026) sur le contrat HCR-S-000101 comme non cadre, mais ni affilié, ni en cours d’affiliation, ni dispensé.',
      dsn: { statut: 'non_cadre', siret: SITE_A, contractStartDate: '2020-03-01', civilite: 'MME' },
    });
  });

  it('is nothing for an affiliated employee whose DSN matches', () => {
    expect(detect()).toEqual([]);
  });

  it.each(['sent', 'started', 'finalized'] as const)(
    'is nothing while the affiliation request is %s',
    (status) => {
      expect(detect({ insured: [], requests: [{ nir: NIR.elodie, status }] })).toEqual([]);
    },
  );

  it('is an anomaly when the only request was abandoned', () => {
    expect(types(detect({ insured: [], requests: [{ nir: NIR.elodie, status: 'abandoned' }] }))).toEqual([
      'not_affiliated',
    ]);
  });

  it.each([
    ['validated without end', { state: 'validated', endDate: null }],
    ['validated, ending during the month', { state: 'validated', endDate: '2026-01-15' }],
    ['awaiting the employer’s decision', { state: 'pending', endDate: null }],
  ] as const)('is nothing for a dispense %s', (_, dispense) => {
    expect(detect({ insured: [], dispenses: [{ nir: NIR.elodie, ...dispense }] })).toEqual([]);
  });

  it.each([
    ['refused', { state: 'refused', endDate: null }],
    ['ended before the month', { state: 'validated', endDate: '2025-12-31' }],
  ] as const)('is an anomaly when the dispense was %s', (_, dispense) => {
    expect(types(detect({ insured: [], dispenses: [{ nir: NIR.elodie, ...dispense }] }))).toEqual([
      'not_affiliated',
    ]);
  });

  it('is nothing for an employee not declared with the scheme', () => {
    expect(detect({ insured: [], employees: [declared({ affiliations: [] })] })).toEqual([]);
    const otherInsurer = [{ contractReference: 'PRV-77', organisme: 'P0001' }];
    expect(detect({ insured: [], employees: [declared({ affiliations: otherInsurer })] })).toEqual([]);
    // Our contract number, but another organisme: a homonym contract of another insurer.
    const sameNumber = [{ contractReference: OURS, organisme: 'P0001' }];
    expect(detect({ insured: [], employees: [declared({ affiliations: sameNumber })] })).toEqual([]);
  });

  it('matches the contract reference without regard to spaces or case, and any organisme when none is given', () => {
    const scheme = { contractReferences: [' hcr-s-000101 '] };
    const anyOrganisme = [{ contractReference: OURS, organisme: 'P0001' }];
    expect(
      types(detect({ insured: [], scheme, employees: [declared({ affiliations: anyOrganisme })] })),
    ).toEqual(['not_affiliated']);
  });

  it('is an anomaly for an insured radiated before the month who is still declared', () => {
    expect(types(detect({ insured: [affiliation({ endDate: '2025-12-31' })] }))).toEqual(['not_affiliated']);
  });

  it('is nothing for insured people absent from the DSN, radiated or not', () => {
    const absent = [
      affiliation({ employeeId: 'E-2', nir: NIR.francois, endDate: '2025-10-31' }),
      affiliation({ employeeId: 'E-3', nir: NIR.amelie }),
    ];
    expect(detect({ insured: [affiliation(), ...absent] })).toEqual([]);
  });

  it('says when the undeclared employee already left during the month', () => {
    const left = declared({ contracts: [contract({ end: { date: '2026-01-20', dsnReasonCode: '031' } })] });
    const [anomaly] = detect({ insured: [], employees: [left] });
    expect(anomaly?.detail).toMatch(/ Contrat terminé le 20\/01\/2026\.$/);
    expect(anomaly?.dsn).toMatchObject({ endDate: '2026-01-20', radiationReason: 'fin_cdd' });
  });

  it('flags an employee known only by a numéro technique temporaire, without NIR', () => {
    const [anomaly] = detect({
      insured: [],
      employees: [declared({ nir: null, temporaryNumber: 'NTT0042', sex: 'F' })],
    });
    expect(anomaly).toMatchObject({ type: 'not_affiliated', nir: null });
  });
});

describe('contract ended in DSN but still affiliated', () => {
  const resigned = declared({ contracts: [contract({ end: { date: '2026-01-31', dsnReasonCode: '059' } })] });

  it('is an anomaly while the affiliation has no end date, with the DSN end date and reason', () => {
    const [anomaly, ...others] = detect({ employees: [resigned] });
    expect(others).toEqual([]);
    expect(anomaly).toMatchObject({
      type: 'ended_still_affiliated',
      employeeId: 'E-1',
      firstName: 'Élodie',
      lastName: 'Lefèvre',
      affiliationDate: '2020-03-01',
      contractNumber: 'HCR-S-000101',
      detail: 'Fin de contrat déclarée en DSN (janvier 2026) au 31/01/2026 (démission), toujours affilié.',
      dsn: { endDate: '2026-01-31', radiationReason: 'demission', dsnReasonCode: '059' },
    });
  });

  it('is an anomaly when the radiation comes later than the end of contract', () => {
    const [anomaly] = detect({ employees: [resigned], insured: [affiliation({ endDate: '2026-03-31' })] });
    expect(anomaly?.detail).toBe(
      'Fin de contrat déclarée en DSN (janvier 2026) au 31/01/2026 (démission), radié seulement au 31/03/2026.',
    );
  });

  it.each(['2026-01-31', '2026-01-15'])('is nothing once radiated on or before the end (%s)', (endDate) => {
    expect(detect({ employees: [resigned], insured: [affiliation({ endDate })] })).toEqual([]);
  });

  it('is nothing when the end is an annulment (099) or a transfer without rupture (998)', () => {
    for (const dsnReasonCode of ['099', '998', '100']) {
      const moved = declared({ contracts: [contract({ end: { date: '2026-01-31', dsnReasonCode } })] });
      expect(detect({ employees: [moved] })).toEqual([]);
    }
  });

  it('is nothing when a CDD ends and another starts', () => {
    const renewed = declared({
      contracts: [
        contract({ nature: '02', end: { date: '2026-01-10', dsnReasonCode: '031' } }),
        contract({ nature: '02', startDate: '2026-01-11', number: '00002' }),
      ],
    });
    expect(detect({ employees: [renewed] })).toEqual([]);
  });

  it('keeps an unmapped motif as "autre" and names it in the detail', () => {
    const trial = declared({ contracts: [contract({ end: { date: '2026-01-12', dsnReasonCode: '034' } })] });
    const [anomaly] = detect({ employees: [trial] });
    expect(anomaly?.dsn).toMatchObject({ radiationReason: 'autre', dsnReasonCode: '034' });
    expect(anomaly?.detail).toContain('(fin de période d’essai à l’initiative de l’employeur)');
  });

  it('flags each affiliation still running, not one that starts after the end', () => {
    const insured = [
      affiliation(),
      affiliation({ employeeId: 'E-1P', contractNumber: 'HCR-P-000107' }),
      affiliation({ employeeId: 'E-1X', contractNumber: 'HCR-S-000102', effectiveDate: '2026-02-01' }),
    ];
    expect(detect({ employees: [resigned], insured }).map((a) => a.employeeId)).toEqual(['E-1', 'E-1P']);
  });
});

describe('identity', () => {
  it('is an anomaly when the NIR matches but the name differs', () => {
    const [anomaly] = detect({ employees: [declared({ lastName: 'DURAND', usageName: null })] });
    expect(anomaly).toMatchObject({
      type: 'identity_mismatch',
      employeeId: 'E-1',
      detail:
        'Identité différente entre la DSN (janvier 2026) et l’affiliation : nom « DURAND » en DSN, « Lefèvre » à l’affiliation.',
    });
  });

  it('accepts the nom d’usage or the nom de famille, whatever the case, accents and separators', () => {
    expect(detect({ insured: [affiliation({ lastName: 'Martin', birthName: null })] })).toEqual([]);
    expect(detect({ employees: [declared({ usageName: 'LEFEVRE', firstNames: 'ELODIE' })] })).toEqual([]);
    const gael = declared({
      nir: NIR.gael,
      lastName: 'LE FLOCH',
      usageName: null,
      firstNames: 'GAEL',
      birthDate: '1990-05-08',
    });
    const insured = affiliation({
      nir: NIR.gael,
      lastName: "Le Floc'h",
      birthName: null,
      firstName: 'Gaël',
      birthDate: '1990-05-08',
    });
    expect(detect({ employees: [gael], insured: [insured] })).toEqual([]);
    const jb = declared({
      nir: NIR.jeanBaptiste,
      lastName: 'MOREAU',
      usageName: null,
      firstNames: 'JEAN BAPTISTE PAUL',
      birthDate: '1975-11-03',
    });
    const moreau = affiliation({
      nir: NIR.jeanBaptiste,
      lastName: 'Moreau',
      birthName: null,
      firstName: 'Jean-Baptiste',
      birthDate: '1975-11-03',
    });
    expect(detect({ employees: [jb], insured: [moreau] })).toEqual([]);
  });

  it('accepts any of the declared prénoms, not another one', () => {
    expect(detect({ insured: [affiliation({ firstName: 'Anne' })] })).toEqual([]);
    expect(detect({ insured: [affiliation({ firstName: 'Annie' })] })[0]?.detail).toContain(
      'prénom « Élodie Anne » en DSN, « Annie » à l’affiliation',
    );
  });

  it('is an anomaly when the birth date differs', () => {
    expect(detect({ insured: [affiliation({ birthDate: '1988-04-21' })] })[0]?.detail).toBe(
      'Identité différente entre la DSN (janvier 2026) et l’affiliation : date de naissance 12/04/1988 en DSN, 21/04/1988 à l’affiliation.',
    );
  });

  it('recognises the person by name and birth date when the NIR differs, and shows only masked NIRs', () => {
    const anomalies = detect({ insured: [affiliation({ nir: NIR.chloe })] });
    expect(types(anomalies)).toEqual(['identity_mismatch']);
    expect(anomalies[0]?.detail).toBe(
      'Identité différente entre la DSN (janvier 2026) et l’affiliation : numéro de sécurité sociale 2 88 04 •• ••• ••• 34 en DSN, 2 79 12 •• ••• ••• 01 à l’affiliation.',
    );
    expect(anomalies[0]?.detail).not.toContain(NIR.elodie.slice(5, 13));
  });

  it('does not guess between two insured people with the same name and birth date', () => {
    const twins = [affiliation({ nir: NIR.chloe }), affiliation({ employeeId: 'E-2', nir: NIR.amelie })];
    expect(types(detect({ insured: twins }))).toEqual(['not_affiliated']);
  });

  it('compares a person without NIR by name and birth date, without calling it an identity anomaly', () => {
    const ntt = declared({
      nir: null,
      temporaryNumber: 'NTT0042',
      sex: 'F',
      contracts: [contract({ statut: 'cadre' })],
    });
    expect(types(detect({ employees: [ntt] }))).toEqual(['statut_mismatch']);
  });
});

describe('statut and establishment', () => {
  it('is an anomaly when the DSN statut differs from the affiliation', () => {
    const cadre = declared({ contracts: [contract({ statut: 'cadre' })] });
    const [anomaly] = detect({ employees: [cadre] });
    expect(anomaly).toMatchObject({
      type: 'statut_mismatch',
      detail: 'Déclaré en DSN (janvier 2026) comme cadre, affilié comme non cadre.',
      dsn: { statut: 'cadre' },
      employeeId: 'E-1',
    });
  });

  it('counts the extension cadre (02) as cadre', () => {
    const assimilated = declared({
      contracts: [contract({ statut: 'non_cadre', retirementCategory: '02' })],
    });
    expect(detect({ employees: [assimilated], insured: [affiliation({ statut: 'cadre' })] })).toEqual([]);
  });

  it('is an anomaly when declared in another establishment', () => {
    const [anomaly] = detect({ employees: [], siteB: [declared()] });
    expect(anomaly).toMatchObject({
      type: 'establishment_mismatch',
      siret: SITE_B,
      establishmentName: 'Café de la Gare',
      dsn: { siret: SITE_B },
      detail: `Déclaré en DSN (janvier 2026) dans l’établissement Café de la Gare (SIRET 732 829 320 00025), affilié dans l’établissement Hôtel du Port (SIRET 732 829 320 00017).`,
    });
  });

  it('follows a transfer within the month to the establishment of the running contract', () => {
    const leftA = declared({ contracts: [contract({ end: { date: '2026-01-14', dsnReasonCode: '998' } })] });
    const joinedB = declared({ contracts: [contract({ startDate: '2026-01-15', number: '00002' })] });
    expect(
      detect({ employees: [leftA], siteB: [joinedB], insured: [affiliation({ siret: SITE_B })] }),
    ).toEqual([]);
    expect(types(detect({ employees: [leftA], siteB: [joinedB] }))).toEqual(['establishment_mismatch']);
  });

  it('flags each affiliation concerned', () => {
    const insured = [affiliation(), affiliation({ employeeId: 'E-1P', contractNumber: 'HCR-P-000107' })];
    const cadre = declared({ contracts: [contract({ statut: 'cadre' })] });
    expect(detect({ employees: [cadre], insured }).map((a) => [a.type, a.employeeId])).toEqual([
      ['statut_mismatch', 'E-1'],
      ['statut_mismatch', 'E-1P'],
    ]);
  });
});

describe('anomaly keys', () => {
  const cadre = declared({ contracts: [contract({ statut: 'cadre' })] });

  it('are the same for the same situation, from one import or one month to the next', () => {
    const january = detect({ employees: [cadre] });
    expect(detect({ employees: [cadre] })).toEqual(january);
    expect(detect({ employees: [cadre], month: '2026-02' }).map((a) => a.anomalyKey)).toEqual(
      january.map((a) => a.anomalyKey),
    );
  });

  it('differ between situations', () => {
    const statut = detect({ employees: [cadre] })[0]?.anomalyKey;
    const establishment = detect({ employees: [], siteB: [declared()] })[0]?.anomalyKey;
    const identity = detect({ insured: [affiliation({ birthDate: '1988-04-21' })] })[0]?.anomalyKey;
    const otherIdentity = detect({ insured: [affiliation({ birthDate: '1988-04-22' })] })[0]?.anomalyKey;
    const keys = [statut, establishment, identity, otherIdentity];
    expect(keys.every((key) => /^[0-9a-f]{32}$/.test(key ?? ''))).toBe(true);
    expect(new Set(keys).size).toBe(4);
  });

  it('change for a new employment contract of a person seen before', () => {
    const first = detect({ insured: [] })[0]?.anomalyKey;
    const rehired = declared({ contracts: [contract({ startDate: '2026-01-05', number: '00009' })] });
    expect(detect({ insured: [], employees: [rehired] })[0]?.anomalyKey).not.toBe(first);
  });
});

describe('wording', () => {
  it('names the month in French', () => {
    expect(monthLabel('2026-01')).toBe('janvier 2026');
    expect(monthLabel('2025-08')).toBe('août 2025');
    expect(monthLabel('2025-12')).toBe('décembre 2025');
  });

  it('uses the anomaly types of the API contract', () => {
    expect([...ANOMALY_TYPE_VALUES].sort()).toEqual(Object.keys(ANOMALY_TYPES).sort());
  });
});
