import { describe, expect, it } from 'vitest';
import { dependantsPhrase } from '../../../../web/src/features/employees/lib/beneficiaries';
import { addDays, todayIso } from '../../../../web/src/features/employees/lib/dates';
import {
  endDateProblem,
  radiationWindow,
  radiationWindowHint,
} from '../../../../web/src/features/employees/lib/radiation-window';
import { radiationFormSchema } from '../../../../web/src/features/employees/lib/radiation-form';

const TODAY = '2026-11-26';

describe('the end dates a radiation accepts', () => {
  it('opens 90 days back and one year ahead', () => {
    expect(radiationWindow('2020-01-01', TODAY)).toEqual({ earliest: '2026-08-28', latest: '2027-11-26' });
  });

  it('starts no earlier than the date d’effet', () => {
    expect(radiationWindow('2026-10-01', TODAY).earliest).toBe('2026-10-01');
  });

  it('gives the reason a date is refused, in the server’s words', () => {
    expect(endDateProblem('2026-09-30', '2026-10-01', TODAY)).toMatch(
      /ne peut pas précéder la date d’effet.*01\/10\/2026/,
    );
    expect(endDateProblem('2026-08-27', '2020-01-01', TODAY)).toMatch(/plus de 90 jours/);
    expect(endDateProblem('2027-11-27', '2020-01-01', TODAY)).toBe(
      'La date de fin ne peut pas dépasser un an à venir.',
    );
    expect(endDateProblem('2026-08-28', '2020-01-01', TODAY)).toBeUndefined();
    expect(endDateProblem(TODAY, '2020-01-01', TODAY)).toBeUndefined();
    expect(endDateProblem('2027-11-26', '2020-01-01', TODAY)).toBeUndefined();
  });

  it('states the window in the hint, dd/mm/yyyy', () => {
    expect(radiationWindowHint('2020-01-01', TODAY)).toBe(
      "Entre le 28/08/2026 et le 26/11/2027 : pas avant la date d'effet de l'affiliation (01/01/2020), au plus 90 jours en arrière et au plus un an à l'avance.",
    );
  });
});

describe('the radiation form', () => {
  const schema = radiationFormSchema('2020-01-01', TODAY);

  it('accepts a date in the window and a known reason', () => {
    expect(schema.safeParse({ endDate: TODAY, reason: 'licenciement' }).success).toBe(true);
  });

  it('asks for a complete date and a reason', () => {
    const result = schema.safeParse({ endDate: '', reason: '' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(messages).toEqual([
      ['endDate', 'Indiquez une date de fin complète (jour, mois et année).'],
      ['reason', 'Choisissez un motif de radiation.'],
    ]);
  });

  it('refuses a date outside the window on the field', () => {
    const result = schema.safeParse({ endDate: '2028-01-01', reason: 'demission' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['endDate'],
      message: 'La date de fin ne peut pas dépasser un an à venir.',
    });
  });
});

describe('calendar helpers', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('takes today on the Paris clock', () => {
    expect(todayIso(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayIso(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
  });
});

describe('the dependants radiated with the employee', () => {
  const child = { kind: 'enfant' as const, firstName: 'Léa', lastName: 'Martin', birthDate: '2015-04-03' };
  const conjoint = {
    kind: 'conjoint' as const,
    firstName: 'Paul',
    lastName: 'Martin',
    birthDate: '1990-01-01',
  };

  it('names them', () => {
    expect(dependantsPhrase([])).toBeNull();
    expect(dependantsPhrase([conjoint])).toBe('son conjoint');
    expect(dependantsPhrase([child])).toBe('son enfant');
    expect(dependantsPhrase([conjoint, child, { ...child, firstName: 'Zoé' }])).toBe(
      'son conjoint et ses 2 enfants',
    );
  });
});
