import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidBic, isValidIban, maskIban, normaliseIban } from '../../../functions/domain/iban';

const withDigitAt = (text: string, position: number, digit: number): string =>
  `${text.slice(0, position)}${digit}${text.slice(position + 1)}`;

/** Check digits computed independently of the module (BigInt over the whole number). */
function withCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

describe('normaliseIban', () => {
  it('removes the print grouping and upper-cases', () => {
    expect(normaliseIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
  });
});

describe('isValidIban', () => {
  it.each([
    ['France', 'FR7630006000011234567890189'],
    ['France, printed in groups of 4', 'FR76 3000 6000 0112 3456 7890 189'],
    ['France, in lower case', 'fr7630006000011234567890189'],
    ['France, with a letter in the account number', withCheckDigits('FR', '20041010050500013M02606')],
    ['Monaco', 'MC5811222000010123456789030'],
    ['Germany', 'DE89370400440532013000'],
    ['Belgium', 'BE68539007547034'],
    ['Spain', 'ES9121000418450200051332'],
    ['Italy', 'IT60X0542811101000000123456'],
    ['Luxembourg', 'LU280019400644750000'],
    ['the Netherlands', 'NL91ABNA0417164300'],
    ['Portugal', 'PT50000201231234567890154'],
    ['Switzerland', 'CH9300762011623852957'],
    ['the United Kingdom', 'GB29NWBK60161331926819'],
  ])('accepts an account in %s', (_case, iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    ['a wrong check', 'FR7630006000011234567890188'],
    ['two swapped digits', 'FR7630006000011234567890198'],
    ['a French IBAN of 26 characters', withCheckDigits('FR', '3000600001123456789018')],
    ['a French IBAN of 28 characters', withCheckDigits('FR', '300060000112345678901890')],
    ['a French IBAN with a letter in the bank code', withCheckDigits('FR', '3000A000011234567890189')],
    ['a German IBAN one character short', withCheckDigits('DE', '3704004405320130')],
    ['an account outside SEPA (Brazil)', 'BR1800360305000010009795493C1'],
    ['an unknown country', withCheckDigits('XX', '30006000011234567890189')],
    ['check digits 00, which ISO 13616 never issues', 'FR0030006000011234567890189'],
    ['punctuation', 'FR76/3000/6000/0112/3456/7890/189'],
    ['full-width characters', 'ＦＲ７６３０００６００００１１２３４５６７８９０１８９'],
    ['an empty string', ''],
    ['90 digits of junk', '1234567890'.repeat(9)],
  ])('refuses %s', (_case, iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it('accepts every French IBAN whose check digits are computed, and catches any mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{10}[0-9A-Z]{11}[0-9]{2}$/),
        fc.integer({ min: 2, max: 26 }),
        fc.integer({ min: 1, max: 9 }),
        (bban, position, shift) => {
          const iban = withCheckDigits('FR', bban);
          expect(isValidIban(iban)).toBe(true);
          const char = iban[position] ?? '';
          fc.pre(/[0-9]/.test(char));
          const mistyped = withDigitAt(iban, position, (Number(char) + shift) % 10);
          expect(isValidIban(mistyped)).toBe(false);
        },
      ),
    );
  });
});

describe('maskIban', () => {
  it('keeps the country, the check digits and the last 3 characters of a French IBAN', () => {
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 •••• •••• •••• •••• •••• 189');
  });

  it('masks a printed IBAN the same way', () => {
    expect(maskIban('FR76 3000 6000 0112 3456 7890 189')).toBe('FR76 •••• •••• •••• •••• •••• 189');
  });

  it('keeps the print grouping for other lengths', () => {
    expect(maskIban('DE89370400440532013000')).toBe('DE89 •••• •••• •••• •••0 00');
  });

  it('hides a value too short to be an IBAN entirely', () => {
    expect(maskIban('FR76')).toBe('••••');
  });
});

describe('isValidBic', () => {
  it.each([
    ['an 8-character BIC', 'AGRIFRPP'],
    ['an 11-character BIC', 'BNPAFRPPXXX'],
    ['a BIC with digits in the location and branch', 'CCBPFRPPMTG'],
    ['a lower-case BIC', 'bnpafrppxxx'],
    ['a BIC typed with spaces', 'BNPA FR PP XXX'],
  ])('accepts %s', (_case, bic) => {
    expect(isValidBic(bic)).toBe(true);
  });

  it.each([
    ['7 characters', 'AGRIFRP'],
    ['9 characters', 'AGRIFRPP1'],
    ['a digit in the bank code', 'AGR1FRPP'],
    ['a digit in the country code', 'AGRIF1PP'],
    ['an empty string', ''],
  ])('refuses %s', (_case, bic) => {
    expect(isValidBic(bic)).toBe(false);
  });
});
