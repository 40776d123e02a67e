import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  backOfficeHeaders,
  backOfficeRecordKinds,
  backOfficeRowSchemas,
  type BackOfficeRecordKind,
} from '../../functions/contracts/back-office-import';
import { isValidSiret } from '../../functions/domain/siret';
import {
  DEMO_COMPANIES,
  DEMO_REFERENCE_DATE,
  DEMO_UNACTIVATED_COMPANY,
  generateCompanyDataset,
  generateDemoDataset,
  toBackOfficeCsv,
  type BackOfficeRows,
} from '../../bin/local/demo-data';

/** Reads a feed file the way the import does: `;`, header row, every cell as text. */
function readCsv<K extends BackOfficeRecordKind>(
  _kind: K,
  text: string,
): { header: string[]; rows: BackOfficeRows[K] } {
  const [header = []] = parse(text, { delimiter: ';', to_line: 1 }) as string[][];
  const rows = parse(text, { delimiter: ';', columns: true, skip_empty_lines: true }) as BackOfficeRows[K];
  return { header, rows };
}

const demo = generateDemoDataset();
const files = {
  entreprises: readCsv('entreprises', demo.entreprises),
  etablissements: readCsv('etablissements', demo.etablissements),
  contrats: readCsv('contrats', demo.contrats),
  assures: readCsv('assures', demo.assures),
  ayants_droit: readCsv('ayants_droit', demo.ayants_droit),
};
const { entreprises, etablissements, contrats, assures, ayants_droit: ayantsDroit } = files;

const yearsBetween = (from: string, to: string): number => {
  const [fromYear, fromRest] = [Number(from.slice(0, 4)), from.slice(5)];
  const [toYear, toRest] = [Number(to.slice(0, 4)), to.slice(5)];
  return toYear - fromYear - (toRest < fromRest ? 1 : 0);
};

describe('demo back-office feed', () => {
  it.each(backOfficeRecordKinds)('writes the documented header for %s', (kind) => {
    expect(files[kind].header).toEqual(backOfficeHeaders[kind]);
  });

  it.each(backOfficeRecordKinds)('writes only %s rows that the import accepts', (kind) => {
    const rejected = files[kind].rows
      .map((row, index) => ({ line: index + 2, result: backOfficeRowSchemas[kind].safeParse(row) }))
      .filter(({ result }) => !result.success)
      .map(({ line, result }) => ({ line, issues: result.error?.issues }));
    expect(rejected).toEqual([]);
  });

  it('has at least 3 companies, one of them with 3 establishments or more in different cities', () => {
    expect(entreprises.rows.length).toBeGreaterThanOrEqual(3);
    const citiesByCompany = new Map<string, Set<string>>();
    for (const row of etablissements.rows) {
      const cities = citiesByCompany.get(row.identifiant_entreprise) ?? new Set();
      cities.add(row.ville);
      citiesByCompany.set(row.identifiant_entreprise, cities);
    }
    expect(Math.max(...[...citiesByCompany.values()].map((cities) => cities.size))).toBeGreaterThanOrEqual(3);
  });

  it('has a Malakoff Humanis company identified by its numéro d’adhérent', () => {
    expect(entreprises.rows.some((row) => row.libelle_identifiant === 'numero_adherent')).toBe(true);
  });

  it('gives every company a main SIRET that is one of its establishments', () => {
    for (const company of entreprises.rows) {
      const own = etablissements.rows.filter(
        (row) => row.identifiant_entreprise === company.identifiant_entreprise,
      );
      expect(own.map((row) => row.siret)).toContain(company.siret_principal);
    }
  });

  it('gives every company cadre and non-cadre contracts, in santé and prévoyance, some of them ended', () => {
    for (const company of entreprises.rows) {
      const own = contrats.rows.filter(
        (row) => row.identifiant_entreprise === company.identifiant_entreprise,
      );
      const kinds = new Set(own.map((row) => `${row.statut}/${row.risque}`));
      expect([...kinds].sort()).toEqual([
        'cadre/prevoyance',
        'cadre/sante',
        'non_cadre/prevoyance',
        'non_cadre/sante',
      ]);
      expect(own.some((row) => row.date_fin !== '')).toBe(true);
      for (const row of own) expect(row.contrat_employeur).toMatch(/^HCR-[SP]-\d{6}$/);
    }
    expect(new Set(contrats.rows.map((row) => row.contrat_employeur)).size).toBe(contrats.rows.length);
  });

  it('has at least 200 insured people, about a tenth of them radiated with a reason', () => {
    expect(assures.rows.length).toBeGreaterThanOrEqual(200);
    const radiated = assures.rows.filter((row) => row.date_fin !== '');
    expect(radiated.length / assures.rows.length).toBeGreaterThan(0.05);
    expect(radiated.length / assures.rows.length).toBeLessThan(0.2);
    for (const row of radiated) {
      expect(row.motif_radiation).not.toBe('');
      expect(row.date_fin > row.date_effet).toBe(true);
      expect(row.date_fin <= DEMO_REFERENCE_DATE).toBe(true);
    }
  });

  it('puts each insured person on an open santé contract of their company, in one of its establishments', () => {
    for (const row of assures.rows) {
      const contract = contrats.rows.find(
        (candidate) =>
          candidate.identifiant_entreprise === row.identifiant_entreprise &&
          candidate.contrat_employeur === row.contrat_employeur,
      );
      expect(contract?.risque).toBe('sante');
      expect(contract?.date_fin).toBe('');
      expect(row.date_effet >= (contract?.date_effet ?? '9999-12-31')).toBe(true);
      const establishment = etablissements.rows.find((candidate) => candidate.siret === row.siret);
      expect(establishment?.identifiant_entreprise).toBe(row.identifiant_entreprise);
    }
  });

  it('gives each insured person a NIR consistent with their civilité and date of birth', () => {
    for (const row of assures.rows) {
      const nir = row.nir;
      expect(nir[0]).toBe(row.civilite === 'M' ? '1' : '2');
      expect(nir.slice(1, 3)).toBe(row.date_naissance.slice(2, 4));
      expect(nir.slice(3, 5)).toBe(row.date_naissance.slice(5, 7));
      expect(yearsBetween(row.date_naissance, row.date_effet)).toBeGreaterThanOrEqual(18);
    }
  });

  it('includes people born in Corse-du-Sud (2A) and in Haute-Corse (2B)', () => {
    const departments = new Set(assures.rows.map((row) => row.nir.slice(5, 7)));
    expect(departments).toContain('2A');
    expect(departments).toContain('2B');
  });

  it('never uses the same NIR twice, insured people and beneficiaries together', () => {
    const nirs = [...assures.rows.map((row) => row.nir), ...ayantsDroit.rows.map((row) => row.nir)].filter(
      (nir) => nir !== '',
    );
    expect(new Set(nirs).size).toBe(nirs.length);
  });

  it('writes names with accents, hyphens and apostrophes, and birth names of married women', () => {
    const names = assures.rows.flatMap((row) => [row.nom, row.prenom]).join('|');
    expect(names).toMatch(/[éèëïçô]/);
    expect(names).toMatch(/\p{L}-\p{L}/u);
    expect(names).toMatch(/['’]/);
    const birthNames = assures.rows.filter((row) => row.nom_naissance !== '');
    expect(birthNames.length).toBeGreaterThan(0);
    for (const row of birthNames) {
      expect(row.civilite).toBe('MME');
      expect(row.nom_naissance).not.toBe(row.nom);
    }
  });

  it('mixes insured people with and without e-mail, and Noémie yes and no', () => {
    expect(new Set(assures.rows.map((row) => row.email === ''))).toEqual(new Set([true, false]));
    expect(new Set(assures.rows.map((row) => row.teletransmission_noemie))).toEqual(new Set(['oui', 'non']));
  });

  it('gives a conjoint to about 30 % and children to about 35 % of the insured people', () => {
    const insuredWith = (lien: string) =>
      new Set(ayantsDroit.rows.filter((row) => row.lien === lien).map((row) => row.nir_assure)).size /
      assures.rows.length;
    expect(insuredWith('conjoint')).toBeGreaterThan(0.2);
    expect(insuredWith('conjoint')).toBeLessThan(0.4);
    expect(insuredWith('enfant')).toBeGreaterThan(0.25);
    expect(insuredWith('enfant')).toBeLessThan(0.45);
  });

  it('attaches every beneficiary to an existing insured person, on that person’s contract', () => {
    const insured = new Set(
      assures.rows.map((row) => `${row.identifiant_entreprise}/${row.contrat_employeur}/${row.nir}`),
    );
    for (const row of ayantsDroit.rows) {
      expect(insured.has(`${row.identifiant_entreprise}/${row.contrat_employeur}/${row.nir_assure}`)).toBe(
        true,
      );
    }
  });

  it('has children born after their parent turned 18, most of them without a NIR of their own', () => {
    const birthOf = new Map(assures.rows.map((row) => [row.nir, row.date_naissance]));
    const children = ayantsDroit.rows.filter((row) => row.lien === 'enfant');
    for (const child of children) {
      expect(yearsBetween(birthOf.get(child.nir_assure) ?? '', child.date_naissance)).toBeGreaterThanOrEqual(
        18,
      );
      expect(child.date_naissance < DEMO_REFERENCE_DATE).toBe(true);
    }
    const withNir = children.filter((child) => child.nir !== '').length;
    expect(withNir).toBeGreaterThan(0);
    expect(withNir).toBeLessThan(children.length / 2);
  });

  it('is the same on every run', () => {
    expect(generateDemoDataset()).toEqual(demo);
  });
});

describe('demo companies', () => {
  it('describes each company of the feed with its establishments', () => {
    expect(DEMO_COMPANIES.map((company) => company.companyNumber)).toEqual(
      entreprises.rows.map((row) => row.identifiant_entreprise),
    );
    for (const company of DEMO_COMPANIES) {
      const own = etablissements.rows.filter((row) => row.identifiant_entreprise === company.companyNumber);
      expect(company.establishmentSirets).toEqual(own.map((row) => row.siret));
      expect(company.mainSiret).toBe(company.establishmentSirets[0]);
      expect(company.establishmentSirets.every(isValidSiret)).toBe(true);
      expect(assures.rows.filter((row) => row.identifiant_entreprise === company.companyNumber)).toHaveLength(
        company.insured,
      );
    }
  });

  it('leaves one company to activate, named by the SIRET of its main establishment', () => {
    const company = entreprises.rows.find(
      (row) => row.identifiant_entreprise === DEMO_UNACTIVATED_COMPANY.companyNumber,
    );
    expect(company?.siret_principal).toBe(DEMO_UNACTIVATED_COMPANY.siret);
    expect(company?.raison_sociale).toBe(DEMO_UNACTIVATED_COMPANY.name);
  });
});

describe('generateCompanyDataset', () => {
  it('makes a company of 20,000 insured people, quickly, with rows the import accepts', () => {
    const started = performance.now();
    const { summary, rows } = generateCompanyDataset({
      seed: 20_000,
      companyNumber: 'BENCH20000',
      name: 'Grands Hôtels du Benchmark',
      establishments: 12,
      insured: 20_000,
    });
    const csv = toBackOfficeCsv(rows);
    const elapsed = performance.now() - started;

    expect(summary.establishmentSirets).toHaveLength(12);
    const { rows: insured } = readCsv('assures', csv.assures);
    expect(insured).toHaveLength(20_000);
    expect(new Set(insured.map((row) => row.nir)).size).toBe(20_000);
    // A sample is enough here: the demo feed above checks every row of every kind.
    for (const row of insured.filter((_, index) => index % 97 === 0)) {
      expect(backOfficeRowSchemas.assures.safeParse(row).success).toBe(true);
    }
    // Generous bound for slow CI machines; it takes well under a second on a laptop.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('makes a small company of 50 insured people on one establishment', () => {
    const { summary, rows } = generateCompanyDataset({
      seed: 50,
      companyNumber: 'SMALL50',
      name: 'Le Petit Bistrot',
      establishments: 1,
      insured: 50,
    });
    expect(summary.establishmentSirets).toEqual([summary.mainSiret]);
    expect(rows.assures).toHaveLength(50);
    expect(rows.assures.every((row) => row.siret === summary.mainSiret)).toBe(true);
  });

  it('refuses a company number the feed would reject', () => {
    expect(() =>
      generateCompanyDataset({ seed: 1, companyNumber: 'abc', name: 'X', establishments: 1, insured: 1 }),
    ).toThrow(RangeError);
  });
});
