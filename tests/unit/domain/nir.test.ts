import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNir, isValidNir, maskNir, nirFor, nirKey, normaliseNir } from '../../../functions/domain/nir';

const withDigitAt = (text: string, position: number, digit: number): string =>
  `${text.slice(0, position)}${digit}${text.slice(position + 1)}`;

describe('normaliseNir', () => {
  it.each([
    ['1 85 05 78 006 084 91', '185057800608491'],
    ['1.85.05.78.006.084.91', '185057800608491'],
    ['1-85-05-78-006-084-91', '185057800608491'],
    ['1\u00a085\u00a005\u00a078\u00a0006\u00a0084\u00a091', '185057800608491'],
    ['2 90 03 2a 004 123 20', '290032A00412320'],
  ])('turns %j into %s', (typed, normalised) => {
    expect(normaliseNir(typed)).toBe(normalised);
  });
});

describe('nirKey', () => {
  it('is 97 minus the number modulo 97', () => {
    expect(nirKey('1850578006084')).toBe(97 - (1850578006084 % 97));
  });

  it('counts Corse-du-Sud (2A) as 19', () => {
    expect(nirKey('290032A004123')).toBe(nirKey('2900319004123'));
    expect(nirKey('290032A004123')).toBe(20);
  });

  it('counts Haute-Corse (2B) as 18', () => {
    expect(nirKey('180112B033045')).toBe(nirKey('1801118033045'));
  });

  it('gives 97 when the number is a multiple of 97', () => {
    expect(nirKey(String(97 * 19_000_000_000).padStart(13, '0'))).toBe(97);
  });

  it('refuses anything but 13 characters', () => {
    expect(() => nirKey('185057800608')).toThrow(RangeError);
    expect(() => nirKey('18505780060849')).toThrow(RangeError);
  });
});

describe('isValidNir', () => {
  it.each([
    ['a man born in the Yvelines', '185057800608491'],
    ['the same number typed with spaces', '1 85 05 78 006 084 91'],
    ['a woman born in Corse-du-Sud (2A)', '290032A00412320'],
    ['the same number in lower case', '290032a00412320'],
    ['a man born in Haute-Corse (2B)', '180112B03304520'],
    ['a woman born in Guadeloupe (3-digit department)', '278079710501212'],
    ['a man born in Morocco (department 99)', '169029935000708'],
    ['a woman born in the Ain (leading zero department)', '201120105300174'],
    ['a temporary number (7)', '785057800608482'],
    ['a temporary number (8)', '892059935012315'],
    ['an unknown birth month (pseudo-month 30)', '185309935000760'],
  ])('accepts %s', (_case, nir) => {
    expect(isValidNir(nir)).toBe(true);
  });

  it.each([
    ['the display example with its key wrong', '185057800608436'],
    ['a key off by one', '185057800608492'],
    [
      'a Corsican number keyed as department 20',
      `290032A004123${String(nirKey('2900320004123')).padStart(2, '0')}`,
    ],
    ['sex 3', '385057800608491'],
    ['month 00', '185007800608491'],
    ['month 13', '185137800608491'],
    ['month 19', '185197800608491'],
    ['department 2C', '290032C00412320'],
    ['14 characters', '18505780060849'],
    ['16 characters', '1850578006084911'],
    ['a letter elsewhere than Corsica', '18505780060A491'],
    ['full-width digits', '１８５０５７８００６０８４９１'],
    ['an empty string', ''],
    ['90 digits of junk', '1234567890'.repeat(9)],
  ])('refuses %s', (_case, nir) => {
    expect(isValidNir(nir)).toBe(false);
  });
});

describe('formatNir', () => {
  it('groups as printed on the carte Vitale', () => {
    expect(formatNir('185057800608436')).toBe('1 85 05 78 006 084 36');
  });

  it('keeps 2A and 2B in the department group', () => {
    expect(formatNir('290032a00412320')).toBe('2 90 03 2A 004 123 20');
  });

  it('returns a value that is not 15 characters normalised but ungrouped', () => {
    expect(formatNir('1 85 05')).toBe('18505');
  });
});

describe('maskNir', () => {
  it('keeps sex, year, month and key, and hides place and order of birth', () => {
    expect(maskNir('185057800608436')).toBe('1 85 05 •• ••• ••• 36');
  });

  it('masks a typed number the same way', () => {
    expect(maskNir('2 90 03 2A 004 123 20')).toBe('2 90 03 •• ••• ••• 20');
  });

  it('hides every character of a value it cannot parse', () => {
    expect(maskNir('18505780060')).toBe('•••••••••••');
  });
});

const nirPartsArbitrary = fc.record({
  sex: fc.constantFrom(1 as const, 2 as const),
  birthYear: fc.integer({ min: 1900, max: 2026 }),
  birthMonth: fc.integer({ min: 1, max: 12 }),
  place: fc.oneof(
    fc.tuple(fc.stringMatching(/^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|99)$/), fc.stringMatching(/^[0-9]{3}$/)),
    fc.tuple(fc.stringMatching(/^97[1-6]$/), fc.stringMatching(/^[0-9]{2}$/)),
  ),
  order: fc.integer({ min: 1, max: 999 }).map((order) => String(order).padStart(3, '0')),
});

describe('nirFor', () => {
  it('builds the NIR of a person from its parts', () => {
    expect(
      nirFor({ sex: 1, birthYear: 1985, birthMonth: 5, department: '78', commune: '006', order: '084' }),
    ).toBe('185057800608491');
  });

  it('builds valid numbers that match the sex, year and month they were given', () => {
    fc.assert(
      fc.property(
        nirPartsArbitrary,
        ({ sex, birthYear, birthMonth, place: [department, commune], order }) => {
          const nir = nirFor({ sex, birthYear, birthMonth, department, commune, order });
          expect(isValidNir(nir)).toBe(true);
          expect(nir.slice(0, 5)).toBe(
            `${sex}${String(birthYear % 100).padStart(2, '0')}${String(birthMonth).padStart(2, '0')}`,
          );
        },
      ),
    );
  });

  it('builds numbers in which any single mistyped digit is detected', () => {
    fc.assert(
      fc.property(
        nirPartsArbitrary,
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 9 }),
        ({ sex, birthYear, birthMonth, place: [department, commune], order }, position, shift) => {
          const nir = nirFor({ sex, birthYear, birthMonth, department, commune, order });
          const char = nir[position] ?? '';
          fc.pre(/[0-9]/.test(char));
          const mistyped = withDigitAt(nir, position, (Number(char) + shift) % 10);
          expect(isValidNir(mistyped)).toBe(false);
        },
      ),
    );
  });

  it.each([
    ['a month out of range', { birthMonth: 13 }],
    ['birth order 000', { order: '000' }],
    ['a commune code of the wrong length', { commune: '06' }],
    ['an unknown department letter', { department: '2C' }],
  ])('refuses %s', (_case, change) => {
    const parts = {
      sex: 1 as const,
      birthYear: 1985,
      birthMonth: 5,
      department: '78',
      commune: '006',
      order: '084',
    };
    expect(() => nirFor({ ...parts, ...change })).toThrow(RangeError);
  });
});
