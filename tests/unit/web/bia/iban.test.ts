import { describe, expect, it } from 'vitest';
import { groupIban, ibanFeedback } from '../../../../web/src/features/bia/lib/iban';

describe('the live IBAN check', () => {
  it('says nothing on an empty field and counts the characters of an unfinished French IBAN', () => {
    expect(ibanFeedback('  ')).toEqual({ state: 'empty' });
    expect(ibanFeedback('FR76 3000 6000')).toEqual({ state: 'incomplete', message: '12 caractères sur 27.' });
  });

  it('accepts a complete IBAN whose mod-97 check is right, spaces and case aside', () => {
    expect(ibanFeedback('fr76 3000 6000 0112 3456 7890 189')).toEqual({
      state: 'valid',
      message: 'IBAN valide.',
    });
  });

  it('refuses a complete IBAN with a wrong check, with the contract’s message', () => {
    expect(ibanFeedback('FR7630006000011234567890188')).toEqual({
      state: 'invalid',
      message: 'IBAN invalide (clé de contrôle incorrecte).',
    });
  });

  it('groups an IBAN by four, as printed on a RIB', () => {
    expect(groupIban('fr7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});
