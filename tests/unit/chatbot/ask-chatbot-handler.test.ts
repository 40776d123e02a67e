import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigCache } from '../../../functions/runtime/config';

/**
 * The Lambda itself, invoked as API Gateway would, with everything it writes to stdout/stderr
 * captured: the question (and the NIR or IBAN it may hold) must never reach the logs, only
 * what was chosen. No emulator needed: the route is public and does no I/O.
 */
const PUBLIC_URL = 'https://entreprise.example.test';
const NIR = '1 85 05 78 006 084 36';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const QUESTION = `Bonjour, voici le numéro ${NIR} de ma salariée Zéphyrine et mon IBAN ${IBAN}, elle n'a pas reçu le code sms`;

const env = {
  STAGE: 'test',
  TABLE_NAME: 'ees-unit',
  UPLOADS_BUCKET: 'ees-unit-uploads',
  DOCUMENTS_BUCKET: 'ees-unit-documents',
  GENERATED_BUCKET: 'ees-unit-generated',
  INBOUND_BUCKET: 'ees-unit-inbound',
  USER_POOL_ID: 'eu-west-3_unit',
  USER_POOL_CLIENT_ID: 'unit',
  USER_POOL_CLIENT_SECRET: 'unit',
  MAIL_FROM: 'no-reply@example.test',
  INSURER_TEAM_EMAIL: 'equipe@example.test',
  PUBLIC_URL,
  SECRET_PEPPER: 'p'.repeat(40),
  LOG_LEVEL: 'INFO',
};

const event = (body: unknown): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /api/chatbot/questions',
    rawPath: '/api/chatbot/questions',
    rawQueryString: '',
    headers: { origin: PUBLIC_URL, 'x-ees-request': '1', 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST', path: '/api/chatbot/questions', sourceIp: '203.0.113.9' } },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = {
  functionName: 'ees-test-askChatbot',
  awsRequestId: 'unit-request',
  getRemainingTimeInMillis: () => 29_000,
} as unknown as Context;

describe('askChatbot handler', () => {
  const captured: string[] = [];
  const restore: (() => void)[] = [];
  const saved: Record<string, string | undefined> = {};
  let handler: (
    event: APIGatewayProxyEventV2,
    context: Context,
  ) => Promise<APIGatewayProxyStructuredResultV2>;

  beforeAll(async () => {
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    resetConfigCache();
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original;
      });
    }
    ({ handler } = await import('../../../functions/handlers/ask-chatbot'));
  });

  afterAll(() => {
    for (const undo of restore) undo();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetConfigCache();
  });

  it('answers, warns about the numbers, and logs what it chose — never the question', async () => {
    const result = await handler(event({ question: QUESTION, context: { signedIn: false } }), context);
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body!) as { answer: { id: string } | null; warning: string | null };
    expect(body.answer?.id).toBe('code-sms-non-recu');
    expect(body.warning).toContain('ne communiquez jamais');
    for (const secret of [NIR, NIR.replace(/ /g, ''), IBAN, IBAN.replace(/ /g, ''), 'Zéphyrine']) {
      expect(result.body).not.toContain(secret);
    }

    const logs = captured.join('');
    expect(logs).toContain('Chatbot answered');
    expect(logs).toContain('code-sms-non-recu');
    for (const secret of [
      NIR,
      NIR.replace(/ /g, ''),
      '0578006084',
      IBAN,
      IBAN.replace(/ /g, ''),
      '3456 7890',
      'Zéphyrine',
      'reçu le code',
    ]) {
      expect(logs, secret).not.toContain(secret);
    }
  });

  it('refuses an invalid question without logging it either', async () => {
    const tooLong = `${NIR} ${'x'.repeat(600)}`;
    const result = await handler(event({ question: tooLong }), context);
    expect(result.statusCode).toBe(400);
    expect(result.body).not.toContain(NIR);
    expect(captured.join('')).not.toContain(NIR);
  });
});
