import { errorMessages } from '../../functions/contracts/error-messages';

/**
 * What every refusal of the API must look like: `{ code, message, fields? }` and nothing
 * else, a stable machine code, one of the French sentences of contracts/error-messages.ts,
 * field messages in French too, and never a trace of the server's insides.
 */
const KNOWN_MESSAGES = new Set(Object.values(errorMessages));

/** Signs of a leaked exception: stack frames, source paths, error class names, JS artefacts. */
const LEAK =
  /(\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\(|\bat\s+(?:file:|node:|\/)|\.[cm]?[jt]sx?:\d+|node_modules|\/work\/|\/home\/|\/tmp\/|\b[A-Z]\w*(?:Error|Exception)\b|\bundefined\b|\bnull\b is not|\[object \w+\]|\bNaN\b|Cannot read|is not a function)/;
/** A French sentence: an accented letter, French punctuation or common French words. */
const FRENCH =
  /[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊÎÔÙÛ’«»]|\b(le|la|les|de|des|du|un|une|ou|et|au|aux|en|il|elle|vous|votre|vos|nous|ce|cette|ces|doit|pas|est|sont|trop|plus|moins|sur|pour|par|avec|sans|dans|que|qui|reste|essais?|invalide|incorrecte?|saisissez|choisissez|attendue?|reçu|adresse|longue|courte|mot|passe|lettres|chiffres|champ|lien|obligatoire|maximum|minimum)\b/i;
const ENGLISH =
  /\b(the|must|should|expected|received|required|invalid|please|error|failed|unknown|too long|too short|not allowed)\b/i;

/** The body of a refusal, as the tests read it (its shape is checked by assertCleanError). */
export interface ErrorAnswer {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export interface ResponseLike {
  status: number;
  body: unknown;
  headers: Headers;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every way the answer breaks the error contract (empty when it is a clean refusal). */
export function errorShapeProblems(response: ResponseLike): string[] {
  const problems: string[] = [];
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/json'))
    problems.push(`content-type ${JSON.stringify(contentType)}`);
  const body = response.body;
  if (!isPlainObject(body))
    return [...problems, `body is not a JSON object: ${JSON.stringify(body)?.slice(0, 200)}`];
  const extra = Object.keys(body).filter((key) => !['code', 'message', 'fields'].includes(key));
  if (extra.length > 0) problems.push(`unexpected keys ${extra.join(', ')}`);
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) {
    problems.push(`code ${JSON.stringify(body.code)}`);
  }
  if (typeof body.message !== 'string' || body.message.trim() === '') {
    problems.push(`message ${JSON.stringify(body.message)}`);
  } else if (!KNOWN_MESSAGES.has(body.message)) {
    problems.push(`message is not one of the French error sentences: ${JSON.stringify(body.message)}`);
  }
  if (body.fields !== undefined) {
    if (!isPlainObject(body.fields)) {
      problems.push(`fields ${JSON.stringify(body.fields)?.slice(0, 200)}`);
    } else {
      for (const [field, text] of Object.entries(body.fields)) {
        if (typeof text !== 'string' || text.trim() === '') {
          problems.push(`fields.${field} is not a sentence: ${JSON.stringify(text)}`);
        } else if (!FRENCH.test(text) || ENGLISH.test(text)) {
          problems.push(`fields.${field} is not French: ${JSON.stringify(text.slice(0, 200))}`);
        } else if (LEAK.test(text)) {
          problems.push(`fields.${field} leaks internals: ${JSON.stringify(text.slice(0, 200))}`);
        }
      }
    }
  }
  if (typeof body.message === 'string' && LEAK.test(body.message)) problems.push('message leaks internals');
  return problems;
}

/** Throws, with what is wrong and the answer, unless the response is a clean `{ code, message }` refusal. */
export function assertCleanError(response: ResponseLike, context = ''): void {
  const problems = errorShapeProblems(response);
  if (problems.length > 0) {
    throw new Error(
      `${context} answered ${response.status} with a malformed error (${problems.join('; ')}): ${JSON.stringify(response.body)?.slice(0, 500)}`,
    );
  }
}

/** No 5xx, and a non-2xx answer is a clean refusal. */
export function assertHandled(response: ResponseLike, context = ''): void {
  if (response.status >= 500) {
    throw new Error(
      `${context} answered ${response.status}: ${JSON.stringify(response.body)?.slice(0, 500)}`,
    );
  }
  if (response.status < 200 || response.status >= 300) assertCleanError(response, context);
}
