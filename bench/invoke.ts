import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { API_BASE_PATH, type RouteDefinition } from '../functions/routes';
import { recording, type CallRecord } from './sdk-capture';

/**
 * Calls a route's handler in-process, as the local API server and Lambda do: an API Gateway
 * v2 event, a Lambda context, the handler module loaded once.
 */
export interface BenchRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Cookie values by name. */
  cookies?: Record<string, string>;
  /** Client IP; the test stage trusts X-Forwarded-For. */
  ip?: string;
  headers?: Record<string, string>;
}

export interface InvokeResult {
  status: number;
  body: unknown;
  /** Set-Cookie lines. */
  cookies: string[];
  ms: number;
}

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

const functionsDir = resolve(import.meta.dirname, '../functions');
const handlers = new Map<string, Promise<LambdaHandler>>();

export const handlerFile = (route: RouteDefinition): string => resolve(functionsDir, route.handler);

export function loadHandler(route: RouteDefinition): Promise<LambdaHandler> {
  let loading = handlers.get(route.handler);
  if (!loading) {
    loading = import(handlerFile(route)).then((module: { handler: LambdaHandler }) => module.handler);
    handlers.set(route.handler, loading);
  }
  return loading;
}

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The concrete path of a route (placeholders filled), below the API base path. */
export function concretePath(route: RouteDefinition, params: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.id}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** Headers the SPA sends (CSRF header and Origin on writes), as a plain object. */
export function requestHeaders(
  route: RouteDefinition,
  request: BenchRequest,
  publicUrl: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    host: new URL(publicUrl).host,
    'user-agent': BROWSER_USER_AGENT,
    accept: 'application/json',
  };
  if (request.ip) headers['x-forwarded-for'] = request.ip;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(route.method)) {
    headers['x-ees-request'] = '1';
    headers.origin = new URL(publicUrl).origin;
  }
  return { ...headers, ...request.headers };
}

export function buildEvent(
  route: RouteDefinition,
  request: BenchRequest,
  publicUrl: string,
): APIGatewayProxyEventV2 {
  const path = `${API_BASE_PATH}${concretePath(route, request.params)}`;
  const headers = requestHeaders(route, request, publicUrl);
  const query = request.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const routeKey = `${route.method} ${API_BASE_PATH}${route.path}`;
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString,
    cookies: Object.entries(request.cookies ?? {}).map(([name, value]) => `${name}=${value}`),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: request.params && Object.keys(request.params).length > 0 ? request.params : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    isBase64Encoded: false,
  };
}

export function lambdaContext(route: RouteDefinition): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `bench-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:bench-${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/bench-${route.id}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export const parseBody = (text: string | undefined): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Invokes the handler; with `record`, every SDK call it makes is attributed to this call. */
export async function invoke(
  route: RouteDefinition,
  request: BenchRequest,
  publicUrl: string,
  record?: CallRecord,
): Promise<InvokeResult> {
  const handler = await loadHandler(route);
  const event = buildEvent(route, request, publicUrl);
  const context = lambdaContext(route);
  const started = performance.now();
  const result = record
    ? await recording(record, () => handler(event, context))
    : await handler(event, context);
  const ms = performance.now() - started;
  return {
    status: result.statusCode ?? 200,
    body: parseBody(result.body),
    cookies: result.cookies ?? [],
    ms,
  };
}

/** Cookie name → value from Set-Cookie lines (expired ones removed from `jar`). */
export function applySetCookies(
  jar: Record<string, string>,
  setCookies: readonly string[],
): Record<string, string> {
  for (const line of setCookies) {
    const [pair, ...attributes] = line.split(';');
    const separator = pair!.indexOf('=');
    const name = pair!.slice(0, separator).trim();
    const value = pair!.slice(separator + 1).trim();
    if (value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)))
      delete jar[name];
    else jar[name] = value;
  }
  return jar;
}
