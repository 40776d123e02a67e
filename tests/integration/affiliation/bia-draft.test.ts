import { beforeAll, describe, expect, inject, it } from 'vitest';
import { resetConfigCache } from '../../../functions/runtime/config';
import {
  completeDraft,
  employeeWith,
  freshEmployer,
  preAffiliate,
  type Employer,
} from '../../support/affiliation';
import { affiliationCounters } from '../../support/table';

interface BiaPage {
  requestId: string;
  status: string;
  companyName: string;
  maskedNir: string;
  prefilled: { lastName: string; firstName: string; email: string | null; address: { city: string } };
  draft: { situation?: string; bank?: { iban?: string } };
  documents: unknown[];
  version: number;
  expiresAt: string;
}

async function statusInTracking(employer: Employer, requestId: string): Promise<string | undefined> {
  const list = await employer.call<{ items: { requestId: string; status: string }[] }>(
    'GET',
    `${employer.base}/affiliation-requests`,
  );
  return list.body.items.find((item) => item.requestId === requestId)?.status;
}

describe('the employee’s BIA: opening it and saving drafts', () => {
  let employer: Employer;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer();
  });

  it('opens with what the employer typed, the NIR masked, an empty draft and the link’s expiry', async () => {
    const request = await preAffiliate(employer);
    const page = await employeeWith(request.token!)<BiaPage>('GET', '/bia');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({
      requestId: request.requestId,
      status: 'sent',
      companyName: employer.company.name,
      prefilled: {
        lastName: 'Moreau',
        firstName: 'Camille',
        email: request.email,
        address: { city: 'Lyon' },
      },
      documents: [],
    });
    const nir = request.nir;
    expect(page.body.maskedNir).toBe(
      `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} •• ••• ••• ${nir.slice(13)}`,
    );
    expect(JSON.stringify(page.body)).not.toContain(nir);
    // The link lives until the abandonment deadline, about 30 days ahead.
    const days = (Date.parse(page.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('moves the request to Démarré (and the home counters with it) at the first save, and keeps it there', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const before = await affiliationCounters(employer.companyId);
    const opened = await employee<BiaPage>('GET', '/bia');

    const first = await employee<BiaPage>('PUT', '/bia/draft', {
      draft: { situation: 'celibataire' },
      version: opened.body.version,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'started', version: opened.body.version + 1 });
    expect(first.body.draft.situation).toBe('celibataire');
    expect(await statusInTracking(employer, request.requestId)).toBe('started');
    const afterFirst = await affiliationCounters(employer.companyId);
    expect(afterFirst.affiliation_sent).toBe(before.affiliation_sent! - 1);
    expect(afterFirst.affiliation_started).toBe((before.affiliation_started ?? 0) + 1);

    const { documents: _none, ...withoutFiles } = completeDraft();
    const second = await employee<BiaPage>('PUT', '/bia/draft', {
      draft: withoutFiles,
      version: first.body.version,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.status).toBe('started');
    // The IBAN comes back as stored: compact, upper case.
    expect(second.body.draft.bank?.iban).toBe('FR7630006000011234567890189');
    expect(await affiliationCounters(employer.companyId)).toEqual(afterFirst);

    const reopened = await employee<BiaPage>('GET', '/bia');
    expect(reopened.body).toMatchObject({ status: 'started', version: second.body.version });
    expect(reopened.body.draft.situation).toBe('marie');
  });

  it('refuses a save from a stale page with 409 VERSION_CONFLICT and keeps the newer draft', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const opened = await employee<BiaPage>('GET', '/bia');
    const saved = await employee('PUT', '/bia/draft', {
      draft: { situation: 'pacse' },
      version: opened.body.version,
    });
    expect(saved.status).toBe(200);
    // Another tab, opened before that save, saves too.
    const stale = await employee<{ code: string; message: string }>('PUT', '/bia/draft', {
      draft: { situation: 'divorce' },
      version: opened.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.message).toMatch(/Rechargez la page/);
    expect((await employee<BiaPage>('GET', '/bia')).body.draft.situation).toBe('pacse');
  });

  it('refuses an invalid draft with French messages on the fields, and stores nothing', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const opened = await employee<BiaPage>('GET', '/bia');
    const refused = await employee<{ code: string; fields: Record<string, string> }>('PUT', '/bia/draft', {
      draft: {
        bank: { iban: 'FR76 3000 6000 0112 3456 7890 188' },
        beneficiaries: [
          { kind: 'enfant', lastName: 'Moreau', firstName: 'Léo', birthDate: '2020-02-30', noemie: true },
        ],
      },
      version: opened.body.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.fields['draft.bank.iban']).toBe('IBAN invalide (clé de contrôle incorrecte).');
    expect(refused.body.fields['draft.beneficiaries.0.birthDate']).toBe("Cette date n'existe pas.");
    const after = await employee<BiaPage>('GET', '/bia');
    expect(after.body).toMatchObject({ status: 'sent', version: opened.body.version });
  });

  it('opens only the request of its own link', async () => {
    const [mine, theirs] = [await preAffiliate(employer), await preAffiliate(employer)];
    const page = await employeeWith(mine.token!)<BiaPage>('GET', '/bia');
    expect(page.body.requestId).toBe(mine.requestId);
    expect(page.body.requestId).not.toBe(theirs.requestId);
  });
});
