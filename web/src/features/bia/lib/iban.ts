import { iban as ibanSchema } from '../../../../../functions/contracts/affiliation';

/**
 * The IBAN field says how it stands while the employee types, with the contract's own check
 * (format, then mod 97 = 1). A French IBAN has 27 characters: before that length nothing is
 * judged, the count is shown instead.
 */
export type IbanFeedback =
  | { state: 'empty' }
  | { state: 'incomplete'; message: string }
  | { state: 'valid'; message: string }
  | { state: 'invalid'; message: string };

const FRENCH_IBAN_LENGTH = 27;
/** The shortest IBAN of any country (Norway). */
const MIN_IBAN_LENGTH = 15;

export const compactIban = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/** `FR7630006000011234567890189` → `FR76 3000 6000 0112 3456 7890 189`, the way it is printed on a RIB. */
export const groupIban = (value: string) => compactIban(value).replace(/(.{4})(?=.)/g, '$1 ');

export function ibanFeedback(value: string): IbanFeedback {
  const compact = compactIban(value);
  if (compact === '') return { state: 'empty' };
  const expected = compact.startsWith('FR') ? FRENCH_IBAN_LENGTH : MIN_IBAN_LENGTH;
  if (compact.length < expected) {
    return {
      state: 'incomplete',
      message: compact.startsWith('FR')
        ? `${compact.length} caractères sur ${FRENCH_IBAN_LENGTH}.`
        : `${compact.length} caractères.`,
    };
  }
  const checked = ibanSchema.safeParse(compact);
  if (checked.success) return { state: 'valid', message: 'IBAN valide.' };
  return { state: 'invalid', message: checked.error.issues[0]?.message ?? 'IBAN invalide.' };
}
