import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  DISPENSE_VIEW_OPTIONS,
  dispensesAnnouncement,
  emptyMessage,
  endingSoonNote,
  parseDispenseView,
  toDispenseQuery,
  withDispenseView,
} from '../../../../web/src/features/dispenses/lib/filters';
import { dispensesPath } from '../../../../web/src/features/dispenses/lib/links';
import { listDispensesQuery } from '../../../../functions/contracts/anomalies';

const params = (text: string) => new URLSearchParams(text);

describe('the dispenses view in the address', () => {
  it('shows every dispense by default', () => {
    expect(parseDispenseView(params(''))).toBe('all');
  });

  it('reads a state, and the 30-day deadline (which wins: those are validated ones)', () => {
    expect(parseDispenseView(params('etat=pending'))).toBe('pending');
    expect(parseDispenseView(params('etat=refused'))).toBe('refused');
    expect(parseDispenseView(params('echeance=30'))).toBe('endingSoon');
    expect(parseDispenseView(params('etat=pending&echeance=30'))).toBe('endingSoon');
  });

  it('ignores unknown values (old bookmark, typo)', () => {
    expect(parseDispenseView(params('etat=annulee'))).toBe('all');
    expect(parseDispenseView(params('echeance=90'))).toBe('all');
  });

  it('writes one parameter per view and keeps the others', () => {
    expect(withDispenseView(params('x=1&etat=pending'), 'endingSoon').toString()).toBe('x=1&echeance=30');
    expect(withDispenseView(params('echeance=30'), 'validated').toString()).toBe('etat=validated');
    expect(withDispenseView(params('etat=refused'), 'all').toString()).toBe('');
  });

  it('gives the links the home page uses, which the page reads back', () => {
    expect(dispensesPath()).toBe('/salaries/dispenses');
    expect(dispensesPath('pending')).toBe('/salaries/dispenses?etat=pending');
    expect(dispensesPath('endingSoon')).toBe('/salaries/dispenses?echeance=30');
    for (const option of DISPENSE_VIEW_OPTIONS) {
      const search = dispensesPath(option.value).split('?')[1] ?? '';
      expect(parseDispenseView(params(search))).toBe(option.value);
    }
  });

  it('asks the API for what the contract accepts', () => {
    expect(toDispenseQuery('all')).toEqual({});
    expect(toDispenseQuery('pending')).toEqual({ state: 'pending' });
    expect(toDispenseQuery('endingSoon')).toEqual({ endingSoon: true });
    for (const option of DISPENSE_VIEW_OPTIONS) {
      // As the query string carries it: booleans become 'true'.
      const query = Object.fromEntries(
        Object.entries(toDispenseQuery(option.value)).map(([key, value]) => [key, String(value)]),
      );
      expect(listDispensesQuery.safeParse(query).success).toBe(true);
    }
  });
});

describe('what the list says', () => {
  it('counts the rows shown, French plural', () => {
    expect(dispensesAnnouncement(1, false)).toBe('1 dispense affichée.');
    expect(dispensesAnnouncement(4, true)).toBe(
      "4 dispenses affichées. D'autres dispenses peuvent être chargées.",
    );
    expect(dispensesAnnouncement(0, false)).toBe('');
  });

  it('explains an empty list by its view', () => {
    expect(emptyMessage('pending')).toBe("Aucune dispense n'attend votre décision.");
    expect(emptyMessage('endingSoon')).toBe(
      "Aucune dispense validée n'arrive à échéance dans les 30 prochains jours.",
    );
  });
});

describe('deadlines', () => {
  it('counts whole calendar days, across a daylight-saving change', () => {
    expect(daysUntil('2026-04-01', '2026-03-20')).toBe(12);
    expect(daysUntil('2026-03-20', '2026-03-20')).toBe(0);
    expect(daysUntil('2026-03-19', '2026-03-20')).toBe(-1);
    expect(daysUntil(null, '2026-03-20')).toBeNull();
  });

  it('notes a validated dispense ending within 30 days, not before nor after', () => {
    expect(endingSoonNote('2026-03-20', '2026-03-20')).toBe("Échéance aujourd'hui");
    expect(endingSoonNote('2026-03-21', '2026-03-20')).toBe('Échéance dans 1 jour');
    expect(endingSoonNote('2026-04-19', '2026-03-20')).toBe('Échéance dans 30 jours');
    expect(endingSoonNote('2026-04-20', '2026-03-20')).toBeNull();
    expect(endingSoonNote('2026-03-19', '2026-03-20')).toBeNull();
    expect(endingSoonNote(null, '2026-03-20')).toBeNull();
  });
});
