/**
 * What the assistant shows back of a question. People paste what they have at hand — a
 * salarié's numéro de sécurité sociale, an IBAN — into a chat box; the conversation on
 * screen must not display it (a shared screen, a screenshot sent to a colleague). The API
 * strips such numbers on its side too; this only decides what the page repeats.
 *
 * Wide on purpose (shape, not validity): a mistyped NIR is as personal as a valid one.
 */
export const MASKED_NUMBER = '[numéro masqué]';

/** 2 letters, 2 check digits, then groups of letters/digits as printed on a RIB. */
const IBAN_LIKE = /\b[a-z]{2}[ ]?\d{2}(?:[ .-]?[a-z0-9]{4}){2,7}(?:[ .-]?[a-z0-9]{1,4})?\b/gi;
/** An IBAN is mostly digits: "de 12 mois pour la" is not one. */
const MIN_IBAN_DIGITS = 10;
/** Digits with single separators, as NIRs and account numbers are written (2A/2B inside a NIR). */
const DIGIT_RUN = /\d(?:[ .\-/\u00a0]?(?:2[ab](?=[ .\-/\u00a0]?\d)|\d))+/gi;
/** A NIR without its key has 13 characters; anything longer (card, account) is masked too. */
const MIN_SENSITIVE_DIGITS = 13;

const digitCount = (value: string) => value.replace(/\D/g, '').length;

export interface MaskedText {
  text: string;
  /** True when something was replaced. */
  masked: boolean;
}

/** The text with every NIR-, IBAN- or account-number-like sequence replaced by "[numéro masqué]". */
export function maskSensitiveNumbers(input: string): MaskedText {
  let masked = false;
  const withoutIbans = input.replace(IBAN_LIKE, (match) => {
    if (digitCount(match) < MIN_IBAN_DIGITS) return match;
    // "de 88160932500017": a word, a space, then digits only — the digit pass decides.
    if (/^[a-z]{2} [\d .-]+$/i.test(match)) return match;
    masked = true;
    return MASKED_NUMBER;
  });
  const text = withoutIbans.replace(DIGIT_RUN, (run) => {
    if (digitCount(run) < MIN_SENSITIVE_DIGITS) return run;
    masked = true;
    return MASKED_NUMBER;
  });
  return { text, masked };
}
