import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { handleSessionExpiry, isSessionExpired } from '../../../web/src/app/query-client';
import { ApiError } from '../../../web/src/shared/api';
import { ME_QUERY_KEY, endSession, meSchema, type Me } from '../../../web/src/shared/session/me';
import { sessionNotice, setSessionNotice } from '../../../web/src/shared/session/session-notice';
import { loginPath, safeSuite } from '../../../web/src/shared/session/suite';

const me: Me = {
  userId: '01J0000000000000000000000A',
  email: 'elodie@example.com',
  civilite: 'MME',
  firstName: 'Élodie',
  lastName: 'Lefèvre',
  maskedPhone: '+33 6 •• •• •• 78',
  companies: [{ companyId: 'C1', name: 'Brasserie du Port', mainSiret: '73282932000074', role: 'admin' }],
};

describe('the ?suite= destination after login', () => {
  it('keeps a path of the portal, with its query string', () => {
    expect(safeSuite('/contrats')).toBe('/contrats');
    expect(safeSuite('/salaries?page=2&tri=nom')).toBe('/salaries?page=2&tri=nom');
    expect(safeSuite('/salaries/')).toBe('/salaries');
    expect(safeSuite('/')).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const raw of [
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'contrats',
      ' /contrats',
      '/\tcontrats',
      '/contrats\n',
      '',
      null,
      undefined,
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeSuite(raw), String(raw)).toBeUndefined();
    }
  });

  it('refuses the authentication pages themselves, which would loop', () => {
    expect(safeSuite('/connexion')).toBeUndefined();
    expect(safeSuite('/connexion/securite?suite=/contrats')).toBeUndefined();
    expect(safeSuite('/activation')).toBeUndefined();
    expect(safeSuite('/nouveau-mot-de-passe')).toBeUndefined();
    // …but not pages that merely start with the same letters.
    expect(safeSuite('/connexions-utiles')).toBe('/connexions-utiles');
  });

  it('builds the login address, without a suite for the home page', () => {
    expect(loginPath('/contrats?page=2')).toBe('/connexion?suite=%2Fcontrats%3Fpage%3D2');
    expect(loginPath('/')).toBe('/connexion');
    expect(loginPath('//evil.example')).toBe('/connexion');
    expect(loginPath()).toBe('/connexion');
  });
});

describe('the /me answer', () => {
  it('accepts the contract shape and drops unknown properties', () => {
    expect(meSchema.parse({ ...me, extra: true })).toEqual(me);
    expect(meSchema.parse({ ...me, maskedPhone: null }).maskedPhone).toBeNull();
  });

  it('rejects a malformed user or company', () => {
    expect(() => meSchema.parse(null)).toThrow();
    expect(() => meSchema.parse({ ...me, civilite: 'Mme' })).toThrow();
    expect(() => meSchema.parse({ ...me, companies: [{ ...me.companies[0], role: 'owner' }] })).toThrow();
    expect(() => meSchema.parse({ ...me, companies: 'C1' })).toThrow();
  });
});

describe('session expiry', () => {
  const expired = new ApiError(401, 'UNAUTHENTICATED', 'Votre session a expiré. Veuillez vous reconnecter.');

  it('tells an ended session from a refused login', () => {
    expect(isSessionExpired(expired)).toBe(true);
    expect(isSessionExpired(new ApiError(401, 'INVALID_CREDENTIALS', 'x'))).toBe(false);
    expect(isSessionExpired(new ApiError(401, 'LOGIN_ATTEMPT_INVALID', 'x'))).toBe(false);
    expect(isSessionExpired(new ApiError(403, 'UNAUTHENTICATED', 'x'))).toBe(false);
  });

  it('signs a signed-in user out of every page, forgetting the cached data', () => {
    const client = new QueryClient();
    client.setQueryData(ME_QUERY_KEY, me);
    client.setQueryData(['contracts', 'C1'], ['secret']);
    setSessionNotice(null);

    handleSessionExpiry(client, expired);

    expect(client.getQueryData(ME_QUERY_KEY)).toBeNull();
    expect(client.getQueryData(['contracts', 'C1'])).toBeUndefined();
    expect(sessionNotice()).toBe('expired');
  });

  it('does nothing for a visitor who was not signed in', () => {
    const client = new QueryClient();
    client.setQueryData(ME_QUERY_KEY, null);
    setSessionNotice(null);
    handleSessionExpiry(client, expired);
    expect(sessionNotice()).toBeNull();
  });

  it('keeps saying "logged out" when the session had ended just before the logout', () => {
    const client = new QueryClient();
    client.setQueryData(ME_QUERY_KEY, me);
    setSessionNotice('logged-out');
    handleSessionExpiry(client, expired);
    expect(client.getQueryData(ME_QUERY_KEY)).toBeNull();
    expect(sessionNotice()).toBe('logged-out');
  });

  it('ends a session on logout without touching the notice', () => {
    const client = new QueryClient();
    client.setQueryData(ME_QUERY_KEY, me);
    endSession(client);
    expect(client.getQueryData(ME_QUERY_KEY)).toBeNull();
  });
});
