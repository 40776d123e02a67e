import { describe, expect, it, vi } from 'vitest';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  passwordProblemMessages,
  type PasswordProblem,
} from '../../../functions/domain/password-policy';
import { commonPasswordCount, isCommonPassword } from '../../../functions/adapters/system/common-passwords';

const nothingIsCommon = () => false;
const listed =
  (...words: string[]) =>
  (candidate: string) =>
    words.includes(candidate);

/** n characters, none repeating in a short cycle nor in sequence: only the length can be wrong. */
const plain = (n: number) => 'Kq7!zW2#mR9xP4$tL6&vN8*bH3'.repeat(6).slice(0, n);
/** n emoji (each one code point, two UTF-16 units), varied enough not to be a repetition. */
const emoji = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(0x1f600 + ((i * 7) % 64))).join('');

describe('password length', () => {
  it('requires 12 to 128 characters', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    expect(plain(11)).toHaveLength(11);
    expect(passwordProblem(plain(11), nothingIsCommon)).toBe('too_short');
    expect(passwordProblem(plain(12), nothingIsCommon)).toBeNull();
    expect(passwordProblem(plain(128), nothingIsCommon)).toBeNull();
    expect(passwordProblem(plain(129), nothingIsCommon)).toBe('too_long');
  });

  it('counts characters, not UTF-16 units: an emoji is one character', () => {
    expect(emoji(11)).toHaveLength(22);
    expect(passwordProblem(emoji(11), nothingIsCommon)).toBe('too_short');
    expect(passwordProblem(emoji(12), nothingIsCommon)).toBeNull();
    expect(emoji(128)).toHaveLength(256);
    expect(passwordProblem(emoji(128), nothingIsCommon)).toBeNull();
    expect(passwordProblem(emoji(129), nothingIsCommon)).toBe('too_long');
    expect(passwordProblem(`${plain(10)}🔑é`, nothingIsCommon)).toBeNull();
  });

  it('has no composition rule: a long passphrase of lower-case words is fine', () => {
    expect(passwordProblem('le chat de la voisine mange des olives', nothingIsCommon)).toBeNull();
  });
});

describe('common passwords', () => {
  it('asks the list about the lower-case, accent-free form of the password', () => {
    const isCommon = vi.fn(() => false);
    passwordProblem('MotDePasséÉTÉ', isCommon);
    expect(isCommon).toHaveBeenCalledWith('motdepasseete');
  });

  it('refuses a listed password whatever its case and accents', () => {
    expect(passwordProblem('MotDePasséÉTÉ', listed('motdepasseete'))).toBe('common');
  });

  it.each(['azertyuiop2024!', '!!azertyuiop', '2024-azertyuiop-2025', '#Azertyuiop#'])(
    'refuses a listed word wrapped in digits and symbols: %s',
    (password) => {
      expect(passwordProblem(password, listed('azertyuiop'))).toBe('common');
    },
  );

  it('does not strip letters: a listed word inside a longer phrase is fine', () => {
    expect(passwordProblem('azertyuiop et le chat', listed('azertyuiop'))).toBeNull();
  });

  it('ignores listed words shorter than 4 letters once digits are stripped', () => {
    expect(passwordProblem('123456abc789', listed('abc'))).toBeNull();
  });

  it('uses the bundled breach list of about 49,000 entries', () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
    expect(isCommonPassword('azertyuiop')).toBe(true);
    expect(isCommonPassword('Password1234')).toBe(true);
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('Brasserie-du-port-1987!')).toBe(false);
  });

  it.each(['Password1234', 'AZERTYUIOP2024!', 'qwertyuiop!!!', '123456789012', 'Marseille13!!'])(
    'refuses %s with the real list',
    (password) => {
      expect(passwordProblem(password, isCommonPassword)).toBe('common');
    },
  );

  it('accepts an unusual password with the real list', () => {
    expect(passwordProblem('Brasserie-du-port-1987!', isCommonPassword)).toBeNull();
    expect(passwordProblem('le chat de la voisine mange des olives', isCommonPassword)).toBeNull();
  });
});

describe('trivial passwords', () => {
  it.each(['aaaaaaaaaaaa', 'abcabcabcabc', '121212121212', '!?!?!?!?!?!?', 'ÀÀÀÀÀÀÀÀÀÀÀÀ', '🔑'.repeat(12)])(
    'refuses the repetition %s',
    (password) => {
      expect(passwordProblem(password, nothingIsCommon)).toBe('trivial');
    },
  );

  it.each(['abcdefghijklm', 'ABCDEFGHIJKLMN', 'zyxwvutsrqpo', '3456789:;<=>'])(
    'refuses the sequence %s',
    (password) => {
      expect(passwordProblem(password, nothingIsCommon)).toBe('trivial');
    },
  );

  it('accepts a password that only starts like a sequence or a repetition', () => {
    expect(passwordProblem('abcdefghijkZ', nothingIsCommon)).toBeNull();
    expect(passwordProblem('aaaaaaaaaaab', nothingIsCommon)).toBeNull();
  });
});

describe('personal data', () => {
  const elodie = { firstName: 'Élodie', lastName: 'Lefèvre', email: 'elodie.lefevre@example.com' };

  it.each([
    ['the first name', '2024elodie!!'],
    ['the last name', 'LEFÈVRE!!2024'],
    ['the e-mail before the @', 'elodie.lefevre-2024'],
    ['first and last name together', 'ElodieLefevre2024!'],
    ['last and first name together', 'Lefevre.Elodie.1987'],
    ['first and last name with a separator', 'elodie_lefevre_75!'],
  ])('refuses %s', (_what, password) => {
    expect(passwordProblem(password, nothingIsCommon, elodie)).toBe('personal');
  });

  it('accepts a passphrase that merely mentions the name', () => {
    expect(passwordProblem('élodie aime le café du port', nothingIsCommon, elodie)).toBeNull();
  });

  it('ignores names shorter than 3 letters', () => {
    expect(
      passwordProblem('Li-2024-07-14!', nothingIsCommon, { firstName: 'Li', lastName: 'Wu' }),
    ).toBeNull();
  });

  it('checks the list before personal data', () => {
    expect(passwordProblem('azertyuiop2024', listed('azertyuiop'), { firstName: 'azertyuiop' })).toBe(
      'common',
    );
  });
});

describe('messages', () => {
  it('has a French sentence for every problem', () => {
    const problems: PasswordProblem[] = ['too_short', 'too_long', 'common', 'personal', 'trivial'];
    for (const problem of problems) expect(passwordProblemMessages[problem]).toMatch(/mot de passe/i);
    expect(passwordProblemMessages.too_short).toContain('12 caractères');
    expect(passwordProblemMessages.too_long).toContain('128 caractères');
  });
});
