import { describe, expect, it } from 'vitest';
import {
  portabiliteDetail,
  portabiliteSummary,
} from '../../../../web/src/features/employees/lib/portabilite';

describe('portabilité wording', () => {
  it('says how long and until when, in the list', () => {
    expect(portabiliteSummary({ eligible: true, months: 12, from: '2026-12-01', to: '2027-11-30' })).toBe(
      "Portabilité : 12 mois, jusqu'au 30/11/2027",
    );
    expect(portabiliteSummary({ eligible: true, months: 1, from: '2026-12-01', to: '2026-12-31' })).toBe(
      "Portabilité : 1 mois, jusqu'au 31/12/2026",
    );
  });

  it('says plainly when the reason opens no portabilité', () => {
    expect(portabiliteSummary({ eligible: false, months: 0, from: null, to: null })).toBe(
      'Pas de portabilité',
    );
  });

  it('shows nothing when the server does not know (a radiation that came from the DSN)', () => {
    expect(portabiliteSummary(null)).toBeNull();
    expect(portabiliteDetail(null)).toBeNull();
  });

  it('gives both dates after a radiation', () => {
    expect(portabiliteDetail({ eligible: true, months: 7, from: '2026-11-27', to: '2027-06-26' })).toContain(
      'Portabilité : 7 mois, du 27/11/2026 au 26/06/2027.',
    );
    expect(portabiliteDetail({ eligible: false, months: 0, from: null, to: null })).toMatch(
      /^Pas de portabilité/,
    );
  });
});
