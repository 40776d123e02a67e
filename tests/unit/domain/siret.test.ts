import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatSiret,
  isValidSiren,
  isValidSiret,
  sirenOf,
  sirenWithKey,
  siretWithKey,
} from '../../../functions/domain/siret';

describe('isValidSiret', () => {
  it.each([
    ['a head office', '44306184100047'],
    ['a secondary establishment', '73282932000074'],
    ['a number with a leading zero', '05480066900027'],
    ['La Poste head office, which passes Luhn', '35600000000048'],
    ['a La Poste office failing Luhn whose digits sum to 15', '35600000000001'],
    ['a La Poste office failing Luhn whose digits sum to 20', '35600000000024'],
  ])('accepts %s', (_case, siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    ['all zeros, although they pass Luhn', '00000000000000'],
    ['a wrong check digit', '44306184100048'],
    ['two swapped digits', '44306184100074'],
    ['a La Poste office failing Luhn whose digit sum is not a multiple of 5', '35600000000002'],
    ['another company using the La Poste rule', '73282932000013'],
    ['13 digits', '4430618410004'],
    ['15 digits', '443061841000470'],
    ['spaces (the schema strips them, the rule does not)', '443 061 841 00047'],
    ['a letter', '4430618410004A'],
    ['full-width digits', '４４３０６１８４１０００４７'],
    ['an empty string', ''],
    ['90 digits of junk', '1234567890'.repeat(9)],
  ])('refuses %s', (_case, siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  it('accepts every SIRET built from a SIREN and a sequence number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.integer({ min: 1, max: 9999 }), (first8, sequence) => {
        fc.pre(first8 !== '00000000');
        expect(isValidSiret(siretWithKey(sirenWithKey(first8), sequence))).toBe(true);
      }),
    );
  });

  it('refuses a built SIRET with any single digit mistyped (outside La Poste)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{8}$/),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (first8, sequence, position, shift) => {
          fc.pre(first8 !== '00000000' && first8 !== '35600000');
          const siret = siretWithKey(sirenWithKey(first8), sequence);
          const digit = (Number(siret[position]) + shift) % 10;
          const mistyped = `${siret.slice(0, position)}${digit}${siret.slice(position + 1)}`;
          expect(isValidSiret(mistyped)).toBe(false);
        },
      ),
    );
  });

  it('accepts any La Poste number whose digits sum to a multiple of 5', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5}$/), (nic) => {
        const siret = `356000000${nic}`;
        const sum = [...siret].reduce((total, char) => total + Number(char), 0);
        fc.pre(sum % 5 === 0);
        expect(isValidSiret(siret)).toBe(true);
      }),
    );
  });
});

describe('isValidSiren', () => {
  it.each(['443061841', '732829320', '356000000', '054800669'])('accepts %s', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it.each([
    ['all zeros', '000000000'],
    ['a wrong check digit', '443061842'],
    ['8 digits', '44306184'],
    ['a SIRET', '44306184100047'],
    ['a letter', '44306184A'],
  ])('refuses %s', (_case, siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });
});

describe('sirenOf', () => {
  it('takes the first 9 digits of a SIRET', () => {
    expect(sirenOf('44306184100047')).toBe('443061841');
  });

  it('ignores the spaces of a formatted SIRET', () => {
    expect(sirenOf('356 000 000 00048')).toBe('356000000');
  });
});

describe('formatSiret', () => {
  it('groups the SIREN by three and keeps the NIC whole', () => {
    expect(formatSiret('35600000000048')).toBe('356 000 000 00048');
  });

  it('formats an already spaced SIRET the same way', () => {
    expect(formatSiret('3560 0000 0000 48')).toBe('356 000 000 00048');
  });

  it('returns a value that is not 14 digits as it was typed', () => {
    expect(formatSiret('123 45')).toBe('123 45');
  });
});

describe('siretWithKey', () => {
  it('numbers the establishments of a company under its SIREN', () => {
    const first = siretWithKey('443061841', 4);
    expect(first).toMatch(/^4430618410004\d$/);
    expect(sirenOf(first)).toBe('443061841');
  });

  it('refuses an invalid SIREN', () => {
    expect(() => siretWithKey('443061842', 1)).toThrow(RangeError);
  });

  it('refuses a sequence outside 1–9999', () => {
    expect(() => siretWithKey('443061841', 0)).toThrow(RangeError);
    expect(() => siretWithKey('443061841', 10000)).toThrow(RangeError);
  });
});
