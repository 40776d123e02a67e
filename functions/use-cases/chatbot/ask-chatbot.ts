import type { AskChatbotRequest, AskChatbotResponse, ChatbotFallback } from '../../contracts/chatbot';
import {
  FALLBACK_TEXT,
  SENSITIVE_DATA_WARNING,
  STARTER_ENTRY_IDS,
  knowledgeBase,
  type KnowledgeEntry,
} from '../../domain/chatbot/knowledge-base';
import {
  CHATBOT_MAX_SUGGESTIONS,
  CONTACT_PATH,
  HELP_LINE_HOURS,
  HELP_LINE_PHONE,
} from '../../domain/chatbot/portal-paths';
import { buildChatbotIndex, type ChatbotIndex } from '../../domain/chatbot/retrieval';
import { guardQuestion, type SensitiveKind } from '../../domain/chatbot/sensitive-data';

export const CHATBOT_FALLBACK: ChatbotFallback = {
  text: FALLBACK_TEXT,
  contactHref: CONTACT_PATH,
  phone: HELP_LINE_PHONE,
  hours: HELP_LINE_HOURS,
};

/** What may be logged about an exchange: never the question, only what was chosen. */
export interface ChatbotOutcome {
  readonly answerId: string | null;
  readonly confidence: number;
  readonly sensitiveData: readonly SensitiveKind[];
}

export interface ChatbotReply {
  readonly response: AskChatbotResponse;
  readonly outcome: ChatbotOutcome;
}

/**
 * One question, one reply. The privacy guard runs first: sensitive numbers are cut out before
 * the question is searched. Everything in the reply comes from the knowledge base — by
 * construction no part of the question is echoed — so the reply is safe to show and to cache.
 */
export function askChatbot(index: ChatbotIndex, entries: readonly KnowledgeEntry[]) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const promptsOf = (ids: readonly string[], exclude: string | null): string[] =>
    [...new Set(ids)]
      .filter((id) => id !== exclude)
      .map((id) => byId.get(id))
      .filter(
        (entry): entry is KnowledgeEntry => entry !== undefined && !entry.smallTalk && !entry.outOfScope,
      )
      .slice(0, CHATBOT_MAX_SUGGESTIONS)
      .map((entry) => entry.prompt);

  return (request: AskChatbotRequest): ChatbotReply => {
    const guarded = guardQuestion(request.question);
    const context = request.context ?? { signedIn: false };
    const { entry, confidence, nearMisses, outOfScope } = index.select(guarded.text, context);
    const starters = STARTER_ENTRY_IDS[context.signedIn ? 'member' : 'visitor'];
    const warning = guarded.found.length > 0 ? SENSITIVE_DATA_WARNING : null;
    const response: AskChatbotResponse = entry
      ? {
          answer: {
            id: entry.id,
            title: entry.title,
            text: entry.text,
            links: entry.links.map((link) => ({ ...link })),
          },
          suggestions: promptsOf(entry.smallTalk ? starters : entry.followUps, entry.id),
          fallback: null,
          confidence,
          warning,
        }
      : {
          answer: null,
          // Near misses first ("did you mean…"), then the usual first questions for this user.
          suggestions: promptsOf(
            [...nearMisses.slice(0, 2).map((nearMiss) => nearMiss.id), ...starters],
            null,
          ),
          fallback: outOfScope ? { ...CHATBOT_FALLBACK, text: outOfScope.text } : CHATBOT_FALLBACK,
          confidence,
          warning,
        };
    return { response, outcome: { answerId: entry?.id ?? null, confidence, sensitiveData: guarded.found } };
  };
}

export interface Chatbot {
  readonly ask: (request: AskChatbotRequest) => ChatbotReply;
  readonly entryCount: number;
  readonly vocabularySize: number;
  /** Time spent analysing and indexing the knowledge base (once per container). */
  readonly buildMs: number;
}

/** The assistant over a knowledge base (the bundled one by default), index built now. */
export function createChatbot(entries: readonly KnowledgeEntry[] = knowledgeBase): Chatbot {
  const started = performance.now();
  const index = buildChatbotIndex(entries);
  const buildMs = performance.now() - started;
  return {
    ask: askChatbot(index, entries),
    entryCount: index.entryCount,
    vocabularySize: index.vocabularySize,
    buildMs,
  };
}
