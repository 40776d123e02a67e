import { describe, expect, it } from 'vitest';
import {
  STARTER_ENTRY_IDS,
  knowledgeBase,
  type KnowledgeEntry,
} from '../../../functions/domain/chatbot/knowledge-base';
import {
  HELP_LINE_HOURS,
  HELP_LINE_PHONE,
  PORTAL_PATHS,
} from '../../../functions/domain/chatbot/portal-paths';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../functions/contracts/auth';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from '../../../functions/contracts/contact';
import {
  CODE_LENGTH,
  CODE_TTL_MS,
  MAX_CODE_TRIES,
  MAX_SMS_PER_USER_PER_DAY,
  RESEND_COOLDOWN_MS,
} from '../../../functions/domain/login-code';
import { MFA_MAX_LOGIN_AGE_MS } from '../../../functions/domain/mfa-policy';
import {
  DEFAULT_RETROACTIVE_DAYS,
  PORTABILITE_MAX_MONTHS,
  RADIATION_REASONS,
  portabiliteFor,
} from '../../../functions/domain/radiation';
import { RADIATION_REASON_LABELS } from '../../../functions/contracts/employees';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../functions/runtime/cookies';
import { CONFIRMATION_LINK_TTL_MS } from '../../../functions/use-cases/auth/activate-space';
import { RESET_LINK_TTL_MS } from '../../../functions/use-cases/auth/passwords';
import { INVITATION_LINK_TTL_MS } from '../../../functions/use-cases/users/company-users';
import { createChatbot } from '../../../functions/use-cases/chatbot/ask-chatbot';
import { sections } from '../../../web/src/shared/sections';
import { HELP_LINE } from '../../../web/src/shared/help';

const answers = knowledgeBase.filter((entry) => !entry.smallTalk && !entry.outOfScope);
const byId = new Map(knowledgeBase.map((entry) => [entry.id, entry]));
const entry = (id: string): KnowledgeEntry => {
  const found = byId.get(id);
  if (!found) throw new Error(`No entry ${id}`);
  return found;
};

describe('the knowledge base of the assistant', () => {
  it('is broad: at least 40 answers, each with an id, a title, a text, phrasings and follow-ups', () => {
    expect(answers.length).toBeGreaterThanOrEqual(40);
    expect(new Set(knowledgeBase.map((item) => item.id)).size).toBe(knowledgeBase.length);
    for (const item of answers) {
      expect(item.id).toMatch(/^[a-z0-9-]+$/);
      expect(item.title.length, item.id).toBeGreaterThan(5);
      expect(item.prompt.length, item.id).toBeGreaterThan(5);
      expect(item.questions.length, item.id).toBeGreaterThanOrEqual(4);
      expect(item.keywords.length, item.id).toBeGreaterThanOrEqual(4);
      expect(item.followUps.length, item.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes short paragraphs', () => {
    for (const item of answers) {
      const paragraphs = item.text.split('\n\n');
      expect(paragraphs.length, item.id).toBeLessThanOrEqual(4);
      for (const paragraph of paragraphs) {
        expect(paragraph.trim(), item.id).toBe(paragraph);
        for (const line of paragraph.split('\n'))
          expect(line.length, `${item.id}: ${line}`).toBeLessThanOrEqual(420);
      }
    }
  });

  it('links only to real pages of the SPA', () => {
    const spaPaths = new Set<string>(Object.values(sections).map((section) => section.path));
    for (const path of PORTAL_PATHS) expect(spaPaths, path).toContain(path);
    for (const item of knowledgeBase) {
      for (const link of item.links) {
        expect(PORTAL_PATHS, `${item.id} → ${link.href}`).toContain(link.href);
        expect(link.label.length).toBeGreaterThan(2);
      }
    }
  });

  it('offers follow-ups that exist and that lead back to themselves', () => {
    const chatbot = createChatbot();
    for (const id of [...STARTER_ENTRY_IDS.visitor, ...STARTER_ENTRY_IDS.member])
      expect(answers.map((item) => item.id)).toContain(id);
    for (const item of answers) {
      for (const id of item.followUps) {
        expect(byId.has(id), `${item.id} → ${id}`).toBe(true);
        expect(id).not.toBe(item.id);
      }
      // Asking an entry's prompt — what a suggestion button sends — answers with that entry.
      for (const signedIn of [false, true]) {
        const { response } = createChatbotAnswer(chatbot, item.prompt, signedIn);
        expect(response.answer?.id, `"${item.prompt}" (signed in: ${signedIn})`).toBe(item.id);
      }
    }
  });

  it('gives the help line exactly as the portal shows it', () => {
    expect(HELP_LINE_PHONE).toBe(HELP_LINE.display);
    expect(HELP_LINE_HOURS).toBe(HELP_LINE.hours);
    expect(entry('aide-telephone').text).toContain(
      `${HELP_LINE.hours} sur votre ligne dédiée : ${HELP_LINE.display}`,
    );
  });

  // The rules the answers quote, checked against the code that applies them: change a rule
  // and this test points at the answer to rewrite.
  it('quotes the rules the portal applies', () => {
    const minutes = (ms: number) => ms / 60_000;
    expect(entry('mot-de-passe-regles').text).toContain(
      `au moins ${PASSWORD_MIN_LENGTH} caractères (${PASSWORD_MAX_LENGTH} au plus)`,
    );
    expect(entry('double-authentification').text).toContain(`les ${CODE_LENGTH} chiffres`);
    expect(entry('double-authentification').text).toContain(`valable ${minutes(CODE_TTL_MS)} minutes`);
    expect(entry('code-incorrect').text).toContain(`valable ${minutes(CODE_TTL_MS)} minutes`);
    expect(entry('code-incorrect').text).toContain(`Après ${MAX_CODE_TRIES} codes erronés`);
    expect(entry('code-sms-non-recu').text).toContain(`Attendez ${minutes(RESEND_COOLDOWN_MS)} minute`);
    expect(entry('code-sms-non-recu').text).toContain(`${MAX_SMS_PER_USER_PER_DAY} SMS au plus`);
    expect(entry('code-quand').text).toContain(
      `plus de ${Math.round(MFA_MAX_LOGIN_AGE_MS / (30 * 86_400_000))} mois`,
    );
    expect(entry('confirmation-email').text).toContain(
      `valable ${CONFIRMATION_LINK_TTL_MS / 3_600_000} heures`,
    );
    expect(entry('mot-de-passe-oublie').text).toContain(`valable ${minutes(RESET_LINK_TTL_MS)} minutes`);
    expect(entry('invitation').text).toContain(`valable ${INVITATION_LINK_TTL_MS / 86_400_000} jours`);
    expect(entry('ajouter-utilisateur').text).toContain(
      `valable ${INVITATION_LINK_TTL_MS / 86_400_000} jours`,
    );
    expect(entry('session-expiree').text).toContain(`${minutes(SESSION_IDLE_MS)} minutes sans activité`);
    expect(entry('session-expiree').text).toContain(
      `${SESSION_ABSOLUTE_MS / 3_600_000} heures après la connexion`,
    );
    expect(entry('radiation').text).toContain(`jusqu’à ${DEFAULT_RETROACTIVE_DAYS} jours`);
    expect(entry('portabilite').text).toContain(`${PORTABILITE_MAX_MONTHS} mois au maximum`);
    const attachments = `jusqu’à ${ATTACHMENT_MAX_COUNT} documents de ${ATTACHMENT_MAX_BYTES / 1024 / 1024} Mo`;
    expect(entry('nous-contacter').text).toContain(attachments);
  });

  it('names exactly the radiation reasons that open the portabilité in the portal', () => {
    const sentence = /l’ouvrent les motifs : ([^.]+)\./.exec(entry('motifs-radiation').text)?.[1] ?? '';
    for (const reason of RADIATION_REASONS) {
      const opens = portabiliteFor(reason, '2025-01-01', '2025-12-31').eligible;
      const label = RADIATION_REASON_LABELS[reason].toLowerCase();
      const listed = sentence.toLowerCase().split(', ').includes(label);
      expect(listed, `${reason}: ${opens ? 'opens' : 'does not open'} the portabilité`).toBe(opens);
    }
  });

  it('says what the user guide says about identifiers and the second factor', () => {
    expect(entry('identifiant-entreprise').text).toContain('« Numéro entreprise »');
    expect(entry('identifiant-entreprise').text).toContain('« Numéro d’adhérent »');
    expect(entry('identifiant-entreprise').text).toContain('Malakoff Humanis');
    expect(entry('siret').text).toContain('SIRET de l’établissement principal');
    for (const trigger of ['nouveau navigateur', 'adresse IP', '3 mois', 'pas encore été vérifié']) {
      expect(entry('code-quand').text).toContain(trigger);
    }
    for (const status of [
      'Envoyé à l’employé',
      'Démarré par le salarié',
      'Finalisé par le salarié',
      'Abandonné',
    ]) {
      expect(entry('suivi-affiliations').text).toContain(status);
    }
    for (const motif of [
      'Information sur les cotisations',
      'Autre demande',
      'Affiliation d’un salarié',
      'Radiation d’un salarié',
      'Transmettre des documents pour mon salarié',
    ]) {
      expect(entry('nous-contacter').text).toContain(motif);
    }
    expect(entry('portabilite').text).toContain('L. 911-8');
  });
});

function createChatbotAnswer(chatbot: ReturnType<typeof createChatbot>, question: string, signedIn: boolean) {
  return chatbot.ask({ question, context: { signedIn } });
}
