import { isValidSiret } from '../siret';

/**
 * The assistant's privacy guard. People paste what they have at hand — a salarié's numéro de
 * sécurité sociale, an IBAN, sometimes a card number — into a chat box. Such numbers must
 * not travel any further: they are cut out of the question before it is searched (nothing
 * downstream, logs included, ever sees them) and the user is told not to send them.
 *
 * Detection is deliberately wide (shape, not validity): a mistyped NIR is as personal as a
 * valid one. The only exception is a valid SIRET (14 digits with its Luhn key), a public
 * number that employers legitimately quote: it is still cut out, but raises no warning.
 */
export type SensitiveKind = 'nir' | 'iban' | 'card' | 'bankAccount';

export interface GuardedQuestion {
  /** The question with every sensitive-looking sequence replaced by a space. */
  readonly text: string;
  /** What was found (distinct, in order of first appearance); empty when nothing was. */
  readonly found: readonly SensitiveKind[];
}

/**
 * IBAN shape: 2 letters, 2 check digits, then groups of up to 4 letters/digits, separated by
 * single spaces, dots or dashes (as printed on a RIB) or not at all. A match must also be mostly
 * digits, so that "de 12 mois pour la" is not taken for one.
 */
const IBAN_LIKE = /\b[a-z]{2}[ ]?\d{2}(?:[ .-]?[a-z0-9]{4}){2,7}(?:[ .-]?[a-z0-9]{1,4})?\b/gi;
const MIN_IBAN_DIGITS = 10;

/**
 * A run of digits with single separators between them (spaces, dots, dashes, slashes), as
 * NIRs, card and account numbers are written; the Corsican departments 2A/2B count as
 * digits inside a NIR.
 */
const DIGIT_RUN = /\d(?:[ .\-/\u00a0]?(?:2[ab](?=[ .\-/\u00a0]?\d)|\d))+/gi;

/** 13 characters + key = 15; people also drop the key (13) or a digit (14). */
const NIR_DIGITS = { min: 13, max: 15 } as const;
/** Payment cards carry 16 to 19 digits (a few old ones 13–15: caught as NIR-like). */
const CARD_DIGITS = { min: 16, max: 19 } as const;

const compact = (value: string) => value.replace(/[^0-9a-z]/gi, '').toUpperCase();
const digitCount = (value: string) => value.replace(/\D/g, '').length;

function kindOfDigitRun(run: string): SensitiveKind | 'siret' | null {
  const digits = digitCount(run);
  const value = compact(run);
  if (digits < NIR_DIGITS.min) return null;
  if (/^\d{14}$/.test(value) && isValidSiret(value)) return 'siret';
  if (digits <= NIR_DIGITS.max) return 'nir';
  if (digits <= CARD_DIGITS.max) return 'card';
  return 'bankAccount';
}

/** Cuts every NIR-, IBAN-, card- or account-number-like sequence out of a question. */
export function guardQuestion(question: string): GuardedQuestion {
  const found: SensitiveKind[] = [];
  const note = (kind: SensitiveKind) => {
    if (!found.includes(kind)) found.push(kind);
  };
  const withoutIbans = question.replace(IBAN_LIKE, (match) => {
    if (digitCount(match) < MIN_IBAN_DIGITS) return match;
    // "de 88160932500017": a word, a space, then digits only — the digit pass below decides.
    if (/^[a-z]{2} [\d .-]+$/i.test(match)) return match;
    note('iban');
    return ' ';
  });
  const text = withoutIbans.replace(DIGIT_RUN, (run) => {
    const kind = kindOfDigitRun(run);
    if (kind === null) return run;
    if (kind !== 'siret') note(kind);
    return ' ';
  });
  return { text, found };
}
