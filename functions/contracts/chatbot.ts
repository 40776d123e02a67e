import { z } from 'zod';
import {
  CHATBOT_MAX_SUGGESTIONS,
  CONTACT_PATH,
  HELP_LINE_HOURS,
  HELP_LINE_PHONE,
  PORTAL_PATHS,
} from '../domain/chatbot/portal-paths';

/**
 * The assistant ("chatbot"): one question in, one answer chosen from the knowledge base out.
 * The answer never repeats any part of the question (so nothing typed — a NIR, an IBAN — can
 * come back or be stored), and every link is a page of the SPA.
 */
export const CHATBOT_QUESTION_MAX_LENGTH = 500;
export { CHATBOT_MAX_SUGGESTIONS, CONTACT_PATH, HELP_LINE_HOURS, HELP_LINE_PHONE, PORTAL_PATHS };

export const askChatbotRequest = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, { error: 'Posez votre question.' })
      .max(CHATBOT_QUESTION_MAX_LENGTH, {
        error: `Votre question doit tenir en ${CHATBOT_QUESTION_MAX_LENGTH} caractères.`,
      }),
    context: z
      .object({
        signedIn: z.boolean(),
        /** The SPA page the question is asked from (location.pathname). */
        page: z
          .string()
          .max(200)
          .regex(/^\/[A-Za-z0-9/_-]*$/, { error: 'Page invalide.' })
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type AskChatbotRequest = z.infer<typeof askChatbotRequest>;

export const chatbotLink = z.object({ label: z.string(), href: z.enum(PORTAL_PATHS) });
export type ChatbotLink = z.infer<typeof chatbotLink>;

export const chatbotAnswer = z.object({
  /** The knowledge-base entry (stable: the SPA may use it for analytics or feedback). */
  id: z.string(),
  title: z.string(),
  /** French; paragraphs separated by a blank line, list items on lines starting with "• ". */
  text: z.string(),
  links: z.array(chatbotLink),
});
export type ChatbotAnswer = z.infer<typeof chatbotAnswer>;

/** "I don't know": the contact form and the phone line, always both. */
export const chatbotFallback = z.object({
  text: z.string(),
  contactHref: z.literal(CONTACT_PATH),
  phone: z.literal(HELP_LINE_PHONE),
  hours: z.literal(HELP_LINE_HOURS),
});
export type ChatbotFallback = z.infer<typeof chatbotFallback>;

export const askChatbotResponse = z.object({
  /** null when no answer is good enough: `fallback` is then set. */
  answer: chatbotAnswer.nullable(),
  /** Follow-up questions to offer as buttons; sending one back as a question answers it. */
  suggestions: z.array(z.string()).max(CHATBOT_MAX_SUGGESTIONS),
  fallback: chatbotFallback.nullable(),
  /** 0–1, how sure the choice is (for analytics; not meant to be shown). */
  confidence: z.number().min(0).max(1),
  /**
   * Set when the question contained a social-security number, an IBAN or a card number: they
   * were removed before anything else and the user is asked not to send them (show it first).
   */
  warning: z.string().nullable(),
});
export type AskChatbotResponse = z.infer<typeof askChatbotResponse>;
