import { describe, expect, it } from 'vitest';
import { callApi } from '../../support/api';
import { assertCleanError } from '../../support/error-shape';
import { askChatbotResponse, type AskChatbotResponse } from '../../../functions/contracts/chatbot';

/** The assistant through the running stack, as the SPA calls it (same origin, CSRF header). */
const ask = (body: unknown) => callApi<AskChatbotResponse>('POST', '/chatbot/questions', { body });

describe('POST /api/chatbot/questions', () => {
  it('answers "j’ai pas reçu le code sms" with the two-factor help and a link to the login page', async () => {
    const { status, body, headers } = await ask({
      question: "j'ai pas reçu le code sms",
      context: { signedIn: false },
    });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(() => askChatbotResponse.parse(body)).not.toThrow();
    expect(body.answer?.id).toBe('code-sms-non-recu');
    expect(body.answer?.text).toContain('SMS');
    expect(body.answer?.links.some((link) => link.href === '/connexion')).toBe(true);
    expect(body.fallback).toBeNull();
    expect(body.suggestions.length).toBeGreaterThan(0);
  });

  it('never echoes a social-security number, and warns not to send one', async () => {
    const nir = '2 90 02 2A 004 012 57';
    const { status, body } = await ask({
      question: `comment radier ma salariée ${nir} qui part ?`,
      context: { signedIn: true, page: '/salaries/radiation' },
    });
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    for (const fragment of [nir, nir.replace(/ /g, ''), '004 012', '0040125'])
      expect(text).not.toContain(fragment);
    expect(body.warning).toContain('ne communiquez jamais votre numéro de sécurité sociale');
    expect(body.answer?.id).toBe('radiation');
  });

  it('offers the contact form and the phone line when it cannot answer', async () => {
    const { status, body } = await ask({ question: 'qui a gagné la coupe du monde de rugby ?' });
    expect(status).toBe(200);
    expect(body.answer).toBeNull();
    expect(body.fallback).toMatchObject({ contactHref: '/contact', phone: '01 44 20 80 63' });
  });

  it('needs no session but keeps the CSRF protection of every write', async () => {
    const refused = await callApi('POST', '/chatbot/questions', {
      body: { question: 'mdp oublié' },
      csrf: false,
    });
    expect(refused.status).toBe(403);
    assertCleanError(refused);
  });

  it('refuses an empty, too long or unexpected question in the French error shape', async () => {
    for (const body of [
      { question: '   ' },
      { question: 'x'.repeat(501) },
      { question: 'mdp', userId: 'x' },
      {},
    ]) {
      const response = await ask(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      assertCleanError(response);
    }
  });
});
