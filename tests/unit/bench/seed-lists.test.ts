import { describe, expect, it } from 'vitest';
import { generateCompanyDataset } from '../../../bin/local/demo-data';
import { parseDsn } from '../../../functions/domain/dsn/parse-dsn';
import { writeDsn } from '../../../functions/domain/dsn/write-dsn';
import { isValidNir, maskNir } from '../../../functions/domain/nir';
import { parsePreAffiliationCsv } from '../../../functions/use-cases/affiliation/import-pre-affiliations';
import { People, isoDay, preAffiliationCsv, type PreAffiliationLine } from '../../../bench/people';
import { SPA_PAGE_SIZE, listDataCounts, monthlyDsn } from '../../../bench/seed-lists';

const dataset = generateCompanyDataset({
  seed: 31_415,
  companyNumber: 'BENCHTEST1',
  name: 'Brasserie du Test',
  establishments: 2,
  insured: 60,
});

describe('bench data for the lists of issues #7 and #8', () => {
  it('gives the 20k company a share of its workforce and the 50 company at least a full SPA page', () => {
    const big = listDataCounts(20_000, 111);
    expect(big).toEqual({
      affiliationRequests: 3_000,
      courriers: 450,
      dispenses: 200,
      notAffiliated: 400,
      endedStillAffiliated: 200,
    });
    const small = listDataCounts(50, 0);
    expect(small.affiliationRequests).toBe(SPA_PAGE_SIZE + 1);
    expect(small.dispenses).toBe(SPA_PAGE_SIZE + 1);
    expect(small.notAffiliated + small.endedStillAffiliated).toBeGreaterThan(SPA_PAGE_SIZE);
  });

  it('keeps enough items for the routes that use one up per call, however many calls', () => {
    const counts = listDataCounts(2_000, 400);
    expect(counts.courriers).toBeGreaterThanOrEqual(800);
    expect(counts.affiliationRequests - counts.courriers).toBeGreaterThanOrEqual(800);
    expect(counts.notAffiliated).toBeGreaterThanOrEqual(800);
    expect(counts.endedStillAffiliated).toBeGreaterThanOrEqual(400);
    expect(counts.dispenses).toBeGreaterThanOrEqual(400);
  });

  it('draws people with valid, unique NIRs that no insured person has', () => {
    const people = new People(1);
    const insured = new Set(dataset.rows.assures.map((row) => row.nir));
    people.exclude(insured);
    const drawn = Array.from({ length: 500 }, () => people.next());
    expect(drawn.every((person) => isValidNir(person.nir))).toBe(true);
    expect(new Set(drawn.map((person) => person.nir)).size).toBe(500);
    expect(drawn.some((person) => insured.has(person.nir))).toBe(false);
    expect(new Set(drawn.map((person) => person.email)).size).toBe(500);
  });

  it('finds a person again from what a list shows (masked NIR and names)', () => {
    const people = new People(2);
    const [first, second] = [people.next(), people.next()];
    expect(people.find({ ...second!, maskedNir: maskNir(second!.nir) })).toBe(second);
    expect(people.find({ ...first!, maskedNir: maskNir(second!.nir) })).toBeUndefined();
  });

  it('writes a pré-affiliation CSV the product’s import reads without a single error', () => {
    const people = new People(3);
    const lines: PreAffiliationLine[] = Array.from({ length: 40 }, (_, index) => ({
      person: people.next(),
      siret: dataset.summary.mainSiret,
      statut: index % 5 === 0 ? 'cadre' : 'non_cadre',
      byEmail: index % 4 !== 0,
      hireDate: isoDay(-index),
    }));
    const parsed = parsePreAffiliationCsv(preAffiliationCsv(lines));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(40);
    expect(parsed.rows.filter((row) => row.request.employee.email === undefined)).toHaveLength(10);
    expect(parsed.rows[1]!.request.employee.nir).toBe(lines[1]!.person.nir);
  });

  it('writes a monthly DSN declaring the covered insured, the leavers and the unaffiliated hires', () => {
    const people = new People(4);
    const hires = Array.from({ length: 7 }, () => ({
      person: people.next(),
      siret: dataset.summary.mainSiret,
      statut: 'non_cadre' as const,
    }));
    const parsed = parseDsn(writeDsn(monthlyDsn(dataset, '2026-11', hires, 5)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const employees = parsed.dsn.declaredEstablishments.flatMap((establishment) => establishment.employees);
    const covered = dataset.rows.assures.filter((row) => !row.date_fin);
    expect(employees).toHaveLength(covered.length + 7);
    const leavers = employees.filter((employee) => employee.contracts.some((contract) => contract.end));
    expect(leavers).toHaveLength(5);
    expect(leavers.every((employee) => employee.contracts[0]!.end!.date === '2026-11-01')).toBe(true);
    expect(employees.map((employee) => employee.nir)).toEqual(
      expect.arrayContaining(hires.map((hire) => hire.person.nir)),
    );
  });
});
