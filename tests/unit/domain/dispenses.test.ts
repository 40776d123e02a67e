import { describe, expect, it } from 'vitest';
import { DISPENSE_REASON_VALUES } from '../../../functions/contracts/anomalies';
import {
  DISPENSE_REASONS,
  DISPENSE_REASON_RULES,
  DISPENSE_REMINDER_DAYS,
  checkDispenseRequest,
  isDispenseInForce,
  isEndingWithin,
  proofRenewalDate,
  reminderDateOf,
  type DispenseRequestInput,
} from '../../../functions/domain/dispenses';

const TODAY = '2026-03-10';

const request = (overrides: Partial<DispenseRequestInput> = {}): DispenseRequestInput => ({
  reason: 'css',
  swornStatement: true,
  proofs: ['upload-1'],
  endDate: '2026-12-31',
  ...overrides,
});

describe('legal reasons', () => {
  it('are the reasons the API accepts', () => {
    expect([...DISPENSE_REASONS]).toEqual([...DISPENSE_REASON_VALUES]);
  });

  it.each([
    ['css', true, true],
    ['contrat_individuel', true, true],
    ['autre_couverture_collective', true, false],
    ['cdd_court', true, true],
    ['presence_due', false, false],
  ] as const)('%s: proof %s, end date %s', (reason, needsProof, hasEndDate) => {
    const rule = DISPENSE_REASON_RULES[reason];
    expect(rule).toMatchObject({ needsProof, hasEndDate });
    // Every question shown to the employee has its French wording.
    expect(rule.label.length).toBeGreaterThan(10);
    expect(rule.proofLabel !== null).toBe(needsProof);
    expect(rule.endDateLabel !== null).toBe(hasEndDate);
  });

  it('asks for an attestation every year only when covered by another collective scheme', () => {
    expect(DISPENSE_REASONS.filter((reason) => DISPENSE_REASON_RULES[reason].annualProof)).toEqual([
      'autre_couverture_collective',
    ]);
    expect(proofRenewalDate('autre_couverture_collective', '2026-03-10')).toBe('2027-03-10');
    expect(proofRenewalDate('css', '2026-03-10')).toBeNull();
  });
});

describe('a dispense request', () => {
  it('is accepted with a reason, the sworn statement, the proof and a future end date', () => {
    expect(checkDispenseRequest(request(), TODAY)).toEqual({
      ok: true,
      dispense: { reason: 'css', endDate: '2026-12-31', proofs: ['upload-1'] },
    });
  });

  it('needs neither proof nor end date for an employee present at a DUE, and drops an end date sent anyway', () => {
    expect(
      checkDispenseRequest(request({ reason: 'presence_due', proofs: [], endDate: '2027-01-01' }), TODAY),
    ).toEqual({ ok: true, dispense: { reason: 'presence_due', endDate: null, proofs: [] } });
  });

  it('needs no end date when already covered by another collective scheme', () => {
    expect(
      checkDispenseRequest(request({ reason: 'autre_couverture_collective', endDate: null }), TODAY),
    ).toMatchObject({ ok: true, dispense: { endDate: null } });
  });

  it.each([undefined, null, 'autre', ''])('refuses the reason %s', (reason) => {
    expect(checkDispenseRequest(request({ reason }), TODAY)).toEqual({
      ok: false,
      errors: { reason: 'Choisissez le motif de la dispense.' },
    });
  });

  it.each([false, undefined, null])('refuses without the sworn statement (%s)', (swornStatement) => {
    expect(checkDispenseRequest(request({ swornStatement }), TODAY)).toEqual({
      ok: false,
      errors: { swornStatement: 'Cochez l’attestation sur l’honneur pour demander une dispense.' },
    });
  });

  it.each(['css', 'contrat_individuel', 'autre_couverture_collective', 'cdd_court'] as const)(
    'refuses %s without its proof',
    (reason) => {
      const result = checkDispenseRequest(request({ reason, proofs: [], endDate: '2026-04-30' }), TODAY);
      expect(result).toEqual({
        ok: false,
        errors: { proofs: expect.stringMatching(/^Joignez le justificatif demandé : /) },
      });
    },
  );

  it('names the proof in the message', () => {
    const result = checkDispenseRequest(request({ proofs: null }), TODAY);
    expect(result.ok ? null : result.errors.proofs).toBe(
      'Joignez le justificatif demandé : attestation de droits à la Complémentaire santé solidaire.',
    );
  });

  it.each([
    [undefined, 'Indiquez la date de fin de vos droits à la CSS.'],
    ['', 'Indiquez la date de fin de vos droits à la CSS.'],
    ['31/12/2026', 'Date invalide.'],
    ['2026-02-30', 'Date invalide.'],
    [
      TODAY,
      'Cette date est passée : la dispense ne peut plus s’appliquer. Votre affiliation est obligatoire.',
    ],
    [
      '2026-01-31',
      'Cette date est passée : la dispense ne peut plus s’appliquer. Votre affiliation est obligatoire.',
    ],
    ['2027-03-11', 'Pour ce motif, la date de fin ne peut pas dépasser le 10/03/2027.'],
  ])('refuses the end date %s', (endDate, message) => {
    expect(checkDispenseRequest(request({ endDate }), TODAY)).toEqual({
      ok: false,
      errors: { endDate: message },
    });
  });

  it('accepts the CSS up to one year ahead, a short CDD up to three months', () => {
    expect(checkDispenseRequest(request({ endDate: '2027-03-10' }), TODAY).ok).toBe(true);
    expect(checkDispenseRequest(request({ reason: 'cdd_court', endDate: '2026-06-10' }), TODAY).ok).toBe(
      true,
    );
    expect(checkDispenseRequest(request({ reason: 'cdd_court', endDate: '2026-06-11' }), TODAY)).toEqual({
      ok: false,
      errors: { endDate: 'Pour ce motif, la date de fin ne peut pas dépasser le 10/06/2026.' },
    });
  });

  it('reports every problem at once', () => {
    const result = checkDispenseRequest(
      { reason: 'contrat_individuel', swornStatement: false, proofs: [], endDate: null },
      TODAY,
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'endDate',
      'proofs',
      'swornStatement',
    ]);
    expect(result.ok ? null : result.errors.endDate).toBe(
      'Indiquez la date d’échéance de votre contrat individuel.',
    );
  });
});

describe('the end of a dispense', () => {
  it(`reminds the employer ${DISPENSE_REMINDER_DAYS} days before`, () => {
    expect(DISPENSE_REMINDER_DAYS).toBe(30);
    expect(reminderDateOf('2026-04-09')).toBe('2026-03-10');
    expect(reminderDateOf(null)).toBeNull();
  });

  it.each([
    ['ending today', 'validated', TODAY, true],
    ['ending in 30 days', 'validated', '2026-04-09', true],
    ['ending in 31 days', 'validated', '2026-04-10', false],
    ['already ended', 'validated', '2026-03-09', false],
    ['without end date', 'validated', null, false],
    ['not yet validated', 'pending', '2026-03-20', false],
    ['refused', 'refused', '2026-03-20', false],
  ] as const)('a dispense %s is ending within 30 days: %s', (_, state, endDate, expected) => {
    expect(isEndingWithin({ state, endDate }, TODAY)).toBe(expected);
  });

  it('takes another window when asked', () => {
    expect(isEndingWithin({ state: 'validated', endDate: '2026-03-17' }, TODAY, 7)).toBe(true);
    expect(isEndingWithin({ state: 'validated', endDate: '2026-03-18' }, TODAY, 7)).toBe(false);
  });

  it('is in force once validated, until its end date included', () => {
    expect(isDispenseInForce({ state: 'validated', endDate: null }, TODAY)).toBe(true);
    expect(isDispenseInForce({ state: 'validated', endDate: TODAY }, TODAY)).toBe(true);
    expect(isDispenseInForce({ state: 'validated', endDate: '2026-03-09' }, TODAY)).toBe(false);
    expect(isDispenseInForce({ state: 'pending', endDate: null }, TODAY)).toBe(false);
    expect(isDispenseInForce({ state: 'refused', endDate: null }, TODAY)).toBe(false);
  });
});
