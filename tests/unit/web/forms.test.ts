import { describe, expect, it, vi } from 'vitest';
import { tokenFromHash } from '../../../web/src/features/auth/link-token';
import { ApiError, INVALID_RESPONSE_MESSAGE } from '../../../web/src/shared/api';
import { applyServerError } from '../../../web/src/shared/forms/server-errors';

type Form = { email: string; mobile: string; password: string };
const order = ['email', 'mobile', 'password'] as const;

describe('API errors on a form', () => {
  it('puts each field message next to its input and focuses the first one in form order', () => {
    const setError = vi.fn();
    const error = new ApiError(422, 'VALIDATION_FAILED', 'Certaines informations sont invalides.', {
      password: 'Trop courant.',
      mobile: 'Saisissez un numéro de mobile français (06 ou 07).',
    });

    const applied = applyServerError<Form>(error, setError, order);

    expect(setError.mock.calls).toEqual([
      [
        'mobile',
        { type: 'server', message: 'Saisissez un numéro de mobile français (06 ou 07).' },
        { shouldFocus: true },
      ],
      ['password', { type: 'server', message: 'Trop courant.' }, { shouldFocus: false }],
    ]);
    expect(applied).toMatchObject({
      message: 'Certaines informations sont invalides.',
      focusSummary: false,
      firstField: 'mobile',
    });
  });

  it('lists messages for fields the form does not have in the summary, which then takes the focus', () => {
    const setError = vi.fn();
    const error = new ApiError(
      400,
      'VALIDATION_FAILED',
      'Certaines informations sont manquantes ou invalides.',
      {
        cguVersion: 'Veuillez accepter les conditions générales en vigueur.',
      },
    );
    const applied = applyServerError<Form>(error, setError, order);
    expect(setError).not.toHaveBeenCalled();
    expect(applied).toEqual({
      message: 'Certaines informations sont manquantes ou invalides.',
      details: ['Veuillez accepter les conditions générales en vigueur.'],
      focusSummary: true,
    });
  });

  it('attaches a code that concerns one field to that field', () => {
    const setError = vi.fn();
    const error = new ApiError(409, 'EMAIL_ALREADY_REGISTERED', 'Cette adresse e-mail a déjà un compte.');
    const applied = applyServerError<Form>(
      error,
      setError,
      order,
      { EMAIL_ALREADY_REGISTERED: 'email' },
      false,
    );
    expect(setError).toHaveBeenCalledWith(
      'email',
      { type: 'server', message: 'Cette adresse e-mail a déjà un compte.' },
      { shouldFocus: false },
    );
    expect(applied.firstField).toBe('email');
  });

  it('says something sensible for an error that is not from the API', () => {
    expect(applyServerError<Form>(new Error('bug'), vi.fn(), order).message).toBe(INVALID_RESPONSE_MESSAGE);
  });
});

describe('link tokens in the address fragment', () => {
  const token = 'A'.repeat(43);

  it('reads the token of an e-mailed link', () => {
    expect(tokenFromHash(`#jeton=${token}`)).toBe(token);
    expect(tokenFromHash(`#autre=1&jeton=${token}`)).toBe(token);
  });

  it('ignores a missing, truncated or odd token', () => {
    expect(tokenFromHash('')).toBeUndefined();
    expect(tokenFromHash('#jeton=')).toBeUndefined();
    expect(tokenFromHash('#jeton=abc')).toBeUndefined();
    expect(tokenFromHash(`#jeton=${'A'.repeat(40)}%3Cscript%3E`)).toBeUndefined();
  });
});
