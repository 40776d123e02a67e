import { describe, expect, it } from 'vitest';
import {
  exportAnnouncement,
  hasActiveFilters,
  NO_FILTERS,
  parseSearch,
  PARTIAL_NIR_MESSAGE,
  resultsAnnouncement,
  toEmployeeQuery,
} from '../../../../web/src/features/employees/lib/filters';

// A valid NIR (key = 97 − (1850578006084 mod 97) = 91).
const NIR = '185057800608491';

describe('the search box', () => {
  it('reads a name prefix, trimmed, inner spaces collapsed', () => {
    expect(parseSearch('  dup ')).toEqual({ kind: 'name', value: 'dup' });
    expect(parseSearch('De  la Tour')).toEqual({ kind: 'name', value: 'De la Tour' });
    expect(parseSearch('')).toEqual({ kind: 'none' });
    expect(parseSearch('   ')).toEqual({ kind: 'none' });
  });

  it('reads a full NIR typed with spaces, dots or dashes', () => {
    expect(parseSearch('1 85 05 78 006 084 91')).toEqual({ kind: 'nir', value: NIR });
    expect(parseSearch('1.85.05.78.006.084-91')).toEqual({ kind: 'nir', value: NIR });
  });

  it('asks for all 15 characters rather than searching a partial NIR as a name', () => {
    expect(parseSearch('1 85 05')).toEqual({ kind: 'invalid-nir', message: PARTIAL_NIR_MESSAGE });
  });

  it('refuses a NIR whose key is wrong, with the contract’s message', () => {
    const term = parseSearch('185057800608436');
    expect(term.kind).toBe('invalid-nir');
    expect(term.kind === 'invalid-nir' && term.message).toMatch(/clé incorrecte/);
  });
});

describe('filters → API query', () => {
  it('sends only the filters in use, and the order', () => {
    expect(toEmployeeQuery(NO_FILTERS)).toEqual({ order: 'asc' });
    expect(
      toEmployeeQuery({
        q: ' Mar',
        siret: '12345678900012',
        contractNumber: 'HCR-S-100001',
        statut: 'cadre',
        state: 'radiated',
        order: 'desc',
      }),
    ).toEqual({
      q: 'Mar',
      siret: '12345678900012',
      contractNumber: 'HCR-S-100001',
      statut: 'cadre',
      state: 'radiated',
      order: 'desc',
    });
  });

  it('sends a NIR without its separators', () => {
    expect(toEmployeeQuery({ ...NO_FILTERS, q: '1 85 05 78 006 084 91' })).toEqual({ q: NIR, order: 'asc' });
  });

  it('sends nothing while the search box holds an incomplete NIR', () => {
    expect(toEmployeeQuery({ ...NO_FILTERS, q: '18505', state: 'active' })).toBeUndefined();
  });

  it('knows when a filter is in use (the order is not a filter)', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, order: 'desc' })).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, q: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, state: 'active' })).toBe(true);
  });
});

describe('what the live region says', () => {
  it('counts the rows shown, in French (singular for 0 and 1)', () => {
    expect(resultsAnnouncement(1, false)).toBe('1 salarié affiché.');
    expect(resultsAnnouncement(25, true)).toBe(
      "25 salariés affichés. D'autres salariés peuvent être chargés.",
    );
    expect(resultsAnnouncement(0, false)).toBe('Aucun salarié ne correspond à votre recherche.');
  });

  it('announces the export', () => {
    expect(exportAnnouncement(30)).toBe('Export de 30 salariés prêt.');
    expect(exportAnnouncement(1)).toBe('Export de 1 salarié prêt.');
  });
});
