import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  hasFilters,
  searchFromFilters,
  trackingHref,
} from '../../../../web/src/features/affiliation/lib/tracking-filters';

const SIRET = '73282932000074';

describe('the filters of Suivi des affiliations, kept in the address', () => {
  it('reads a deep link such as ?statut=started (the home page links there)', () => {
    expect(filtersFromSearch(new URLSearchParams('statut=started'))).toEqual({ status: 'started' });
    expect(
      filtersFromSearch(new URLSearchParams(`statut=abandoned&mode=courrier&etablissement=${SIRET}`)),
    ).toEqual({
      status: 'abandoned',
      mode: 'courrier',
      siret: SIRET,
    });
  });

  it('ignores unknown or malformed values instead of failing the page', () => {
    expect(filtersFromSearch(new URLSearchParams('statut=oublie&mode=fax&etablissement=123'))).toEqual({});
    expect(filtersFromSearch(new URLSearchParams('etablissement=732 829 320 00074'))).toEqual({
      siret: SIRET,
    });
  });

  it('writes only the filters in use, in a stable order, and reads them back the same', () => {
    const filters = { siret: SIRET, status: 'sent' as const };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe(`statut=sent&etablissement=${SIRET}`);
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchFromFilters({}).toString()).toBe('');
  });

  it('builds links to the filtered list, and nothing else for no filter', () => {
    expect(trackingHref('/salaries/suivi-affiliations', { status: 'finalized' })).toBe(
      '/salaries/suivi-affiliations?statut=finalized',
    );
    expect(trackingHref('/salaries/suivi-affiliations', {})).toBe('/salaries/suivi-affiliations');
  });

  it('knows whether any filter narrows the list', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ mode: 'email' })).toBe(true);
  });
});
