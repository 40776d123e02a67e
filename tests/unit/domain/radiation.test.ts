import { describe, expect, it } from 'vitest';
import {
  addMonths,
  monthsRoundedUp,
  planRadiation,
  portabiliteFor,
} from '../../../functions/domain/radiation';

describe('portabilité', () => {
  it.each([
    ['licenciement', true],
    ['fin_cdd', true],
    ['rupture_conventionnelle', true],
    ['demission', false],
    // A faute grave still opens unemployment benefits; only a faute lourde excludes the portabilité.
    ['licenciement_faute_grave', true],
    ['licenciement_faute_lourde', false],
    ['retraite', false],
    ['deces', false],
    ['autre', false],
  ] as const)('is %s → eligible %s', (reason, eligible) => {
    expect(portabiliteFor(reason, '2025-01-01', '2025-06-30').eligible).toBe(eligible);
  });

  it('lasts the length of the last contract in months rounded up', () => {
    expect(portabiliteFor('fin_cdd', '2026-01-01', '2026-03-31')).toEqual({
      eligible: true,
      months: 3,
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(portabiliteFor('fin_cdd', '2026-01-01', '2026-04-01').months).toBe(4);
    expect(portabiliteFor('fin_cdd', '2026-01-15', '2026-01-15').months).toBe(1);
  });

  it('never exceeds 12 months', () => {
    expect(portabiliteFor('licenciement', '2010-01-01', '2026-06-30').months).toBe(12);
    expect(portabiliteFor('licenciement', '2010-01-01', '2026-06-30').to).toBe('2027-06-30');
  });

  it('counts calendar months across month ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(monthsRoundedUp('2026-01-31', '2026-02-27')).toBe(1);
    expect(monthsRoundedUp('2026-01-31', '2026-02-28')).toBe(2);
  });
});

describe('radiation rule', () => {
  const insured = { effectiveDate: '2024-03-01' };

  it('refuses an end date before the date d’effet', () => {
    expect(() =>
      planRadiation(insured, { endDate: '2024-02-29', reason: 'demission' }, '2026-11-26'),
    ).toThrow(expect.objectContaining({ reason: 'RADIATION_BEFORE_START' }));
  });

  it('refuses an end date further back than the allowed window, and accepts its last day', () => {
    expect(() =>
      planRadiation(insured, { endDate: '2026-08-27', reason: 'demission' }, '2026-11-26'),
    ).toThrow(expect.objectContaining({ reason: 'RADIATION_TOO_OLD' }));
    expect(planRadiation(insured, { endDate: '2026-08-28', reason: 'demission' }, '2026-11-26').endDate).toBe(
      '2026-08-28',
    );
  });

  it('refuses an already radiated insured and an end date more than a year ahead', () => {
    expect(() =>
      planRadiation(
        { ...insured, endDate: '2025-01-01' },
        { endDate: '2026-11-26', reason: 'autre' },
        '2026-11-26',
      ),
    ).toThrow(expect.objectContaining({ reason: 'ALREADY_RADIATED' }));
    expect(() => planRadiation(insured, { endDate: '2027-11-27', reason: 'autre' }, '2026-11-26')).toThrow(
      expect.objectContaining({ reason: 'RADIATION_TOO_FAR' }),
    );
  });
});
