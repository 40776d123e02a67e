import { describe, expect, it } from 'vitest';
import {
  anomaliesAnnouncement,
  anomaliesSearch,
  emptyMessage,
  parseAnomalyFilters,
  toAnomalyQuery,
  TYPE_OPTIONS,
  withAnomalyFilters,
} from '../../../../web/src/features/anomalies/lib/filters';
import { ANOMALY_TYPES, listAnomaliesQuery } from '../../../../functions/contracts/anomalies';

const params = (text: string) => new URLSearchParams(text);

describe('anomaly filters in the address', () => {
  it('opens on the open anomalies, every type and établissement', () => {
    expect(parseAnomalyFilters(params(''))).toEqual({ state: 'open', type: '', siret: '' });
  });

  it('reads the history tab, a type and a SIRET', () => {
    expect(
      parseAnomalyFilters(params('onglet=historique&type=statut_mismatch&etablissement=73282932000074')),
    ).toEqual({
      state: 'resolved',
      type: 'statut_mismatch',
      siret: '73282932000074',
    });
  });

  it('ignores what it does not know rather than failing (old bookmark, typo)', () => {
    expect(parseAnomalyFilters(params('onglet=autre&type=toString&etablissement=1234'))).toEqual({
      state: 'open',
      type: '',
      siret: '',
    });
    expect(parseAnomalyFilters(params('type=__proto__')).type).toBe('');
  });

  it('writes only the filters in use, and keeps unrelated parameters', () => {
    const next = withAnomalyFilters(params('x=1&type=identity_mismatch'), {
      state: 'resolved',
      type: '',
      siret: '73282932000074',
    });
    expect(next.toString()).toBe('x=1&onglet=historique&etablissement=73282932000074');
    expect(anomaliesSearch({ state: 'open', type: '', siret: '' })).toBe('');
    expect(anomaliesSearch({ state: 'open', type: 'not_affiliated', siret: '' })).toBe(
      '?type=not_affiliated',
    );
  });

  it('round-trips through the address', () => {
    const filters = { state: 'resolved', type: 'ended_still_affiliated', siret: '73282932000074' } as const;
    expect(parseAnomalyFilters(withAnomalyFilters(params(''), filters))).toEqual(filters);
  });

  it('asks the API for what the contract accepts', () => {
    const query = toAnomalyQuery({ state: 'open', type: 'identity_mismatch', siret: '' });
    expect(query).toEqual({ state: 'open', type: 'identity_mismatch' });
    expect(listAnomaliesQuery.safeParse(query).success).toBe(true);
    expect(toAnomalyQuery({ state: 'resolved', type: '', siret: '73282932000074' })).toEqual({
      state: 'resolved',
      siret: '73282932000074',
    });
  });

  it('offers every type of the contract, with its label', () => {
    expect(TYPE_OPTIONS.map((option) => option.value)).toEqual(Object.keys(ANOMALY_TYPES));
    expect(TYPE_OPTIONS[0]).toEqual({ value: 'not_affiliated', label: 'Déclaré en DSN mais non affilié' });
  });
});

describe('what the list says', () => {
  it('counts the rows shown, per tab, French plural', () => {
    expect(anomaliesAnnouncement('open', 1, false)).toBe('1 anomalie ouverte affichée.');
    expect(anomaliesAnnouncement('open', 3, true)).toBe(
      "3 anomalies ouvertes affichées. D'autres anomalies peuvent être chargées.",
    );
    expect(anomaliesAnnouncement('resolved', 2, false)).toBe('2 anomalies résolues affichées.');
    expect(anomaliesAnnouncement('open', 0, false)).toBe('');
  });

  it('explains an empty list by the tab and the filters', () => {
    expect(emptyMessage({ state: 'open', type: '', siret: '' })).toMatch(/Aucune anomalie à traiter/);
    expect(emptyMessage({ state: 'open', type: 'statut_mismatch', siret: '' })).toBe(
      'Aucune anomalie ouverte ne correspond à ces filtres.',
    );
    expect(emptyMessage({ state: 'resolved', type: '', siret: '' })).toBe(
      "Aucune anomalie n'a encore été résolue.",
    );
  });
});
