import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomalySummary, HomeSummary } from '../../../functions/contracts/anomalies';
import { encodeLatin1, writeDsn } from '../../../functions/domain/dsn/write-dsn';
import { maskNir } from '../../../functions/domain/nir';
import { formatSiret } from '../../../functions/domain/siret';
import {
  activeInsured,
  asDeclared,
  currentMonth,
  departed,
  dsnOf,
  importDsnFile,
  newHire,
  misdated,
  moved,
  promoted,
} from '../../support/dsn';
import { freshEmployer, type Employer } from '../../support/pre-affiliation';

/**
 * The monthly DSN through the real path (file in the inbound bucket → importDsn trigger →
 * report next to the file), for companies of their own whose DSN is written from their rows.
 */
interface Page {
  items: AnomalySummary[];
  cursor: string | null;
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/dsn/${name}`, import.meta.url));
const month = currentMonth();
const previousMonth = () => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
};

async function anomalies(employer: Employer, query = '') {
  const page = await employer.call<Page>('GET', `${employer.base}/anomalies${query}`);
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.items;
}
const summary = async (employer: Employer) =>
  (await employer.call<HomeSummary>('GET', `${employer.base}/home-summary`)).body;

describe('DSN import', () => {
  describe('a DSN with one of each anomaly', () => {
    let employer: Employer;
    let text: string;
    let hire: ReturnType<typeof newHire>;
    const people: Record<string, ReturnType<typeof asDeclared>> = {};

    beforeAll(async () => {
      employer = await freshEmployer({ insured: 8, establishments: 2 });
      const { dataset } = employer;
      const [leaver, promotedRow, mover, typo, ...others] = activeInsured(dataset);
      hire = newHire(dataset, { siret: dataset.summary.establishmentSirets[1] });
      people.leaver = departed(asDeclared(dataset, leaver!), `${month}-01`, 'demission');
      people.promoted = promoted(dataset, promotedRow!);
      people.mover = moved(dataset, mover!);
      people.typo = misdated(dataset, typo!);
      // Payroll software writes the typographic apostrophe of some names as ASCII (ISO-8859-1 has none).
      text = writeDsn(
        dsnOf(dataset, month, [
          people.leaver,
          people.promoted,
          people.mover,
          people.typo,
          hire,
          ...others.map((row) => asDeclared(dataset, row)),
        ]),
      ).replace(/’/g, "'");
    });

    it('starts with nothing counted and no DSN', async () => {
      expect(await summary(employer)).toEqual({
        affiliationRequests: { sent: 0, started: 0, finalized: 0, abandoned: 0 },
        openAnomalies: 0,
        pendingDispenses: 0,
        dispensesEndingSoon: 0,
        lastDsnMonth: null,
      });
    });

    it('raises one anomaly per situation, lists them with masked NIRs, and counts them on the home page', async () => {
      const report = await importDsnFile(text);
      expect(report).toMatchObject({
        kind: 'dsn',
        status: 'imported',
        month,
        companyId: employer.companyId,
        anomalies: { raised: 5, alreadyKnown: 0, corrected: 0 },
        rejected: [],
      });
      const open = await anomalies(employer);
      expect(open.map((anomaly) => anomaly.type).sort()).toEqual([
        'ended_still_affiliated',
        'establishment_mismatch',
        'identity_mismatch',
        'not_affiliated',
        'statut_mismatch',
      ]);
      // Newest first (ULIDs), every NIR masked, the establishment named.
      expect(open.map((anomaly) => anomaly.anomalyId)).toEqual(
        [...open.map((anomaly) => anomaly.anomalyId)].sort().reverse(),
      );
      const notAffiliated = open.find((anomaly) => anomaly.type === 'not_affiliated')!;
      expect(notAffiliated).toMatchObject({
        state: 'open',
        siret: hire.siret,
        lastName: hire.employee.lastName,
        firstName: hire.employee.firstNames.split(' ')[0],
        maskedNir: maskNir(hire.employee.nir!),
        affiliationDate: null,
        dsnMonth: month,
        dsn: { contractStartDate: `${month}-01`, statut: 'non_cadre', endDate: null, radiationReason: null },
        employeeId: null,
        resolution: null,
        version: 1,
      });
      expect(notAffiliated.establishmentName).not.toBe('');
      const leaving = open.find((anomaly) => anomaly.type === 'ended_still_affiliated')!;
      expect(leaving).toMatchObject({
        dsn: { endDate: `${month}-01`, radiationReason: 'demission' },
        employeeId: expect.any(String),
        affiliationDate: people.leaver!.employee.contracts[0]!.startDate,
      });
      expect(leaving.detail).toContain('démission');
      expect(JSON.stringify(open)).not.toContain(hire.employee.nir);

      expect(await summary(employer)).toMatchObject({ openAnomalies: 5, lastDsnMonth: month });
    });

    it('filters the list by type and by establishment within the open ones, and pages with a cursor', async () => {
      expect((await anomalies(employer, '?type=statut_mismatch')).map((anomaly) => anomaly.type)).toEqual([
        'statut_mismatch',
      ]);
      const second = employer.dataset.summary.establishmentSirets[1]!;
      const inSecond = await anomalies(employer, `?siret=${second}`);
      expect(inSecond.length).toBeGreaterThan(0);
      expect(inSecond.every((anomaly) => anomaly.siret === second)).toBe(true);
      expect(await anomalies(employer, '?state=resolved')).toEqual([]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page } = await employer.call<Page>(
          'GET',
          `${employer.base}/anomalies?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((anomaly) => anomaly.anomalyId));
        cursor = page.body.cursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(5);
    });

    it('changes nothing when the same DSN comes again, even re-encoded in ISO-8859-1 with CRLF', async () => {
      const before = await anomalies(employer);
      const again = await importDsnFile(text);
      expect(again).toMatchObject({ status: 'already_imported', anomalies: { raised: 0 } });
      const latin1 = await importDsnFile(encodeLatin1(text.replace(/\n/g, '\r\n')));
      expect(latin1).toMatchObject({ status: 'already_imported' });
      expect(await anomalies(employer)).toEqual(before);
      expect(await summary(employer)).toMatchObject({ openAnomalies: 5 });
    });

    it('refuses a DSN dropped in another company’s folder, and writes nothing', async () => {
      const other = await freshEmployer({ insured: 1 });
      const report = await importDsnFile(text, `${other.company.mainSiret}/tests`);
      expect(report.status).toBe('rejected');
      expect(report.rejected[0]!.reason).toContain(formatSiret(other.company.mainSiret));
      expect(await summary(other)).toMatchObject({ openAnomalies: 0, lastDsnMonth: null });
      expect(await summary(employer)).toMatchObject({ openAnomalies: 5 });
    });
  });

  describe('a malformed or foreign file', () => {
    let employer: Employer;
    beforeAll(async () => {
      employer = await freshEmployer({ insured: 3 });
    });

    it('is refused with the line of each error, and nothing is written', async () => {
      const { dataset } = employer;
      const lines = writeDsn(
        dsnOf(dataset, month, [
          newHire(dataset),
          ...activeInsured(dataset).map((row) => asDeclared(dataset, row)),
        ]),
      ).split('\n');
      const birthLine = lines.findIndex((line) => line.startsWith('S21.G00.30.006')) + 1;
      const nameLine = lines.findIndex((line) => line.startsWith('S21.G00.30.002')) + 1;
      lines[birthLine - 1] = "S21.G00.30.006,'30022001'";
      lines[nameLine - 1] = 'S21.G00.30.002,DUPONT';
      const report = await importDsnFile(lines.join('\n'));
      expect(report.status).toBe('rejected');
      expect(report.rejected.map((error) => error.line)).toEqual(
        expect.arrayContaining([birthLine, nameLine]),
      );
      expect(report.rejected.every((error) => error.reason.length > 10)).toBe(true);
      expect(await anomalies(employer)).toEqual([]);
      expect(await summary(employer)).toMatchObject({ openAnomalies: 0, lastDsnMonth: null });
    });

    it('reports the sample broken file’s eight errors by line', async () => {
      const report = await importDsnFile(fixture('2026-01-invalide.dsn'));
      expect(report.status).toBe('rejected');
      expect(report.rejected).toHaveLength(8);
      expect(report.rejected.every((error) => error.line > 0)).toBe(true);
    });

    it('refuses a DSN of establishments no company of the scheme has, naming the lines of their NIC', async () => {
      const report = await importDsnFile(fixture('2026-02-embauche-et-depart.dsn'));
      expect(report.status).toBe('rejected');
      const text = fixture('2026-02-embauche-et-depart.dsn').toString('utf8').split('\n');
      const nicLines = text.flatMap((line, index) => (line.startsWith('S21.G00.11.001') ? [index + 1] : []));
      expect(report.rejected.map((error) => error.line)).toEqual(nicLines);
      expect(report.rejected[0]!.reason).toMatch(/^Établissement inconnu : le SIRET 819 473 521 00014/);
    });
  });

  describe('the next months', () => {
    let employer: Employer;
    beforeAll(async () => {
      employer = await freshEmployer({ insured: 4 });
    });

    it('resolves as corrected an open anomaly a later DSN no longer shows for someone it declares', async () => {
      const { dataset } = employer;
      const everyone = activeInsured(dataset).map((row) => asDeclared(dataset, row));
      const hire = newHire(dataset, { startDate: `${previousMonth()}-01` });
      await importDsnFile(writeDsn(dsnOf(dataset, previousMonth(), [...everyone, hire])));
      const [raised] = await anomalies(employer);
      expect(raised).toMatchObject({ type: 'not_affiliated', dsnMonth: previousMonth() });
      expect(await summary(employer)).toMatchObject({ openAnomalies: 1, lastDsnMonth: previousMonth() });

      // The payroll no longer declares the new hire with the scheme (not its affiliation to give).
      const unaffiliated = { ...hire, employee: { ...hire.employee, affiliations: [] } };
      const report = await importDsnFile(writeDsn(dsnOf(dataset, month, [...everyone, unaffiliated])));
      expect(report).toMatchObject({ status: 'imported', anomalies: { raised: 0, corrected: 1 } });
      expect(await anomalies(employer)).toEqual([]);
      const [history] = await anomalies(employer, '?state=resolved');
      expect(history).toMatchObject({
        anomalyId: raised!.anomalyId,
        state: 'resolved',
        resolution: { how: 'corrected_by_dsn', by: '', dispenseId: null },
        version: 2,
      });
      expect(await summary(employer)).toMatchObject({ openAnomalies: 0, lastDsnMonth: month });

      // An older month imported late neither moves the month back nor reopens anything.
      const lateModel = dsnOf(dataset, previousMonth(), [...everyone, hire]);
      const late = await importDsnFile(
        writeDsn({
          ...lateModel,
          declaredEstablishments: lateModel.declaredEstablishments.map((establishment) => ({
            ...establishment,
            orderNumber: '999999',
          })),
        }),
      );
      expect(late).toMatchObject({ status: 'imported', anomalies: { raised: 0, alreadyKnown: 1 } });
      expect(await summary(employer)).toMatchObject({ openAnomalies: 0, lastDsnMonth: month });
    });
  });
});
