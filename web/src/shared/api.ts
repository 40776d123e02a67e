/**
 * The one way the SPA talks to the API: same-origin JSON over `/api`, session cookie sent
 * by the browser, errors turned into `ApiError` with a French message the UI can show as is.
 */

/** Anything with zod's `parse` (kept structural so this module does not pull zod into the shell bundle). */
export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface RequestOptions {
  /** Cancels the request (TanStack Query passes one to every query function). */
  signal?: AbortSignal;
  /** Milliseconds before giving up; defaults to `DEFAULT_TIMEOUT_MS`. */
  timeoutMs?: number;
  /**
   * Extra headers of this request: a credential that is not the session cookie (the BIA
   * link's token), an Idempotency-Key. They cannot replace the ones set here (CSRF, JSON).
   */
  headers?: Readonly<Record<string, string>>;
}

export const API_PREFIX = '/api';

/** API Gateway cuts requests at 30 s; waiting longer only hides the failure from the user. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The server's CSRF check: a cross-site form or image cannot set a custom header. */
export const CSRF_HEADER = 'X-EES-Request';

export const NETWORK_ERROR_MESSAGE =
  'Impossible de joindre le serveur. Vérifiez votre connexion internet puis réessayez.';
export const TIMEOUT_MESSAGE =
  'Le serveur met trop de temps à répondre. Veuillez réessayer dans quelques instants.';
export const INVALID_RESPONSE_MESSAGE = 'Réponse inattendue du serveur. Veuillez réessayer plus tard.';

/** Used when the server answered an error without the usual `{ code, message }` body (proxy, gateway). */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'La demande est invalide. Vérifiez les informations saisies.',
  401: 'Votre session a expiré. Veuillez vous reconnecter.',
  403: "Vous n'avez pas les droits nécessaires pour cette action.",
  404: "L'élément demandé est introuvable.",
  409: 'Cet élément a été modifié entre-temps. Rechargez la page puis réessayez.',
  413: 'Le fichier ou la demande est trop volumineux.',
  422: 'Certaines informations sont invalides.',
  429: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
};
const SERVER_ERROR_MESSAGE =
  'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  readonly status: number;
  readonly code: string;
  /** Field-level French messages for forms, keyed by dotted path. */
  readonly fields?: Record<string, string>;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    if (fields) this.fields = fields;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type ApiErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ApiErrorListener>();

/**
 * Every error answer also goes to these listeners, whoever made the request (a query, a form):
 * the app uses it to sign the user out everywhere once the API says the session has ended.
 * Returns the unsubscribe function.
 */
export function onApiError(listener: ApiErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** Fallback message for a status, for callers that need one without a response body. */
export function messageForStatus(status: number): string {
  return STATUS_MESSAGES[status] ?? (status >= 500 ? SERVER_ERROR_MESSAGE : INVALID_RESPONSE_MESSAGE);
}

/** Builds `?a=1&b=x&b=y` from plain values; empty values are left out so callers can pass optional filters. */
export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the contract's error body (`functions/contracts/common.ts` errorBody) without trusting its shape. */
function errorFromBody(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string' && body.message) {
    const fields = isRecord(body.fields)
      ? Object.fromEntries(
          Object.entries(body.fields).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : undefined;
    return new ApiError(status, body.code, body.message, fields);
  }
  return new ApiError(status, status >= 500 ? 'server_error' : 'http_error', messageForStatus(status));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  schema: ResponseSchema<T> | undefined,
  options: RequestOptions = {},
): Promise<T> {
  if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);

  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  let url = `${API_PREFIX}${path}`;
  let payload: string | undefined;
  if (method === 'GET') {
    // A GET cannot carry a body: its "body" is the query string (filters, cursor).
    if (isRecord(body)) url += toQueryString(body as Record<string, QueryValue>);
  } else {
    headers[CSRF_HEADER] = '1';
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }

  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal });
    text = await response.text();
  } catch (error) {
    // The caller's own cancellation is not an error to show; let it propagate untouched.
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (timeout.aborted) throw new ApiError(0, 'timeout', TIMEOUT_MESSAGE);
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }

  const parsed = parseJson(text);
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed.ok ? parsed.value : undefined);
    for (const listener of errorListeners) listener(error);
    throw error;
  }
  if (!parsed.ok) throw new ApiError(response.status, 'invalid_response', INVALID_RESPONSE_MESSAGE);
  if (!schema) return parsed.value as T;
  try {
    return schema.parse(parsed.value);
  } catch {
    throw new ApiError(response.status, 'invalid_response', INVALID_RESPONSE_MESSAGE);
  }
}

/**
 * `body` is the JSON body, or for `get` the query parameters. Without a schema the result is
 * unchecked (`unknown` unless the caller states a type) — pass the contract's schema.
 */
export const api = {
  get: <T = unknown>(
    path: string,
    query?: Record<string, QueryValue>,
    schema?: ResponseSchema<T>,
    options?: RequestOptions,
  ) => request('GET', path, query, schema, options),
  post: <T = unknown>(path: string, body?: unknown, schema?: ResponseSchema<T>, options?: RequestOptions) =>
    request('POST', path, body, schema, options),
  put: <T = unknown>(path: string, body?: unknown, schema?: ResponseSchema<T>, options?: RequestOptions) =>
    request('PUT', path, body, schema, options),
  patch: <T = unknown>(path: string, body?: unknown, schema?: ResponseSchema<T>, options?: RequestOptions) =>
    request('PATCH', path, body, schema, options),
  delete: <T = unknown>(path: string, body?: unknown, schema?: ResponseSchema<T>, options?: RequestOptions) =>
    request('DELETE', path, body, schema, options),
};
