import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callApi } from '../../support/api';
import {
  biaTokenIn,
  emailsTo,
  freshEmployer,
  newEmployee,
  runAffiliationJob,
  type AffiliationSummary,
  type Employer,
} from '../../support/pre-affiliation';
import { storedItem } from '../../support/table';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { resetConfigCache } from '../../../functions/runtime/config';
import { BIA_TOKEN_HEADER } from '../../../functions/contracts/affiliation';
import type { ErrorAnswer } from '../../support/error-shape';

const DAY = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const openBia = (token: string) =>
  callApi<ErrorAnswer>('GET', '/bia', { headers: { [BIA_TOKEN_HEADER]: token } });

async function stored(companyId: string, requestId: string) {
  return (await storedItem(keys.affiliationRequest(companyId, requestId)))!;
}

const guardHeld = (companyId: string, nirDigestOf: Record<string, unknown>) =>
  storedItem(keys.openAffiliationByNir(companyId, nirDigestOf.nirDigest as string));

describe('Relances and abandonment of affiliation requests', () => {
  let employer: Employer;
  let requests: string;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer({ insured: 2 });
    requests = `${employer.base}/affiliation-requests`;
  });

  async function preAffiliated(mode: 'email' | 'courrier' = 'email') {
    const body = newEmployee({
      siret: employer.company.mainSiret,
      ...(mode === 'courrier' ? { email: null } : {}),
    });
    const created = await employer.call<AffiliationSummary>('POST', requests, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { body, request: created.body };
  }

  it('"Relancer" re-sends the same link now, and refuses a second reminder within 24 hours', async () => {
    const { body, request } = await preAffiliated();
    const reminded = await employer.call<AffiliationSummary>(
      'POST',
      `${requests}/${request.requestId}/reminder`,
    );
    expect(reminded.status, JSON.stringify(reminded.body)).toBe(200);
    expect(reminded.body).toMatchObject({ status: 'sent', remindersSent: 1 });
    expect(reminded.body.lastReminderAt).not.toBeNull();

    const mails = await emailsTo(body.employee.email!);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toMatch(/^Rappel : /);
    expect(biaTokenIn(mails[0]!.text)).toBe(biaTokenIn(mails[1]!.text));

    const twice = await employer.call<ErrorAnswer>('POST', `${requests}/${request.requestId}/reminder`);
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('REMINDER_TOO_SOON');
    expect(twice.body.message).toMatch(/moins de 24 heures/);
    expect(await emailsTo(body.employee.email!)).toHaveLength(2);

    const journal = await employer.call<{ items: { action: string; targetId: string }[] }>(
      'GET',
      `${employer.base}/audit-events?action=affiliation.reminded`,
    );
    expect(journal.body.items.some((item) => item.targetId === request.requestId)).toBe(true);
  });

  it('"Relancer" on a courrier puts it back in the mail room’s queue', async () => {
    const { request } = await preAffiliated('courrier');
    const before = await stored(employer.companyId, request.requestId);
    const reminded = await employer.call<AffiliationSummary>(
      'POST',
      `${requests}/${request.requestId}/reminder`,
    );
    expect(reminded.status).toBe(200);
    const after = await stored(employer.companyId, request.requestId);
    expect(after.GSI3PK).toBe('COURRIER#PENDING');
    expect(after.courrierQueuedAt).not.toBe(before.courrierQueuedAt);
  });

  it('runs the schedule: reminders at J+7 and J+14, abandonment at J+30 with the employer told — each once, however often the job runs', async () => {
    // A company of its own: the job's counts are then this request's alone.
    const employer = await freshEmployer({ insured: 1 });
    const requests = `${employer.base}/affiliation-requests`;
    const body = newEmployee({ siret: employer.company.mainSiret });
    const request = (await employer.call<AffiliationSummary>('POST', requests, body)).body;
    const to = body.employee.email!;
    const link = biaTokenIn((await emailsTo(to))[0]!.text)!;
    const start = request.sentAt;

    // Before J+7: nothing.
    expect(await runAffiliationJob(plusDays(start, 6.9), employer.companyId)).toMatchObject({ reminded: 0 });
    expect(await emailsTo(to)).toHaveLength(1);

    for (const [day, count] of [
      [7, 2],
      [14, 3],
    ] as const) {
      const now = plusDays(start, day);
      const [first, second] = await Promise.all([
        runAffiliationJob(now, employer.companyId),
        runAffiliationJob(now, employer.companyId),
      ]);
      expect(first.reminded + second.reminded).toBe(1);
      expect((await runAffiliationJob(now, employer.companyId)).reminded).toBe(0);
      const mails = await emailsTo(to);
      expect(mails, `e-mails after J+${day}`).toHaveLength(count);
      expect(mails[0]!.subject).toMatch(/^Rappel : /);
      expect(biaTokenIn(mails[0]!.text)).toBe(link);
    }
    const listed = await employer.call<{ items: AffiliationSummary[] }>(
      'GET',
      `${requests}?status=sent&limit=100`,
    );
    const afterTwo = listed.body.items.find((item) => item.requestId === request.requestId)!;
    expect(afterTwo.remindersSent).toBe(2);
    expect(afterTwo.nextDueAt).toBe(plusDays(start, 30));
    // After the last reminder, what falls due is the abandonment (the list says so).
    expect(afterTwo.nextDueKind).toBe('abandon');

    const employerMails = (await emailsTo(employer.adminEmail)).length;
    const atDeadline = plusDays(start, 30);
    const [one, two] = await Promise.all([
      runAffiliationJob(atDeadline, employer.companyId),
      runAffiliationJob(atDeadline, employer.companyId),
    ]);
    expect(one.abandoned + two.abandoned).toBe(1);
    const abandoned = (
      await employer.call<{ items: AffiliationSummary[] }>('GET', `${requests}?status=abandoned`)
    ).body.items;
    expect(abandoned.find((item) => item.requestId === request.requestId)).toMatchObject({
      status: 'abandoned',
      nextDueAt: null,
      nextDueKind: null,
    });
    expect(await emailsTo(to)).toHaveLength(3);
    const told = await emailsTo(employer.adminEmail);
    expect(told).toHaveLength(employerMails + 1);
    expect(told[0]!.subject).toContain(body.employee.lastName);
    expect(told[0]!.text).toContain('Abandonné');
    expect(told[0]!.text).not.toContain(body.employee.nir);

    // The link is dead and the NIR free for a new request.
    const dead = await openBia(link);
    expect(dead.status).toBe(401);
    expect(dead.body.code).toBe('BIA_LINK_INVALID');
    expect(
      await guardHeld(employer.companyId, await stored(employer.companyId, request.requestId)),
    ).toBeUndefined();
    expect((await runAffiliationJob(plusDays(start, 45), employer.companyId)).abandoned).toBe(0);
  });

  it('"Relancer un nouveau parcours" on an abandoned request: a new link, the old one dead, the schedule from now', async () => {
    const { body, request } = await preAffiliated();
    const to = body.employee.email!;
    const oldLink = biaTokenIn((await emailsTo(to))[0]!.text)!;
    expect((await openBia(oldLink)).status).toBe(200);

    const notYet = await employer.call<ErrorAnswer>('POST', `${requests}/${request.requestId}/restart`);
    expect(notYet.status).toBe(422);
    expect(notYet.body.code).toBe('AFFILIATION_NOT_ABANDONED');

    await runAffiliationJob(plusDays(request.sentAt, 31), employer.companyId);
    const remind = await employer.call<ErrorAnswer>('POST', `${requests}/${request.requestId}/reminder`);
    expect(remind.status).toBe(422);
    expect(remind.body.code).toBe('AFFILIATION_ABANDONED');

    const restarted = await employer.call<AffiliationSummary>(
      'POST',
      `${requests}/${request.requestId}/restart`,
    );
    expect(restarted.status, JSON.stringify(restarted.body)).toBe(200);
    expect(restarted.body).toMatchObject({ status: 'sent', journey: 2, abandonedAt: null });
    expect(Date.parse(restarted.body.nextDueAt!) - Date.parse(restarted.body.sentAt)).toBe(7 * DAY);

    const newLink = biaTokenIn((await emailsTo(to))[0]!.text)!;
    expect(newLink).not.toBe(oldLink);
    expect((await openBia(oldLink)).status).toBe(401);
    const opened = await callApi<{ requestId: string; status: string }>('GET', '/bia', {
      headers: { [BIA_TOKEN_HEADER]: newLink },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ requestId: request.requestId, status: 'sent' });

    // The NIR is held again: a second pré-affiliation of the same person is refused.
    const again = await employer.call<ErrorAnswer>('POST', requests, body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AFFILIATION_ALREADY_REQUESTED');
    const twice = await employer.call<ErrorAnswer>('POST', `${requests}/${request.requestId}/restart`);
    expect(twice.status).toBe(422);
  });

  it('refuses a restart when the same person got a new request meanwhile', async () => {
    const { body, request } = await preAffiliated('courrier');
    await runAffiliationJob(plusDays(request.sentAt, 30), employer.companyId);
    const newer = await employer.call<AffiliationSummary>('POST', requests, body);
    expect(newer.status).toBe(201);
    const restart = await employer.call<ErrorAnswer>('POST', `${requests}/${request.requestId}/restart`);
    expect(restart.status).toBe(409);
    expect(restart.body.code).toBe('AFFILIATION_ALREADY_REQUESTED');
  });
});
