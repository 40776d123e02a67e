import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNir,
  formatPhone,
  formatSiret,
  formatTime,
  parseFrenchDate,
} from '../../../web/src/shared/format';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it('shows an ISO calendar date as dd/mm/yyyy', () => {
    expect(formatDate('2024-03-01')).toBe('01/03/2024');
    expect(formatDate('1999-12-31')).toBe('31/12/1999');
  });

  it('shows a timestamp as its calendar day in Paris, not in UTC', () => {
    expect(formatDate('2024-02-29T23:30:00Z')).toBe('01/03/2024'); // winter: UTC+1
    expect(formatDate('2024-07-14T22:30:00Z')).toBe('15/07/2024'); // summer: UTC+2
    expect(formatDate('2024-07-14T21:30:00Z')).toBe('14/07/2024');
    expect(formatDate('2024-07-15T00:30:00+02:00')).toBe('15/07/2024');
  });

  it('leaves the cell empty for missing, malformed or impossible dates', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('01/03/2024')).toBe('');
    expect(formatDate('2023-02-29')).toBe('');
    expect(formatDate('2024-13-01')).toBe('');
    expect(formatDate('2024-03-01T25:00:00Z')).toBe('');
    expect(formatDate('2024-03-01T10:00:00')).toBe(''); // no zone: ambiguous
  });

  it('accepts a leap day', () => {
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
  });
});

describe('formatDateTime', () => {
  it('shows day and Paris time', () => {
    expect(formatDateTime('2024-03-01T08:05:00Z')).toBe('01/03/2024 à 09:05');
    expect(formatDateTime('2024-07-01T08:05:00.123Z')).toBe('01/07/2024 à 10:05');
  });

  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime('2024-03-01T23:00:00Z')).toBe('02/03/2024 à 00:00');
  });

  it('gives an empty string for anything that is not a zoned timestamp', () => {
    expect(formatDateTime('2024-03-01')).toBe('');
    expect(formatDateTime('demain')).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });
});

describe('formatTime', () => {
  it('shows the Paris time of a timestamp, summer and winter', () => {
    expect(formatTime('2024-03-01T08:05:00Z')).toBe('09:05');
    expect(formatTime('2024-07-01T23:30:00.000Z')).toBe('01:30');
  });

  it('gives an empty string for anything that is not a zoned timestamp', () => {
    expect(formatTime('2024-03-01')).toBe('');
    expect(formatTime(null)).toBe('');
  });
});

describe('parseFrenchDate', () => {
  it('turns dd/mm/yyyy into ISO', () => {
    expect(parseFrenchDate('01/03/2024')).toBe('2024-03-01');
    expect(parseFrenchDate(' 1/3/2024 ')).toBe('2024-03-01');
  });

  it('rejects impossible or malformed dates', () => {
    expect(parseFrenchDate('29/02/2023')).toBeUndefined();
    expect(parseFrenchDate('31/04/2024')).toBeUndefined();
    expect(parseFrenchDate('2024-03-01')).toBeUndefined();
    expect(parseFrenchDate('01/03/24')).toBeUndefined();
  });

  it('round-trips with formatDate', () => {
    for (const iso of ['2000-01-01', '2024-02-29', '2031-12-31']) {
      expect(parseFrenchDate(formatDate(iso))).toBe(iso);
    }
  });
});

describe('formatSiret', () => {
  it('groups SIREN digits by three, then the NIC', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('732 829 320 00074')).toBe('732 829 320 00074');
  });

  it('returns anything else unchanged', () => {
    expect(formatSiret('1234')).toBe('1234');
    expect(formatSiret('')).toBe('');
  });
});

describe('formatNir', () => {
  it('groups the NIR as printed on the carte Vitale', () => {
    expect(formatNir('185057800608436')).toBe('1 85 05 78 006 084 36');
  });

  it('keeps the Corsican department letters', () => {
    expect(formatNir('285052A00608436')).toBe('2 85 05 2A 006 084 36');
    expect(formatNir('285052b00608436')).toBe('2 85 05 2B 006 084 36');
  });

  it('returns anything else unchanged', () => {
    expect(formatNir('12345')).toBe('12345');
  });
});

describe('formatPhone', () => {
  it('shows French numbers by pairs', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('0144208063')).toBe('01 44 20 80 63');
    expect(formatPhone('06.12.34.56.78')).toBe('06 12 34 56 78');
  });

  it('returns foreign or malformed numbers unchanged', () => {
    expect(formatPhone('+32470123456')).toBe('+32470123456');
    expect(formatPhone('12')).toBe('12');
  });
});

describe('formatFileSize', () => {
  it('uses French units with a decimal comma', () => {
    expect(formatFileSize(0)).toBe(`0${NBSP}octet`);
    expect(formatFileSize(850)).toBe(`850${NBSP}octets`);
    expect(formatFileSize(12 * 1024)).toBe(`12${NBSP}Ko`);
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe(`2,5${NBSP}Mo`);
    expect(formatFileSize(3 * 1024 * 1024)).toBe(`3${NBSP}Mo`);
  });

  it('gives an empty string for impossible sizes', () => {
    expect(formatFileSize(-1)).toBe('');
    expect(formatFileSize(Number.NaN)).toBe('');
  });
});

describe('formatCount', () => {
  it('uses the singular for 0 and 1, as French does', () => {
    expect(formatCount(0, 'salarié')).toBe('0 salarié');
    expect(formatCount(1, 'salarié')).toBe('1 salarié');
    expect(formatCount(2, 'salarié')).toBe('2 salariés');
    expect(formatCount(3, 'anomalie ouverte', 'anomalies ouvertes')).toBe('3 anomalies ouvertes');
  });

  it('groups thousands the French way', () => {
    expect(formatCount(12345, 'salarié')).toBe('12\u202f345 salariés');
  });
});
