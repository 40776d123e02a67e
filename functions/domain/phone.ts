import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/**
 * French mobile numbers, the only ones the two-factor SMS is sent to. Sensitive: shown
 * masked (maskPhone).
 */

/** What people write around digits: spaces, dots, dashes, parentheses. */
const SEPARATORS = /[\s.\-()]/g;

/**
 * `06 12 34 56 78`, `0612345678`, `+33 6 12 34 56 78`, `0033 6 12…` → `+33612345678`
 * (E.164, what SNS expects); null for anything that is not a French mobile number.
 */
export function normaliseFrenchMobile(value: string): string | null {
  const compact = value
    .normalize('NFKC') // full-width digits from some mobile keyboards become ASCII
    .replace(SEPARATORS, '')
    // "+33 (0)6…": the trunk 0 written after the country code is not part of the number.
    .replace(/^(\+33|0033)0/, '$1');
  // Mobiles are the 06 and 07 ranges (ARCEP numbering plan); 01–05 and 09 are landlines
  // and VoIP, which cannot receive an SMS code.
  const match = /^(?:\+33|0033|0)([67][0-9]{8})$/.exec(compact);
  if (!match) return null;
  // The library knows the unallocated blocks (0700…, 069x of the overseas departments,
  // which dial under +590/+594/+596/+262, not +33).
  const phone = parsePhoneNumberFromString(`+33${match[1]}`);
  if (!phone || phone.country !== 'FR' || !phone.isValid() || phone.getType() !== 'MOBILE') return null;
  return phone.number;
}

/** `+33612345678` → `+33 6 •• •• •• 78`; any other value keeps only its last 2 digits. */
export function maskPhone(e164: string): string {
  const french = /^\+33([67])[0-9]{6}([0-9]{2})$/.exec(e164);
  if (french) return `+33 ${french[1]} •• •• •• ${french[2]}`;
  return e164.replace(/[0-9](?=(?:[^0-9]*[0-9]){2})/g, '•');
}
