import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomalySummary, HomeSummary } from '../../../functions/contracts/anomalies';
import type { EmployeeSummary } from '../../../functions/contracts/employees';
import { writeDsn } from '../../../functions/domain/dsn/write-dsn';
import {
  activeInsured,
  asDeclared,
  currentMonth,
  departed,
  dsnOf,
  importDsnFile,
  newHire,
  socleContract,
  dispenseAskedBy,
  misdated,
  moved,
  promoted,
  type DeclaredPerson,
} from '../../support/dsn';
import { askDispense, decide, dispenseOf } from '../../support/dispenses';
import { freshEmployer, randomNir, type Employer } from '../../support/pre-affiliation';
import type { ErrorAnswer } from '../../support/error-shape';

/**
 * Forcer l'affiliation, Forcer la radiation and Dispensé through the API, on the anomalies a
 * real DSN import raised for a company of its own: each action's effect on the insured, the
 * anomaly's resolution, the home page counter, the journal, and the refusals.
 */
interface Page<T> {
  items: T[];
  cursor: string | null;
}
const month = currentMonth();

async function openAnomalies(employer: Employer) {
  const page = await employer.call<Page<AnomalySummary>>('GET', `${employer.base}/anomalies?limit=100`);
  expect(page.status).toBe(200);
  return page.body.items;
}
async function resolvedAnomalies(employer: Employer) {
  const page = await employer.call<Page<AnomalySummary>>(
    'GET',
    `${employer.base}/anomalies?state=resolved&limit=100`,
  );
  return page.body.items;
}
const openCount = async (employer: Employer) =>
  (await employer.call<HomeSummary>('GET', `${employer.base}/home-summary`)).body.openAnomalies;

/** The person's affiliations, found by full NIR (Mes salariés' lookup). */
async function affiliationsOf(employer: Employer, nir: string) {
  const page = await employer.call<Page<EmployeeSummary>>('GET', `${employer.base}/employees?q=${nir}`);
  expect(page.status).toBe(200);
  return page.body.items;
}

const act = <T = AnomalySummary>(
  employer: Employer,
  anomaly: Pick<AnomalySummary, 'anomalyId'>,
  action: 'force-affiliation' | 'force-radiation' | 'dispensed',
  body: Record<string, unknown>,
) => employer.call<T>('POST', `${employer.base}/anomalies/${anomaly.anomalyId}/${action}`, body);

describe('actions on the anomalies of a DSN', () => {
  let employer: Employer;
  const person: Record<string, DeclaredPerson> = {};
  const anomaly: Record<string, AnomalySummary> = {};
  let everyoneElse: DeclaredPerson[];
  /** The NIR the affiliation of `renumbered` holds before the correction. */
  let oldNir: string;

  beforeAll(async () => {
    employer = await freshEmployer({ insured: 14, establishments: 2 });
    const { dataset } = employer;
    const [second] = dataset.summary.establishmentSirets.slice(1);
    const rows = activeInsured(dataset);
    const [leaver, corrected, promotedRow, mover, typo, renumbered, ...others] = rows;
    person.hire = newHire(dataset, { lastName: 'EMBAUCHEUN' });
    person.dispensed = newHire(dataset, { lastName: 'DISPENSEDEUX', siret: second });
    person.race = newHire(dataset, { lastName: 'COURSETROIS' });
    person.leaver = departed(asDeclared(dataset, leaver!), `${month}-01`, 'demission');
    person.corrected = departed(asDeclared(dataset, corrected!), `${month}-01`, 'fin_cdd');
    person.promoted = promoted(dataset, promotedRow!);
    person.mover = moved(dataset, mover!);
    person.typo = misdated(dataset, typo!);
    // The payroll's NIR differs from the affiliation's: same name and birth date, another number.
    oldNir = renumbered!.nir;
    const renumberedAs = asDeclared(dataset, renumbered!);
    const birth = renumberedAs.employee.birthDate;
    person.renumbered = {
      ...renumberedAs,
      employee: {
        ...renumberedAs.employee,
        nir: randomNir(
          Number(renumbered!.nir[0]) as 1 | 2,
          Number(birth.slice(0, 4)),
          Number(birth.slice(5, 7)),
        ),
      },
    };
    everyoneElse = others.map((row) => asDeclared(dataset, row));
    const report = await importDsnFile(
      writeDsn(dsnOf(dataset, month, [...Object.values(person), ...everyoneElse])),
    );
    expect(report, JSON.stringify(report.rejected)).toMatchObject({
      status: 'imported',
      anomalies: { raised: 9 },
    });
    const open = await openAnomalies(employer);
    const byName = (lastName: string) => open.find((item) => item.lastName === lastName)!;
    anomaly.hire = byName('EMBAUCHEUN');
    anomaly.dispensed = byName('DISPENSEDEUX');
    anomaly.race = byName('COURSETROIS');
    const withEmployee = async (type: AnomalySummary['type'], nir: string) => {
      const [affiliation] = await affiliationsOf(employer, nir);
      return open.find((item) => item.type === type && item.employeeId === affiliation!.employeeId)!;
    };
    anomaly.leaver = await withEmployee('ended_still_affiliated', leaver!.nir);
    anomaly.corrected = await withEmployee('ended_still_affiliated', corrected!.nir);
    anomaly.promoted = await withEmployee('statut_mismatch', promotedRow!.nir);
    anomaly.mover = await withEmployee('establishment_mismatch', mover!.nir);
    anomaly.typo = await withEmployee('identity_mismatch', typo!.nir);
    anomaly.renumbered = await withEmployee('identity_mismatch', renumbered!.nir);
    expect(Object.values(anomaly).every(Boolean)).toBe(true);
  });

  describe("Forcer l'affiliation", () => {
    it('creates the affiliation of an employee declared but not affiliated, on the declared contract, from the declared start', async () => {
      const before = await openCount(employer);
      const hire = person.hire!;
      const resolved = await act(employer, anomaly.hire!, 'force-affiliation', { version: 1 });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      const [insured, ...more] = await affiliationsOf(employer, hire.employee.nir!);
      expect(more).toEqual([]);
      expect(insured).toMatchObject({
        siret: hire.siret,
        statut: 'non_cadre',
        contractNumber: socleContract(employer.dataset, 'non_cadre').contrat_employeur,
        lastName: hire.employee.lastName,
        firstName: hire.employee.firstNames.split(' ')[0],
        effectiveDate: `${month}-01`,
        endDate: null,
        beneficiaries: [],
      });
      expect(resolved.body).toMatchObject({
        anomalyId: anomaly.hire!.anomalyId,
        state: 'resolved',
        employeeId: insured!.employeeId,
        affiliationDate: `${month}-01`,
        resolution: { how: 'forced_affiliation', by: 'Élodie Lefèvre', dispenseId: null },
        version: 2,
      });
      expect(await openCount(employer)).toBe(before - 1);
      // Out of the open list, into the history tab.
      expect((await openAnomalies(employer)).map((item) => item.anomalyId)).not.toContain(
        anomaly.hire!.anomalyId,
      );
      expect(
        (await resolvedAnomalies(employer)).find((item) => item.anomalyId === anomaly.hire!.anomalyId),
      ).toEqual(resolved.body);
      const journal = await employer.call<Page<{ action: string; targetId: string; changes: object }>>(
        'GET',
        `${employer.base}/audit-events?action=anomaly.forced-affiliation`,
      );
      expect(journal.body.items).toContainEqual(
        expect.objectContaining({
          targetId: anomaly.hire!.anomalyId,
          changes: expect.objectContaining({ employeeId: insured!.employeeId }),
        }),
      );
      expect(JSON.stringify(journal.body)).not.toContain(hire.employee.nir);
    });

    it('refuses an anomaly already resolved (422) and a version the user did not see (409)', async () => {
      const again = await act<ErrorAnswer>(employer, anomaly.hire!, 'force-affiliation', { version: 1 });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('ANOMALY_ALREADY_RESOLVED');
      expect(again.body.message).toMatch(/déjà résolue/);
      const stale = await act<ErrorAnswer>(employer, anomaly.promoted!, 'force-affiliation', { version: 7 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const unknown = await act<ErrorAnswer>(employer, { anomalyId: ulid() }, 'force-affiliation', {
        version: 1,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ANOMALY_NOT_FOUND');
    });

    it('moves an affiliation whose statut differs to the health contract of the declared statut', async () => {
      const nir = person.promoted!.employee.nir!;
      const [before] = await affiliationsOf(employer, nir);
      const statut = person.promoted!.employee.contracts[0]!.statut;
      const resolved = await act(employer, anomaly.promoted!, 'force-affiliation', { version: 1 });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      const [after, ...more] = await affiliationsOf(employer, nir);
      expect(more).toEqual([]);
      const contract = socleContract(employer.dataset, statut).contrat_employeur;
      expect(after).toMatchObject({
        employeeId: before!.employeeId,
        statut,
        contractNumber: contract,
        effectiveDate: before!.effectiveDate,
        version: before!.version + 1,
      });
      // The contract detail lists it now (its index key moved too).
      const detail = await employer.call<{ insured: EmployeeSummary[] }>(
        'GET',
        `${employer.base}/contracts/${contract}?limit=100`,
      );
      expect(detail.body.insured.map((insured) => insured.employeeId)).toContain(before!.employeeId);
      const previous = await employer.call<{ insured: EmployeeSummary[] }>(
        'GET',
        `${employer.base}/contracts/${before!.contractNumber}?limit=100`,
      );
      expect(previous.body.insured.map((insured) => insured.employeeId)).not.toContain(before!.employeeId);
    });

    it('moves an affiliation to the establishment the DSN declares', async () => {
      const nir = person.mover!.employee.nir!;
      const resolved = await act(employer, anomaly.mover!, 'force-affiliation', { version: 1 });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      const [after] = await affiliationsOf(employer, nir);
      expect(after!.siret).toBe(person.mover!.siret);
      const inEstablishment = await employer.call<Page<EmployeeSummary>>(
        'GET',
        `${employer.base}/employees?siret=${person.mover!.siret}&limit=100`,
      );
      expect(inEstablishment.body.items.map((insured) => insured.employeeId)).toContain(after!.employeeId);
    });

    it('corrects the identity of an affiliation: the birth date, and a NIR with its lookup', async () => {
      const typo = await act(employer, anomaly.typo!, 'force-affiliation', { version: 1 });
      expect(typo.status, JSON.stringify(typo.body)).toBe(200);
      const nir = person.typo!.employee.nir!;
      const [corrected] = await affiliationsOf(employer, nir);
      expect(corrected!.employeeId).toBe(anomaly.typo!.employeeId);

      const renumbered = await act(employer, anomaly.renumbered!, 'force-affiliation', { version: 1 });
      expect(renumbered.status, JSON.stringify(renumbered.body)).toBe(200);
      const [found] = await affiliationsOf(employer, person.renumbered!.employee.nir!);
      expect(found!.employeeId).toBe(anomaly.renumbered!.employeeId);
      expect(await affiliationsOf(employer, oldNir)).toEqual([]);
    });

    it('does not apply to a contract that ended: that one is radiated', async () => {
      const refused = await act<ErrorAnswer>(employer, anomaly.leaver!, 'force-affiliation', { version: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('ANOMALY_ACTION_NOT_APPLICABLE');
    });

    it('resolves an anomaly once when two clicks race, with the counter moved once', async () => {
      const before = await openCount(employer);
      const answers = await Promise.all(
        [1, 2].map(() =>
          act<AnomalySummary | ErrorAnswer>(employer, anomaly.race!, 'force-affiliation', { version: 1 }),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses[0]).toBe(200);
      expect([409, 422]).toContain(statuses[1]);
      expect(await affiliationsOf(employer, person.race!.employee.nir!)).toHaveLength(1);
      expect(await openCount(employer)).toBe(before - 1);
    });
  });

  describe('Forcer la radiation', () => {
    it('radiates the insured at the end date and for the reason the DSN declared', async () => {
      const refusedHere = await act<ErrorAnswer>(employer, anomaly.dispensed!, 'force-radiation', {
        version: 1,
      });
      expect(refusedHere.status).toBe(422);
      expect(refusedHere.body.code).toBe('ANOMALY_ACTION_NOT_APPLICABLE');
      const before = await openCount(employer);
      const resolved = await act(employer, anomaly.leaver!, 'force-radiation', { version: 1 });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      expect(resolved.body).toMatchObject({ state: 'resolved', resolution: { how: 'forced_radiation' } });
      const [insured] = await affiliationsOf(employer, person.leaver!.employee.nir!);
      expect(insured).toMatchObject({
        employeeId: anomaly.leaver!.employeeId,
        endDate: `${month}-01`,
        radiationReason: 'demission',
        portabilite: { eligible: false },
      });
      expect(await openCount(employer)).toBe(before - 1);
    });

    it('takes the corrected date and reason, and the same situation in a later DSN does not reopen it', async () => {
      const correctedEnd = `${month}-02`;
      const resolved = await act(employer, anomaly.corrected!, 'force-radiation', {
        version: 1,
        endDate: correctedEnd,
        reason: 'licenciement',
      });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      const [insured] = await affiliationsOf(employer, person.corrected!.employee.nir!);
      expect(insured).toMatchObject({
        endDate: correctedEnd,
        radiationReason: 'licenciement',
        portabilite: { eligible: true },
      });
      const openBefore = await openAnomalies(employer);
      const countBefore = await openCount(employer);
      // The payroll files the same departure again (a corrective DSN): still "radié seulement au 02",
      // the same situation, already resolved — it stays in the history.
      const model = dsnOf(employer.dataset, month, [person.corrected!, ...everyoneElse]);
      const report = await importDsnFile(
        writeDsn({
          ...model,
          declaredEstablishments: model.declaredEstablishments.map((establishment) => ({
            ...establishment,
            declarationType: '03',
            orderNumber: String(randomInt(100_000, 999_999)),
          })),
        }),
      );
      expect(report).toMatchObject({ status: 'imported', anomalies: { raised: 0, alreadyKnown: 1 } });
      expect(await openAnomalies(employer)).toEqual(openBefore);
      expect(await openCount(employer)).toBe(countBefore);
    });
  });

  describe('Dispensé', () => {
    it('links a validated dispense of the same person only', async () => {
      const declared = person.dispensed!;
      // The employee declared but not affiliated asks for a dispense in the BIA of a pré-affiliation.
      const mine = await dispenseAskedBy(employer, declared);
      expect(mine.state).toBe('pending');
      const undecided = await act<ErrorAnswer>(employer, anomaly.dispensed!, 'dispensed', {
        version: 1,
        dispenseId: mine.dispenseId,
      });
      expect(undecided.status).toBe(422);
      expect(undecided.body).toMatchObject({
        code: 'ANOMALY_DISPENSE_NOT_VALIDATED',
        fields: { dispenseId: expect.any(String) },
      });

      const someoneElse = await dispenseOf(employer, (await askDispense(employer)).request.requestId);
      expect((await decide(employer, someoneElse, { decision: 'validated' })).status).toBe(200);
      const other = await act<ErrorAnswer>(employer, anomaly.dispensed!, 'dispensed', {
        version: 1,
        dispenseId: someoneElse.dispenseId,
      });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('ANOMALY_DISPENSE_OTHER_EMPLOYEE');
      const missing = await act<ErrorAnswer>(employer, anomaly.dispensed!, 'dispensed', {
        version: 1,
        dispenseId: ulid(),
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ANOMALY_DISPENSE_NOT_FOUND');

      expect((await decide(employer, mine, { decision: 'validated' })).status).toBe(200);
      const before = await openCount(employer);
      const resolved = await act(employer, anomaly.dispensed!, 'dispensed', {
        version: 1,
        dispenseId: mine.dispenseId,
      });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      expect(resolved.body).toMatchObject({
        state: 'resolved',
        resolution: { how: 'dispensed', dispenseId: mine.dispenseId },
        employeeId: null,
      });
      expect(await openCount(employer)).toBe(before - 1);
      expect(await affiliationsOf(employer, declared.employee.nir!)).toEqual([]);
    });
  });

  it('keeps the home page counter equal to the open anomalies listed', async () => {
    expect(await openCount(employer)).toBe((await openAnomalies(employer)).length);
  });
});

describe('counters under concurrent actions', () => {
  it('stay exact when many anomalies are resolved at once, each clicked twice', async () => {
    const employer = await freshEmployer({ insured: 2 });
    const { dataset } = employer;
    const hires = Array.from({ length: 6 }, (_, index) =>
      newHire(dataset, { lastName: `PARALLELE${'ABCDEF'[index]}` }),
    );
    const report = await importDsnFile(
      writeDsn(
        dsnOf(dataset, month, [...hires, ...activeInsured(dataset).map((row) => asDeclared(dataset, row))]),
      ),
    );
    expect(report.anomalies.raised).toBe(6);
    const open = await openAnomalies(employer);
    expect(await openCount(employer)).toBe(6);
    const answers = await Promise.all(
      open.flatMap((item) =>
        [1, 2].map(() =>
          act<AnomalySummary | ErrorAnswer>(employer, item, 'force-affiliation', { version: 1 }),
        ),
      ),
    );
    const succeeded = answers.filter((answer) => answer.status === 200);
    expect(succeeded).toHaveLength(6);
    expect(
      answers.filter((answer) => answer.status !== 200).every((answer) => [409, 422].includes(answer.status)),
    ).toBe(true);
    expect(await openCount(employer)).toBe(0);
    expect(await openAnomalies(employer)).toEqual([]);
    expect(await resolvedAnomalies(employer)).toHaveLength(6);
    for (const hire of hires) expect(await affiliationsOf(employer, hire.employee.nir!)).toHaveLength(1);
  });
});
