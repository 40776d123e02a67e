import { describe, expect, it } from 'vitest';
import { askChatbotRequest, askChatbotResponse } from '../../../functions/contracts/chatbot';
import { knowledgeBase } from '../../../functions/domain/chatbot/knowledge-base';
import { buildChatbotIndex } from '../../../functions/domain/chatbot/retrieval';
import { CHATBOT_FALLBACK, createChatbot } from '../../../functions/use-cases/chatbot/ask-chatbot';

const chatbot = createChatbot();
const ask = (question: string, context?: { signedIn: boolean; page?: string }) =>
  chatbot.ask({ question, context }).response;
const prompts = new Set(knowledgeBase.map((entry) => entry.prompt));

describe('the assistant answers from its knowledge base', () => {
  it('answers "j’ai pas reçu le code sms" with the SMS help and the way to the login page', () => {
    const response = ask("j'ai pas reçu le code sms", { signedIn: false });
    expect(response.answer?.id).toBe('code-sms-non-recu');
    expect(response.answer?.links).toContainEqual({ label: 'Se connecter', href: '/connexion' });
    expect(response.answer?.text).toContain('01 44 20 80 63');
    expect(response.fallback).toBeNull();
    expect(response.warning).toBeNull();
    expect(response.confidence).toBeGreaterThan(0.5);
  });

  it('returns exactly what the contract promises, for any kind of question', () => {
    for (const question of [
      'mdp oublié',
      'quel temps fait-il ?',
      'bonjour',
      '???',
      'FR76 3000 6000 0112 3456 7890 189',
    ]) {
      for (const signedIn of [false, true]) {
        const response = ask(question, { signedIn });
        expect(() => askChatbotResponse.parse(response), question).not.toThrow();
        expect(response.suggestions.length).toBeLessThanOrEqual(3);
        for (const suggestion of response.suggestions) expect(prompts).toContain(suggestion);
        expect((response.answer === null) !== (response.fallback === null), question).toBe(true);
        expect(response.confidence).toBeGreaterThanOrEqual(0);
        expect(response.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('offers follow-ups that it can answer', () => {
    const response = ask('comment activer mon espace', { signedIn: false });
    expect(response.suggestions.length).toBe(3);
    for (const suggestion of response.suggestions)
      expect(ask(suggestion, { signedIn: false }).answer).not.toBeNull();
  });

  it('admits it does not know, and offers the contact form and the phone line', () => {
    for (const question of [
      'quelle est la capitale du Pérou',
      'xkcd zzz qwerty',
      'combien de calories dans un croissant',
    ]) {
      const response = ask(question, { signedIn: true });
      expect(response.answer, question).toBeNull();
      expect(response.fallback).toEqual({
        text: expect.any(String),
        contactHref: '/contact',
        phone: '01 44 20 80 63',
        hours: 'du lundi au vendredi de 9h00 à 17h00',
      });
    }
    expect(ask('xkcd zzz qwerty').fallback).toEqual(CHATBOT_FALLBACK);
  });

  it('says it only handles the portal and the scheme when the question is clearly about something else', () => {
    const response = ask('comment faire la fiche de paie de mes serveurs', { signedIn: true });
    expect(response.answer).toBeNull();
    expect(response.fallback?.text).toContain('je ne peux répondre qu’aux questions sur votre espace');
  });

  it('prefers connection help before login and portal features after', () => {
    const visitor = ask("je n'ai pas reçu l'e-mail", { signedIn: false });
    const member = ask("je n'ai pas reçu l'e-mail", { signedIn: true });
    expect(visitor.answer?.id).toBe('confirmation-email');
    expect(member.answer?.id).toBe('email-salarie-non-recu');
    // Without a context the assistant assumes a visitor (the launcher is on the login page too).
    expect(ask("je n'ai pas reçu l'e-mail").answer?.id).toBe('confirmation-email');
  });

  it('leans towards the answers of the page the question is asked from', () => {
    const index = buildChatbotIndex(knowledgeBase);
    const question = 'le lien ne marche pas';
    const onActivation = index.rank(question, { signedIn: false, page: '/activation' });
    const elsewhere = index.rank(question, { signedIn: false, page: '/documents' });
    const scoreOf = (ranked: typeof onActivation, id: string) =>
      ranked.find((item) => item.entry.id === id)?.score ?? 0;
    expect(scoreOf(onActivation, 'confirmation-email')).toBeGreaterThan(
      scoreOf(elsewhere, 'confirmation-email'),
    );
    expect(scoreOf(onActivation, 'invitation')).toBe(scoreOf(elsewhere, 'invitation'));
  });

  it('greets, thanks and says goodbye without searching', () => {
    expect(ask('Bonjour').answer?.id).toBe('bonjour');
    expect(ask('merci beaucoup !').answer?.id).toBe('merci');
    expect(ask('au revoir').answer?.id).toBe('au-revoir');
    expect(ask('bonjour, comment radier un salarié ?', { signedIn: true }).answer?.id).toBe('radiation');
  });

  it('validates the question: trimmed, 1 to 500 characters, no unknown field', () => {
    expect(askChatbotRequest.parse({ question: '  mdp  ' })).toEqual({ question: 'mdp' });
    expect(askChatbotRequest.safeParse({ question: '   ' }).success).toBe(false);
    expect(askChatbotRequest.safeParse({ question: 'x'.repeat(501) }).success).toBe(false);
    expect(askChatbotRequest.safeParse({ question: 'x'.repeat(500) }).success).toBe(true);
    expect(askChatbotRequest.safeParse({ question: 'x', extra: 1 }).success).toBe(false);
    expect(
      askChatbotRequest.safeParse({ question: 'x', context: { signedIn: true, page: '/salaries' } }).success,
    ).toBe(true);
    expect(
      askChatbotRequest.safeParse({ question: 'x', context: { signedIn: true, page: 'javascript:alert(1)' } })
        .success,
    ).toBe(false);
    expect(askChatbotRequest.safeParse({ question: 'x', context: { page: '/' } }).success).toBe(false);
  });

  it('answers fast once the index is built', () => {
    const started = performance.now();
    for (let round = 0; round < 50; round++) ask('comment je radie un salarie qui part', { signedIn: true });
    expect((performance.now() - started) / 50).toBeLessThan(50);
  });
});
