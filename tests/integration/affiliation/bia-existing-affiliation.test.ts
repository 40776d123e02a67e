import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { keyedDigest } from '../../../functions/adapters/system/keyed-digest';
import { resetConfigCache } from '../../../functions/runtime/config';
import { control } from '../../support/api';
import {
  biaTokenIn,
  emailsTo,
  employeeWith,
  freshEmployer,
  newEmployee,
  randomNir,
  todayIso,
  type AffiliationSummary,
  type Employer,
} from '../../support/affiliation';
import { backOfficeCsv } from '../../support/company-import';
import { readyToFinalize } from '../../support/bia';
import { storedItem } from '../../support/table';

interface Employee {
  employeeId: string;
  contractNumber: string;
  endDate: string | null;
  version: number;
}

/**
 * A BIA whose person already has an affiliation to the contract it lands on: a re-hire after
 * a radiation gets a new affiliation; an active one (the back office's feed got there first)
 * is refused, and the request stays open.
 */
describe('finalizing the BIA of someone already known on the contract', () => {
  let employer: Employer;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer({ insured: 6 });
  });

  /** The company's socle contract of a statut (where a new insured of that statut lands). */
  const socleOf = (statut: string) =>
    employer.dataset.rows.contrats.find(
      (row) => row.statut === statut && row.risque === 'sante' && row.contrat === 'Socle conventionnel',
    )!;

  async function preAffiliateWithNir(nir: string, birthDate: string, statut: 'cadre' | 'non_cadre') {
    const generated = newEmployee({ siret: employer.company.mainSiret, statut, birthDate });
    const body = { ...generated, employee: { ...generated.employee, nir } };
    const created = await employer.call<AffiliationSummary>(
      'POST',
      `${employer.base}/affiliation-requests`,
      body,
      { 'idempotency-key': randomUUID() },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = (await emailsTo(body.employee.email!)).map((mail) => biaTokenIn(mail.text)).find(Boolean)!;
    return { requestId: created.body.requestId, employee: employeeWith(token) };
  }

  it('gives a radiated employee hired again a new affiliation on the same contract', async () => {
    const socleNumbers = new Set(
      (['cadre', 'non_cadre'] as const).map((statut) => socleOf(statut).contrat_employeur),
    );
    const former = employer.dataset.rows.assures.find(
      (row) => socleNumbers.has(row.contrat_employeur) && row.date_fin === '',
    );
    expect(former, 'the fixture has an active insured on a socle contract').toBeDefined();
    const statut = employer.dataset.rows.contrats.find(
      (row) => row.contrat_employeur === former!.contrat_employeur,
    )!.statut as 'cadre' | 'non_cadre';
    const [before] = (
      await employer.call<{ items: Employee[] }>('GET', `${employer.base}/employees?q=${former!.nir}`)
    ).body.items;
    const radiated = await employer.call(
      'POST',
      `${employer.base}/employees/${before!.employeeId}/radiation`,
      { endDate: todayIso(), reason: 'demission', version: before!.version },
    );
    expect(radiated.status, JSON.stringify(radiated.body)).toBe(200);

    const { employee } = await preAffiliateWithNir(former!.nir, former!.date_naissance, statut);
    const ready = await readyToFinalize(employee);
    const finalized = await employee('POST', '/bia/finalization', ready);
    expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);

    // The NIR now leads to the new affiliation; the radiated one stays in the history.
    const [now, ...others] = (
      await employer.call<{ items: Employee[] }>('GET', `${employer.base}/employees?q=${former!.nir}`)
    ).body.items;
    expect(others).toEqual([]);
    expect(now).toMatchObject({ contractNumber: former!.contrat_employeur, endDate: null });
    expect(now!.employeeId).not.toBe(before!.employeeId);
    const old = await storedItem(keys.insured(employer.companyId, before!.employeeId));
    expect(old?.endDate).toBe(todayIso());
    const fresh = await storedItem(keys.insured(employer.companyId, now!.employeeId));
    expect(fresh?.previousInsuredId).toBe(before!.employeeId);
  });

  it('refuses with 409 when the back office affiliated the person meanwhile, and keeps the request open', async () => {
    const birthDate = '1990-06-15';
    const nir = randomNir(1, 1990, 6);
    const { requestId, employee } = await preAffiliateWithNir(nir, birthDate, 'non_cadre');
    const ready = await readyToFinalize(employee);
    // The paper form reached the insurer, whose feed brings the person in first.
    const socle = socleOf('non_cadre');
    const csv = backOfficeCsv('assures', [
      {
        identifiant_entreprise: employer.company.companyNumber,
        contrat_employeur: socle.contrat_employeur,
        siret: employer.company.mainSiret,
        nir,
        civilite: 'M',
        nom: 'Durand',
        nom_naissance: '',
        prenom: 'Éric',
        date_naissance: birthDate,
        email: '',
        adresse: '12 rue des Lilas',
        code_postal: '69003',
        ville: 'Lyon',
        teletransmission_noemie: 'oui',
        date_effet: todayIso(),
        date_fin: '',
        motif_radiation: '',
      },
    ] as never);
    const [report] = await control<{ status: string }[]>(
      `/import?key=${encodeURIComponent(`back-office/tests/${employer.company.companyNumber}/feed-${randomUUID()}/assures.csv`)}`,
      csv,
    );
    expect(report?.status).toBe('imported');

    const refused = await employee<{ code: string; message: string }>('POST', '/bia/finalization', ready);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('EMPLOYEE_ALREADY_AFFILIATED');
    const list = await employer.call<{ items: AffiliationSummary[] }>(
      'GET',
      `${employer.base}/affiliation-requests`,
    );
    expect(list.body.items.find((item) => item.requestId === requestId)?.status).toBe('sent');
    // Still one affiliation for that NIR, the back office's.
    const known = await storedItem(
      keys.insuredByNir(employer.companyId, keyedDigest('nir', nir), socle.contrat_employeur),
    );
    expect(known).toBeDefined();
  });
});
