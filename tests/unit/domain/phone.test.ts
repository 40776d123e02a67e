import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskPhone, normaliseFrenchMobile } from '../../../functions/domain/phone';

describe('normaliseFrenchMobile', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    [' 06 12 34 56 78 ', '+33612345678'],
    ['06\u00a012\u00a034\u00a056\u00a078', '+33612345678'],
    ['０６１２３４５６７８', '+33612345678'],
    ['07 81 23 45 67', '+33781234567'],
    ['+33 7 56 78 90 12', '+33756789012'],
  ])('turns %j into %s', (typed, e164) => {
    expect(normaliseFrenchMobile(typed)).toBe(e164);
  });

  it.each([
    ['a Paris landline (01)', '01 44 20 80 63'],
    ['a north-west landline (02)', '02 40 12 34 56'],
    ['a north-east landline (03)', '03 20 12 34 56'],
    ['a south-east landline (04)', '04 91 12 34 56'],
    ['a south-west landline (05)', '05 56 12 34 56'],
    ['a VoIP number (09)', '09 70 12 34 56'],
    ['a special-rate number (08)', '08 92 12 34 56'],
    ['an unallocated 07 block', '07 00 00 00 00'],
    ['a Guadeloupe mobile, which is not a +33 number', '06 90 12 34 56'],
    ['a Mayotte mobile, which is not a +33 number', '06 39 12 34 56'],
    ['a Belgian mobile', '+32 470 12 34 56'],
    ['a French mobile missing its leading 0', '6 12 34 56 78'],
    ['one digit too many', '06 12 34 56 789'],
    ['one digit too few', '06 12 34 56 7'],
    ['text around the number', 'Tél : 06 12 34 56 78'],
    ['letters', '06 AB CD EF GH'],
    ['an empty string', ''],
    ['90 digits of junk', '1234567890'.repeat(9)],
  ])('refuses %s', (_case, typed) => {
    expect(normaliseFrenchMobile(typed)).toBeNull();
  });

  it('gives the same E.164 number whatever the spacing and prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('60', '61', '62', '64', '65', '66', '67', '68', '73', '75', '77', '78', '79'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.constantFrom('0', '+33 ', '+33', '0033 ', '+33 (0)'),
        fc.constantFrom(' ', '', '.', '-'),
        (block, rest, prefix, separator) => {
          const digits = `${block}${rest}`;
          const pairs = `${digits[0]}${separator}${digits.slice(1).match(/../g)?.join(separator)}`;
          expect(normaliseFrenchMobile(`${prefix}${pairs}`)).toBe(`+33${digits}`);
        },
      ),
    );
  });

  it('only ever answers null or a +336/+337 number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (typed) => {
        const result = normaliseFrenchMobile(typed);
        if (result !== null) expect(result).toMatch(/^\+33[67][0-9]{8}$/);
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the mobile prefix and the last 2 digits of a French mobile', () => {
    expect(maskPhone('+33612345678')).toBe('+33 6 •• •• •• 78');
    expect(maskPhone('+33781234567')).toBe('+33 7 •• •• •• 67');
  });

  it('keeps only the last 2 digits of any other number', () => {
    expect(maskPhone('+32470123456')).toBe('+•••••••••56');
  });
});
