/**
 * IBAN (ISO 13616) and BIC (ISO 9362) of the bank account an insured person is
 * reimbursed on. Sensitive: shown masked (maskIban).
 */

/**
 * IBAN lengths of the SEPA countries (SWIFT IBAN registry). Reimbursements are SEPA
 * credit transfers, so an account outside SEPA cannot be paid and is refused.
 */
// prettier-ignore
const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15,
  PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** French BBAN: bank code (5 digits), branch code (5), account number (11), RIB key (2). */
const FRENCH_BBAN = /^[0-9]{10}[0-9A-Z]{11}[0-9]{2}$/;

export function normaliseIban(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Remainder modulo 97 of the number obtained by writing A as 10, B as 11 … Z as 35. */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/** Accepts the IBAN as printed (groups of 4) or compact, in either case. */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}[0-9]{2}[0-9A-Z]+$/.test(iban)) return false;
  const country = iban.slice(0, 2);
  if (iban.length !== SEPA_IBAN_LENGTHS[country]) return false;
  if (country === 'FR' && !FRENCH_BBAN.test(iban.slice(4))) return false;
  return mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}

/**
 * `FR76 •••• •••• •••• •••• •••• 189`: country, check digits and the last 3 characters
 * stay readable so the person recognises their account; too short a value is hidden whole.
 */
export function maskIban(value: string): string {
  const iban = normaliseIban(value);
  const masked =
    iban.length < 8
      ? '•'.repeat(iban.length)
      : `${iban.slice(0, 4)}${'•'.repeat(iban.length - 7)}${iban.slice(-3)}`;
  return masked.replace(/(.{4})(?=.)/gu, '$1 ');
}

/** Bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[0-9A-Z]{2}([0-9A-Z]{3})?$/.test(value.replace(/\s/g, '').toUpperCase());
}
