import { beforeAll, describe, expect, inject, it } from 'vitest';
import { resetConfigCache } from '../../../functions/runtime/config';
import { formatNir } from '../../../functions/domain/nir';
import {
  biaTokenIn,
  emailsTo,
  employeeWith,
  freshEmployer,
  PDF,
  type AffiliationSummary,
  type Employer,
} from '../../support/affiliation';
import {
  askDispense,
  countersOf,
  decide,
  dispenseOf,
  dispensesOf,
  inDays,
  runDispenseJob,
} from '../../support/dispenses';
import type { ErrorAnswer } from '../../support/error-shape';

const CSS_LABEL = 'Je bénéficie de la Complémentaire santé solidaire (CSS)';

let employer: Employer;

beforeAll(async () => {
  Object.assign(process.env, inject('stackEnv'));
  resetConfigCache();
  employer = await freshEmployer();
});

const trackingOf = async (requestId: string) =>
  (
    await employer.call<{ items: (AffiliationSummary & { outcome: string | null })[] }>(
      'GET',
      `${employer.base}/affiliation-requests`,
    )
  ).body.items.find((item) => item.requestId === requestId);

const insuredNamed = async (lastName: string) =>
  (
    await employer.call<{ items: unknown[] }>(
      'GET',
      `${employer.base}/employees?q=${encodeURIComponent(lastName)}`,
    )
  ).body.items;

describe('asking for a dispense in the BIA', () => {
  it('refuses a request without its proof nor sworn statement, naming each field, and changes nothing', async () => {
    const before = await countersOf(employer.companyId);
    const { finalized, request } = await askDispense(employer, { proof: false, swornStatement: false });
    expect(finalized.status).toBe(422);
    const refused = finalized.body as unknown as ErrorAnswer;
    expect(refused.code).toBe('DISPENSE_REQUEST_INVALID');
    expect(refused.message).toBe(
      'Votre demande de dispense est incomplète : complétez les champs signalés avant de l’envoyer.',
    );
    expect(refused.fields).toEqual({
      'draft.documents.dispense_proof':
        'Joignez le justificatif demandé : attestation de droits à la Complémentaire santé solidaire.',
      'draft.dispense.swornStatement': 'Cochez l’attestation sur l’honneur pour demander une dispense.',
    });
    expect((await trackingOf(request.requestId))?.status).toBe('sent');
    expect((await dispensesOf(employer)).some((item) => item.requestId === request.requestId)).toBe(false);
    expect(await countersOf(employer.companyId)).toEqual({
      ...before,
      // The pré-affiliation itself (Envoyé); nothing from the refused finalization.
      affiliation_sent: (before.affiliation_sent ?? 0) + 1,
    });
  });

  it('refuses an end date beyond what the reason allows, and a reason that is not a legal one', async () => {
    const tooLate = await askDispense(employer, { reason: 'cdd_court', endDate: inDays(130) });
    expect(tooLate.finalized.status).toBe(422);
    expect(Object.keys((tooLate.finalized.body as unknown as ErrorAnswer).fields!)).toEqual([
      'draft.dispense.endDate',
    ]);
    expect((tooLate.finalized.body as unknown as ErrorAnswer).fields!['draft.dispense.endDate']).toMatch(
      /^Pour ce motif, la date de fin ne peut pas dépasser le \d{2}\/\d{2}\/\d{4}\.$/,
    );
    const unknown = await askDispense(employer, { reason: 'pas_envie' });
    expect(unknown.finalized.status).toBe(400);
    expect((unknown.finalized.body as unknown as ErrorAnswer).fields).toMatchObject({
      'draft.dispense.reason': 'Choisissez le motif de la dispense.',
    });
  });

  it('finalizes the request on a pending dispense: listed for the employer, no insured, counters moved, both told', async () => {
    const before = await countersOf(employer.companyId);
    const endDate = inDays(180);
    const { finalized, request, lastName, employee } = await askDispense(employer, { endDate });
    expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);
    expect(finalized.body).toMatchObject({
      requestId: request.requestId,
      status: 'finalized',
      outcome: 'dispense',
    });

    const dispense = await dispenseOf(employer, request.requestId);
    expect(dispense).toMatchObject({
      state: 'pending',
      reason: 'css',
      reasonLabel: CSS_LABEL,
      endDate,
      lastName,
      firstName: 'Camille',
      siret: employer.company.mainSiret,
      decidedAt: null,
      decisionComment: null,
      version: 1,
    });
    // Masked: the same shape as the NIR, its middle hidden.
    expect(dispense.maskedNir).not.toBe(formatNir(request.nir));
    expect(dispense.maskedNir).toMatch(/^[12] \d{2} \d{2} •• ••• ••• \d{2}$/);
    expect(dispense.proofs).toEqual([
      {
        uploadId: expect.any(String),
        fileName: 'attestation-css.pdf',
        size: PDF.length,
        url: expect.any(String),
      },
    ]);
    const download = await fetch(dispense.proofs[0]!.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await dispensesOf(employer, '?state=pending')).map((item) => item.dispenseId)).toContain(
      dispense.dispenseId,
    );
    expect((await dispensesOf(employer, '?state=validated')).map((item) => item.dispenseId)).not.toContain(
      dispense.dispenseId,
    );

    // The request is closed on the dispense; nobody became an insured person.
    expect(await trackingOf(request.requestId)).toMatchObject({
      status: 'finalized',
      outcome: 'dispense',
      employeeId: null,
    });
    expect(await insuredNamed(lastName)).toEqual([]);
    const after = await countersOf(employer.companyId);
    expect(after.dispenses_pending).toBe((before.dispenses_pending ?? 0) + 1);
    expect(after.affiliation_finalized).toBe((before.affiliation_finalized ?? 0) + 1);
    // Pré-affiliated (Envoyé +1), then finalized (Envoyé −1).
    expect(after.affiliation_sent ?? 0).toBe(before.affiliation_sent ?? 0);

    // The employer is asked to decide; the employee hears it was sent. No NIR in either.
    const [toEmployer] = (await emailsTo(employer.adminEmail)).filter((mail) =>
      mail.subject.includes(lastName),
    );
    expect(toEmployer?.subject).toBe(`Demande de dispense à valider — Camille ${lastName}`);
    expect(toEmployer?.text).toContain(`« ${CSS_LABEL} »`);
    expect(toEmployer?.text).toContain('/salaries/dispenses?etat=pending');
    const toEmployee = await emailsTo(request.email);
    expect(toEmployee.map((mail) => mail.subject)).toContain(
      'Votre demande de dispense d’adhésion est transmise',
    );
    for (const mail of [toEmployer!, ...toEmployee])
      expect(mail.text).not.toContain(request.nir.slice(0, 13));

    // A second click on "Envoyer" answers the same.
    const page = await employee<{ version: number; status: string }>('GET', '/bia');
    expect(page.body.status).toBe('finalized');
    const again = await employee('POST', '/bia/finalization', {
      draft: { dispense: { reason: 'css', endDate, swornStatement: true } },
      version: page.body.version,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      outcome: 'dispense',
      finalizedAt: (finalized.body as { finalizedAt?: string }).finalizedAt,
    });
  });

  it('accepts a reason that needs neither proof nor end date (présence lors de la DUE)', async () => {
    const { finalized, request } = await askDispense(employer, {
      reason: 'presence_due',
      endDate: null,
      proof: false,
    });
    expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);
    expect(await dispenseOf(employer, request.requestId)).toMatchObject({
      reason: 'presence_due',
      endDate: null,
      proofs: [],
      state: 'pending',
    });
  });
});

describe('the employer’s decision', () => {
  it('validates a dispense: counters moved, employee told, audited; a second decision is refused', async () => {
    const { request } = await askDispense(employer, { endDate: inDays(180) });
    const dispense = await dispenseOf(employer, request.requestId);
    const before = await countersOf(employer.companyId);

    const validated = await decide(employer, dispense, { decision: 'validated' });
    expect(validated.status, JSON.stringify(validated.body)).toBe(200);
    expect(validated.body).toMatchObject({ state: 'validated', version: 2, decidedAt: expect.any(String) });
    const after = await countersOf(employer.companyId);
    expect(after.dispenses_pending).toBe(before.dispenses_pending! - 1);
    // Ends in 180 days: not among those ending within 30 days yet.
    expect(after.dispenses_ending_soon ?? 0).toBe(before.dispenses_ending_soon ?? 0);
    expect((await dispensesOf(employer, '?state=validated')).map((item) => item.dispenseId)).toContain(
      dispense.dispenseId,
    );
    expect((await dispensesOf(employer, '?state=pending')).map((item) => item.dispenseId)).not.toContain(
      dispense.dispenseId,
    );
    expect((await emailsTo(request.email)).map((mail) => mail.subject)).toContain(
      'Votre dispense d’adhésion est acceptée',
    );
    const audit = await employer.call<{ items: { action: string; targetId: string }[] }>(
      'GET',
      `${employer.base}/audit-events?action=dispense.validated`,
    );
    expect(audit.body.items.map((event) => event.targetId)).toContain(dispense.dispenseId);

    for (const version of [1, 2]) {
      const twice = await decide(employer, dispense, {
        decision: 'refused',
        comment: 'Justificatif illisible',
        version,
      });
      expect(twice.status).toBe(422);
      expect(twice.body).toMatchObject({
        code: 'DISPENSE_ALREADY_DECIDED',
        message: 'Cette dispense a déjà été validée ou refusée : rechargez la liste.',
      });
    }
    expect(await countersOf(employer.companyId)).toEqual(after);
  });

  it('refuses a decision on a version the user did not see, with a 409, and changes nothing', async () => {
    const { request } = await askDispense(employer);
    const dispense = await dispenseOf(employer, request.requestId);
    const stale = await decide(employer, dispense, { decision: 'validated', version: dispense.version + 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(await dispenseOf(employer, request.requestId)).toMatchObject({ state: 'pending', version: 1 });
  });

  it('requires a comment to refuse, and answers 404 for a dispense of another company', async () => {
    const { request } = await askDispense(employer);
    const dispense = await dispenseOf(employer, request.requestId);
    const bare = await decide(employer, dispense, { decision: 'refused' });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toMatchObject({
      comment: 'Expliquez le refus au salarié (5 caractères au moins).',
    });
    const other = await freshEmployer();
    const foreign = await decide(other, dispense, { decision: 'validated' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('DISPENSE_NOT_FOUND');
  });

  it('refuses a dispense: the employee is told why, and the affiliation reopens on a new link', async () => {
    const { request, employee } = await askDispense(employer);
    const dispense = await dispenseOf(employer, request.requestId);
    const before = await countersOf(employer.companyId);
    const oldToken = request.token!;

    const refused = await decide(employer, dispense, {
      decision: 'refused',
      comment: 'Votre attestation CSS a expiré le mois dernier.',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body).toMatchObject({
      state: 'refused',
      decisionComment: 'Votre attestation CSS a expiré le mois dernier.',
    });
    const after = await countersOf(employer.companyId);
    expect(after.dispenses_pending).toBe(before.dispenses_pending! - 1);
    expect(after.affiliation_finalized).toBe(before.affiliation_finalized! - 1);
    expect(after.affiliation_sent).toBe(before.affiliation_sent! + 1);

    const mails = await emailsTo(request.email);
    const refusal = mails.find(
      (mail) => mail.subject === 'Votre demande de dispense d’adhésion n’est pas acceptée',
    );
    expect(refusal?.text).toContain('« Votre attestation CSS a expiré le mois dernier. »');
    // The new journey's link (newest first), not the old one.
    const newToken = biaTokenIn(mails.find((mail) => biaTokenIn(mail.text))!.text)!;
    expect(newToken).not.toBe(oldToken);
    expect(await trackingOf(request.requestId)).toMatchObject({ status: 'sent', journey: 2, outcome: null });

    // The old link opens nothing; the new one opens the BIA, without the dispense asked for.
    expect((await employee('GET', '/bia')).status).toBe(401);
    const reopened = await employeeWith(newToken)<{ status: string; draft: Record<string, unknown> }>(
      'GET',
      '/bia',
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('sent');
    expect(reopened.body.draft.dispense).toBeUndefined();
    expect((await dispensesOf(employer, '?state=refused')).map((item) => item.dispenseId)).toContain(
      dispense.dispenseId,
    );
  });
});

describe('dispenses ending within 30 days', () => {
  it('lists the validated ones ending between today and today + 30 days, soonest first', async () => {
    const soon = await askDispense(employer, { reason: 'cdd_court', endDate: inDays(20) });
    const sooner = await askDispense(employer, { reason: 'cdd_court', endDate: inDays(5) });
    const later = await askDispense(employer, { endDate: inDays(90) });
    const undecided = await askDispense(employer, { reason: 'cdd_court', endDate: inDays(10) });
    const before = await countersOf(employer.companyId);
    for (const asked of [soon, sooner, later]) {
      const dispense = await dispenseOf(employer, asked.request.requestId);
      expect((await decide(employer, dispense, { decision: 'validated' })).status).toBe(200);
    }
    // The two ending within 30 days were counted at the decision.
    expect((await countersOf(employer.companyId)).dispenses_ending_soon).toBe(
      (before.dispenses_ending_soon ?? 0) + 2,
    );
    const endingSoon = await dispensesOf(employer, '?endingSoon=true');
    const ours = endingSoon.filter((item) =>
      [soon, sooner, later, undecided].some((asked) => asked.request.requestId === item.requestId),
    );
    expect(ours.map((item) => item.requestId)).toEqual([sooner.request.requestId, soon.request.requestId]);
    expect(ours.every((item) => item.state === 'validated')).toBe(true);
    expect(await dispensesOf(employer, '?endingSoon=true&state=pending')).toEqual([]);
  });
});

describe('the reminder job', () => {
  it('reminds the administrators once at J−30, counts the dispense, and takes it out once ended', async () => {
    const owner = await freshEmployer();
    const endDate = inDays(60);
    const { request, lastName } = await askDispense(owner, { endDate });
    const dispense = await dispenseOf(owner, request.requestId);
    expect((await decide(owner, dispense, { decision: 'validated' })).status).toBe(200);
    const remindersTo = async () =>
      (await emailsTo(owner.adminEmail)).filter(
        (mail) => mail.subject === `Dispense d’adhésion bientôt échue — Camille ${lastName}`,
      );
    const counted = async () => (await countersOf(owner.companyId)).dispenses_ending_soon ?? 0;
    expect(await counted()).toBe(0);

    // J−31: not yet.
    expect(await runDispenseJob(`${inDays(-31, endDate)}T06:00:00.000Z`, owner.companyId)).toMatchObject({
      reminded: 0,
      ended: 0,
    });
    expect(await remindersTo()).toEqual([]);

    // J−30, twice at once and once more: one reminder, counted once.
    const at = `${inDays(-30, endDate)}T06:00:00.000Z`;
    const runs = await Promise.all([
      runDispenseJob(at, owner.companyId),
      runDispenseJob(at, owner.companyId),
    ]);
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(1);
    expect(await runDispenseJob(at, owner.companyId)).toMatchObject({ reminded: 0 });
    const reminders = await remindersTo();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain(`prend fin le ${endDate.split('-').reverse().join('/')}`);
    expect(reminders[0]!.text).toContain('/salaries/dispenses?echeance=30');
    expect(await counted()).toBe(1);

    // On its end date it is still in force; the day after, it has ended: out of the count, once.
    expect(await runDispenseJob(`${endDate}T06:00:00.000Z`, owner.companyId)).toMatchObject({ ended: 0 });
    const dayAfter = `${inDays(1, endDate)}T06:00:00.000Z`;
    expect(await runDispenseJob(dayAfter, owner.companyId)).toMatchObject({ ended: 1 });
    expect(await runDispenseJob(dayAfter, owner.companyId)).toMatchObject({ ended: 0, reminded: 0 });
    expect(await counted()).toBe(0);
    expect(await remindersTo()).toHaveLength(1);
  });
});
