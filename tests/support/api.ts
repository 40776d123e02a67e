import { inject } from 'vitest';

/** Calls the running local API as the SPA does (same origin, CSRF header on writes). */
export const baseUrl = (): string => inject('baseUrl');

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  cookies: string[];
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  cookies?: string;
  csrf?: boolean;
}

export function callApi<T = unknown>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  return callApiAt<T>(baseUrl(), method, path, options);
}

/** As callApi, against the portal at `origin` (e.g. a stack a test file starts for itself). */
export async function callApiAt<T = unknown>(
  origin: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const stateChanging = method !== 'GET' && method !== 'HEAD';
  const headers: Record<string, string> = {
    ...(stateChanging && options.csrf !== false ? { 'x-ees-request': '1', origin } : {}),
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(options.cookies ? { cookie: options.cookies } : {}),
    ...options.headers,
  };
  const response = await fetch(`${origin}/api${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON answers stay as text; tests assert on them.
  }
  return {
    status: response.status,
    body: body as T,
    headers: response.headers,
    cookies: response.headers.getSetCookie(),
  };
}

/** Asks the test stack (vitest's main process) to act: drain the stream, run a job, import a file. */
export async function control<T = unknown>(path: string, body?: string | Uint8Array): Promise<T> {
  const response = await fetch(`${inject('controlUrl')}${path}`, {
    method: 'POST',
    body: typeof body === 'object' ? new Uint8Array(body) : body,
  });
  const result = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`control ${path}: ${result.error}`);
  return result;
}

export interface SentMessages {
  emails: { to: string[]; subject: string; text: string; html: string; at: string }[];
  sms: { to: string; text: string; at: string }[];
}

/** What the system sent, after the outbox dispatcher has caught up. */
export async function sentMessages(): Promise<SentMessages> {
  await control('/drain');
  return (await callApi<SentMessages>('GET', '/_dev/messages')).body;
}
