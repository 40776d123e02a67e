import '../../../shared/forms/zod';
import {
  askChatbotResponse,
  type AskChatbotRequest,
  type AskChatbotResponse,
} from '../../../../../functions/contracts/chatbot';
import { api } from '../../../shared/api';

export type { AskChatbotResponse };

/** A page path the API accepts as context (the contract's pattern); others are left out. */
const PAGE_PATH = /^\/[A-Za-z0-9/_-]{0,199}$/;

export const pageContext = (pathname: string): string | undefined =>
  PAGE_PATH.test(pathname) ? pathname : undefined;

/** POST /chatbot/questions — route `askChatbot`: one question, one answer (or the ways to reach us). */
export const askChatbot = (body: AskChatbotRequest) =>
  api.post('/chatbot/questions', body, askChatbotResponse);
