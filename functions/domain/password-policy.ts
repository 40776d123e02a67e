/**
 * Password rules (NIST SP 800-63B, OWASP ASVS V2.1): 12 to 128 characters, no composition
 * rules, and refused when it is a known common/breached password, a trivial variation of
 * one (a listed word plus digits or symbols), a repetition or sequence, or built from the
 * user's own name or e-mail.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal' | 'trivial';

export interface PasswordContext {
  email?: string;
  firstName?: string;
  lastName?: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const lettersOf = (text: string | undefined) => fold(text ?? '').replace(/[^a-z]/g, '');

export function passwordProblem(
  password: string,
  isCommon: (candidate: string) => boolean,
  context: PasswordContext = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const folded = fold(password);
  if (isCommon(folded)) return 'common';
  // "motdepasse2024!" or "!!azertyuiop": a listed word wrapped in digits and symbols.
  const core = folded.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && isCommon(core)) return 'common';
  if (/^(.{1,3})\1+$/.test(folded)) return 'trivial';
  if (isSequence(folded)) return 'trivial';
  // The first name, the last name, both (either order, any separator) or the e-mail's local part.
  const first = lettersOf(context.firstName);
  const last = lettersOf(context.lastName);
  const local = lettersOf(context.email?.split('@')[0]);
  const personal = [first, last, local, first + last, last + first].filter((part) => part.length >= 3);
  if (personal.includes(lettersOf(core))) return 'personal';
  return null;
}

function isSequence(text: string): boolean {
  const codes = [...text].map((char) => char.charCodeAt(0));
  const step = codes[1]! - codes[0]!;
  return (
    Math.abs(step) === 1 && codes.every((code, index) => index === 0 || code - codes[index - 1]! === step)
  );
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `Le mot de passe doit comporter au moins ${PASSWORD_MIN} caractères.`,
  too_long: `Le mot de passe doit comporter au plus ${PASSWORD_MAX} caractères.`,
  common:
    'Ce mot de passe est trop courant : il figure dans les listes de mots de passe piratés. Choisissez-en un autre.',
  personal: 'Le mot de passe ne doit pas reprendre votre nom ou votre adresse e-mail.',
  trivial: 'Ce mot de passe est trop simple (répétition ou suite de caractères).',
};
