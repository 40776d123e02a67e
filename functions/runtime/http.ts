import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { routeById, type RouteDefinition, type RouteId } from '../routes';
import { config } from './config';
import { logger } from './logger';
import { errorResponse, HttpError, validationError } from './error-responses';
import { resolveCaller, type EmployeeLink, type Principal } from './auth';
import { clientIp } from './client-ip';

export interface HttpRequest<Body, Query, Params> {
  readonly body: Body;
  readonly query: Query;
  readonly params: Params;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly correlationId: string;
  readonly route: RouteDefinition;
  readonly principal: Principal | null;
  /** On `employeeLink` routes: the demande d'affiliation the link opens. */
  readonly employeeLink: EmployeeLink | null;
}

const RESULT = Symbol('httpResult');

export interface HttpResult {
  readonly [RESULT]: true;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly cookies?: string[];
}

/** A response with a status, headers or cookies; a plain returned value means 200 + JSON. */
export const respond = (result: Omit<HttpResult, typeof RESULT>): HttpResult => ({
  ...result,
  [RESULT]: true,
});

const isHttpResult = (value: unknown): value is HttpResult =>
  typeof value === 'object' && value !== null && RESULT in value;

export interface RouteSpec<Body, Query, Params, Result> {
  body?: z.ZodType<Body, unknown>;
  query?: z.ZodType<Query, unknown>;
  params?: z.ZodType<Params, unknown>;
  run: (request: HttpRequest<Body, Query, Params>) => Promise<Result | HttpResult>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** JSON bodies of this API are small; files go straight to S3, never through a Lambda. */
const MAX_BODY_BYTES = 64 * 1024;
export const CSRF_HEADER = 'x-ees-request';
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const lowerCaseHeaders = (headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, value]) => [key.toLowerCase(), value]),
  );

export const parseCookies = (cookieList: readonly string[] | undefined): Record<string, string> => {
  const cookies: Record<string, string> = {};
  for (const pair of (cookieList ?? []).flatMap((entry) => entry.split(';'))) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    // The first cookie of a name wins, as browsers send the most specific one first.
    if (!(name in cookies)) cookies[name] = pair.slice(separator + 1).trim();
  }
  return cookies;
};

const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

function checkOriginAndCsrf(method: string, headers: Record<string, string>): void {
  const { ORIGIN_VERIFY_SECRET, PUBLIC_URL } = config();
  if (ORIGIN_VERIFY_SECRET && !sameSecret(headers[ORIGIN_VERIFY_HEADER], ORIGIN_VERIFY_SECRET)) {
    throw new HttpError(403, 'ORIGIN_REJECTED');
  }
  if (!STATE_CHANGING.has(method)) return;
  // SameSite cookies are the first line; a custom header (which forces a CORS preflight
  // that we never grant) and the Origin check are the second and third.
  if (headers[CSRF_HEADER] !== '1') throw new HttpError(403, 'CSRF_REJECTED');
  if (headers.origin !== new URL(PUBLIC_URL).origin) throw new HttpError(403, 'CSRF_REJECTED');
}

function readBody(event: APIGatewayProxyEventV2, headers: Record<string, string>, schema: unknown): unknown {
  if (!schema) return undefined;
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new HttpError(413, 'PAYLOAD_TOO_LARGE');
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'INVALID_JSON');
  }
}

function validate<T>(schema: z.ZodType<T, unknown> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

const jsonHeaders = (correlationId: string): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-correlation-id': correlationId,
});

/**
 * The HTTP edge of one route: origin + CSRF checks, JSON parsing, zod validation of body,
 * query and path parameters, access check from the route table, then the route's `run`;
 * typed errors become `{ code, message }` with a French message, never a stack trace.
 */
export function httpRoute<Body = undefined, Query = undefined, Params = undefined, Result = unknown>(
  routeId: RouteId,
  spec: RouteSpec<Body, Query, Params, Result>,
) {
  const route = routeById(routeId);

  const core = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const headers = lowerCaseHeaders(event.headers);
    const correlationId = headers['x-correlation-id']?.slice(0, 64).replace(/[^\w-]/g, '') || randomUUID();
    logger.appendKeys({ correlation_id: correlationId, route: route.id });
    try {
      checkOriginAndCsrf(event.requestContext?.http?.method ?? route.method, headers);
      const cookies = parseCookies(event.cookies);
      const sourceIp = clientIp(event, headers);
      // Access first: who may not call a route learns nothing about what it expects.
      const { principal, employeeLink } = await resolveCaller(route, {
        headers,
        cookies,
        params: event.pathParameters ?? {},
        sourceIp,
      });
      const body = validate(spec.body, readBody(event, headers, spec.body), 'body');
      const query = validate(spec.query, event.queryStringParameters ?? {}, 'query');
      const params = validate(spec.params, event.pathParameters ?? {}, 'params');
      const result = await spec.run({
        body,
        query,
        params,
        headers,
        cookies,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
        correlationId,
        route,
        principal,
        employeeLink,
      });
      const response = isHttpResult(result) ? result : respond({ status: 200, body: result });
      return {
        statusCode: response.status,
        headers: { ...jsonHeaders(correlationId), ...response.headers },
        cookies: response.cookies,
        body: response.body === undefined ? '' : JSON.stringify(response.body),
      };
    } catch (error) {
      const { status, body } = errorResponse(error);
      if (status >= 500) logger.error('Request failed', { error: error as Error, status });
      else logger.info('Request refused', { status, code: body.code });
      return { statusCode: status, headers: jsonHeaders(correlationId), body: JSON.stringify(body) };
    }
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(core);
}
