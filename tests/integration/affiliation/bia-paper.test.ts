import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../support/api';
import {
  completeDraft,
  emailsTo,
  employeeWith,
  freshEmployer,
  insurerKey,
  preAffiliate,
  todayIso,
  type AffiliationSummary,
  type Employer,
} from '../../support/affiliation';
import { backOffice, readyToFinalize } from '../../support/bia';
import type { ErrorAnswer } from '../../support/error-shape';

/** A paper BIA as the back office types it: the employee's answers, no uploaded file. */
const paperDraft = () => ({ ...completeDraft(), documents: {} });

describe('a paper BIA recorded by the back office', () => {
  let employer: Employer;
  let employerEmail: string;

  beforeAll(async () => {
    employer = await freshEmployer();
    employerEmail = (await employer.call<{ email: string }>('GET', '/me')).body.email;
  });

  const paperPath = (requestId: string, companyId = employer.companyId) =>
    `/back-office/companies/${companyId}/affiliation-requests/${requestId}/paper-bia`;

  const trackingOf = async (requestId: string) =>
    (
      await employer.call<{ items: AffiliationSummary[] }>('GET', `${employer.base}/affiliation-requests`)
    ).body.items.find((item) => item.requestId === requestId);

  it('is reserved to the insurer’s key: no key, a wrong key or an employer’s session are refused', async () => {
    const request = await preAffiliate(employer);
    const body = { draft: paperDraft(), receivedOn: todayIso() };
    const noKey = await callApi<ErrorAnswer>('POST', paperPath(request.requestId), { body });
    expect(noKey.status).toBe(401);
    expect(noKey.body.code).toBe('INSURER_KEY_INVALID');
    const wrongKey = await callApi<ErrorAnswer>('POST', paperPath(request.requestId), {
      body,
      headers: { 'x-ees-insurer-key': `${insurerKey()}x` },
    });
    expect(wrongKey.status).toBe(401);
    const employerSession = await employer.call<ErrorAnswer>('POST', paperPath(request.requestId), body);
    expect(employerSession.status).toBe(401);
    expect(employerSession.body.code).toBe('INSURER_KEY_INVALID');
    expect((await trackingOf(request.requestId))?.status).toBe('sent');
  });

  it('turns a paper BIA into an insured without uploaded files, and tells the employer', async () => {
    // A courrier: the employee has no e-mail and answered on paper.
    const request = await preAffiliate(employer, { email: null, lastName: 'Papier' });
    const recorded = await backOffice<{ requestId: string; status: string }>(
      'POST',
      paperPath(request.requestId),
      {
        draft: paperDraft(),
        receivedOn: todayIso(),
      },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ requestId: request.requestId, status: 'finalized' });
    const employees = await employer.call<{
      items: { employeeId: string; noemie: boolean; beneficiaries: unknown[] }[];
    }>('GET', `${employer.base}/employees?q=Papier`);
    expect(employees.body.items).toHaveLength(1);
    expect(employees.body.items[0]!.beneficiaries).toHaveLength(2);
    expect(await trackingOf(request.requestId)).toMatchObject({
      status: 'finalized',
      employeeId: employees.body.items[0]!.employeeId,
    });
    const mail = (await emailsTo(employerEmail)).find(
      (email) => email.subject === 'Affiliation finalisée — Camille Papier',
    );
    expect(mail?.text).toContain('bulletin individuel d’affiliation papier');
  });

  it('works on a request the employee started online, and kills the link', async () => {
    const request = await preAffiliate(employer, { lastName: 'Hybride' });
    const employee = employeeWith(request.token!);
    const { draft, version } = await readyToFinalize(employee);
    expect((await employee('PUT', '/bia/draft', { draft, version })).status).toBe(200);
    const recorded = await backOffice('POST', paperPath(request.requestId), {
      draft: paperDraft(),
      receivedOn: todayIso(),
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect((await employee<ErrorAnswer>('GET', '/bia')).status).toBe(401);
    const again = await employee<ErrorAnswer>('POST', '/bia/finalization', { draft, version: version + 1 });
    expect(again.status).toBe(401);
  });

  it('applies the same completeness rules (documents apart) and refuses a closed or unknown request', async () => {
    const request = await preAffiliate(employer);
    const incomplete = await backOffice<ErrorAnswer>('POST', paperPath(request.requestId), {
      draft: { ...paperDraft(), swornStatement: false, bank: {} },
      receivedOn: todayIso(),
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('BIA_INCOMPLETE');
    expect(Object.keys(incomplete.body.fields!).sort()).toEqual(
      ['draft.bank.holder', 'draft.bank.iban', 'draft.swornStatement'].sort(),
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await backOffice<ErrorAnswer>('POST', paperPath(request.requestId), {
      draft: paperDraft(),
      receivedOn: tomorrow,
    });
    expect(future.status).toBe(422);
    expect(future.body.fields?.receivedOn).toMatch(/futur/);

    expect(
      (
        await backOffice('POST', paperPath(request.requestId), {
          draft: paperDraft(),
          receivedOn: todayIso(),
        })
      ).status,
    ).toBe(200);
    const twice = await backOffice<ErrorAnswer>('POST', paperPath(request.requestId), {
      draft: paperDraft(),
      receivedOn: todayIso(),
    });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('AFFILIATION_ALREADY_FINALIZED');

    const unknown = await backOffice<ErrorAnswer>('POST', paperPath('01ARZ3NDEKTSV4RRFFQ69G5FAV'), {
      draft: paperDraft(),
      receivedOn: todayIso(),
    });
    expect(unknown.status).toBe(404);
  });
});
