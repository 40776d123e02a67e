import { httpRoute } from '../runtime/http';
import { logger } from '../runtime/logger';
import { askChatbotRequest } from '../contracts/chatbot';
import { createChatbot } from '../use-cases/chatbot/ask-chatbot';

// Built once per container, at cold start: the knowledge base is data, indexed in memory.
const chatbot = createChatbot();
logger.info('Chatbot index built', {
  entries: chatbot.entryCount,
  terms: chatbot.vocabularySize,
  build_ms: Math.round(chatbot.buildMs),
});

export const handler = httpRoute('askChatbot', {
  body: askChatbotRequest,
  run: async ({ body }) => {
    const { response, outcome } = chatbot.ask(body);
    // What was chosen, never what was asked: the question may hold anything (a NIR, an IBAN…).
    logger.info('Chatbot answered', {
      answer_id: outcome.answerId,
      confidence: outcome.confidence,
      sensitive_data: outcome.sensitiveData,
    });
    return response;
  },
});
