import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { API_BASE_PATH, routes, type RouteDefinition } from '../../functions/routes';
import { contentSecurityPolicy, securityHeaders } from '../../lib/security-headers';

/**
 * The local stand-in for API Gateway + CloudFront: one origin that serves the SPA at `/`
 * and the API at `/api`, reading the same route table as the CDK stack and invoking each
 * route's handler in-process with an API Gateway v2 event.
 */
type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalApiOptions {
  port: number;
  host?: string;
  /** Built SPA to serve at `/` (index.html fallback), or a connect-style middleware (Vite dev). */
  web?: { distDir: string; uploadOrigins: string[] } | { middleware: ConnectMiddleware };
  /** Pages asked under another host name (127.0.0.1 vs localhost) are redirected here. */
  canonicalUrl?: string;
  log?: (line: string) => void;
}

export interface LocalApi {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** API Gateway's own payload limit; our handlers refuse far smaller JSON bodies themselves. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  paramNames: string[];
}

/** A malformed %-sequence stays as typed (API Gateway passes it through; validation refuses it). */
const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const compile = (route: RouteDefinition): CompiledRoute => {
  const paramNames: string[] = [];
  const source = `${API_BASE_PATH}${route.path}`
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
};

const handlerCache = new Map<string, Promise<LambdaHandler>>();
const functionsDir = resolve(import.meta.dirname, '../../functions');

const loadHandler = (route: RouteDefinition): Promise<LambdaHandler> => {
  let loading = handlerCache.get(route.handler);
  if (!loading) {
    loading = import(join(functionsDir, route.handler)).then(
      (module: { handler: LambdaHandler }) => module.handler,
    );
    handlerCache.set(route.handler, loading);
  }
  return loading;
};

const readRequestBody = (req: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(size > MAX_REQUEST_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

function buildEvent(
  req: IncomingMessage,
  url: URL,
  compiled: CompiledRoute,
  match: RegExpExecArray,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') {
      cookies.push(
        ...(Array.isArray(value) ? value : [value]).flatMap((v) => v.split(';').map((c) => c.trim())),
      );
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters = Object.fromEntries(
    compiled.paramNames.map((name, index) => [name, safeDecode(match[index + 1]!)]),
  );
  const textual = TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  const routeKey = `${compiled.route.method} ${API_BASE_PATH}${compiled.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.filter(Boolean),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: compiled.paramNames.length > 0 ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length === 0 ? undefined : textual ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

const lambdaContext = (route: RouteDefinition): Context => {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/local-${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

const sendJsonError = (res: ServerResponse, status: number, code: string, message: string, extra = {}) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(JSON.stringify({ code, message }));
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

async function serveStatic(
  { distDir, uploadOrigins }: { distDir: string; uploadOrigins: string[] },
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const root = resolve(distDir);
  const requested = normalize(join(root, safeDecode(url.pathname)));
  let file = requested.startsWith(root) ? requested : join(root, 'index.html');
  const info = await stat(file).catch(() => undefined);
  // SPA fallback, as CloudFront's 403/404 → /index.html.
  if (!info || info.isDirectory()) file = join(root, 'index.html');
  const content = await readFile(file).catch(() => undefined);
  if (!content) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end("L'application web n'est pas construite : lancez « npm run build:web ».");
    return;
  }
  const immutable = file.includes(`${join(root, 'assets')}`);
  res.writeHead(200, {
    ...securityHeaders({ contentSecurityPolicy: contentSecurityPolicy({ uploadOrigins }), hsts: false }),
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(content);
}

const viaMiddleware = (middleware: ConnectMiddleware, req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((done) => {
    res.on('finish', () => done());
    middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const compiled = (routes as readonly RouteDefinition[]).map(compile);
  const log = options.log ?? (() => undefined);

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const candidates = compiled
      .map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) }))
      .filter(
        (candidate): candidate is { entry: CompiledRoute; match: RegExpExecArray } =>
          candidate.match !== null,
      );
    if (candidates.length === 0) {
      return sendJsonError(res, 404, 'ROUTE_NOT_FOUND', "Cette adresse de l'API n'existe pas.");
    }
    const found = candidates.find((candidate) => candidate.entry.route.method === req.method);
    if (!found) {
      return sendJsonError(
        res,
        405,
        'METHOD_NOT_ALLOWED',
        "Cette méthode n'est pas autorisée pour cette adresse.",
        {
          allow: candidates.map((candidate) => candidate.entry.route.method).join(', '),
        },
      );
    }
    const body = await readRequestBody(req);
    if (body === 'too-large')
      return sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', 'La requête est trop volumineuse.');
    const handler = await loadHandler(found.entry.route);
    const result = await handler(
      buildEvent(req, url, found.entry, found.match, body),
      lambdaContext(found.entry.route),
    );
    const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, headers);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = performance.now();
    const isApi = url.pathname === API_BASE_PATH || url.pathname.startsWith(`${API_BASE_PATH}/`);
    const canonical = options.canonicalUrl ? new URL(options.canonicalUrl) : undefined;
    if (!isApi && canonical && req.headers.host && req.headers.host !== canonical.host) {
      res.writeHead(308, { location: new URL(`${url.pathname}${url.search}`, canonical).href }).end();
      return;
    }
    const web = options.web;
    const work = isApi
      ? handleApi(req, res, url)
      : web && 'middleware' in web
        ? viaMiddleware(web.middleware, req, res)
        : web
          ? serveStatic(web, url, res)
          : Promise.resolve(sendJsonError(res, 404, 'ROUTE_NOT_FOUND', 'Rien ici.'));
    work
      .catch((error: unknown) => {
        // A handler must never throw (httpRoute maps every error); this is the last net.
        log(`[api] ${req.method} ${url.pathname} crashed: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL', 'Une erreur inattendue est survenue.');
        else res.end();
      })
      .finally(() => {
        if (isApi)
          log(
            `[api] ${req.method} ${url.pathname} → ${res.statusCode} (${Math.round(performance.now() - started)} ms)`,
          );
      });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: options.canonicalUrl ?? `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
