import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  api,
  ApiError,
  INVALID_RESPONSE_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  onApiError,
  TIMEOUT_MESSAGE,
  toQueryString,
} from '../../../web/src/shared/api';

type FetchArgs = [url: string, init: RequestInit];

const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>();

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const lastCall = (): { url: string; init: RequestInit; headers: Record<string, string> } => {
  const [url, init] = fetchMock.mock.calls.at(-1) as FetchArgs;
  return { url, init, headers: init.headers as Record<string, string> };
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('api requests', () => {
  it('prefixes /api, sends the session cookie and no CSRF header on reads', async () => {
    fetchMock.mockResolvedValue(json(200, { status: 'ok' }));

    await expect(api.get('/health')).resolves.toEqual({ status: 'ok' });

    const { url, init, headers } = lastCall();
    expect(url).toBe('/api/health');
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBeUndefined();
    expect(headers['X-EES-Request']).toBeUndefined();
    expect(headers.Accept).toBe('application/json');
  });

  it('turns GET parameters into a query string, leaving empty filters out', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [], cursor: null }));

    await api.get('/companies/c1/employees', {
      q: 'dupont durand',
      statut: ['cadre', 'non_cadre'],
      cursor: undefined,
    });

    expect(lastCall().url).toBe('/api/companies/c1/employees?q=dupont+durand&statut=cadre&statut=non_cadre');
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)(
    'sends JSON and the CSRF header on %s',
    async (method) => {
      fetchMock.mockResolvedValue(json(200, { ok: true }));

      await api[method]('/things/1', { name: 'Élise' });

      const { init, headers } = lastCall();
      expect(init.method).toBe(method.toUpperCase());
      expect(headers['X-EES-Request']).toBe('1');
      expect(headers['Content-Type']).toBe('application/json');
      expect(init.body).toBe('{"name":"Élise"}');
    },
  );

  it('sends no body and no content type when a write has none', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));

    await expect(api.post('/auth/logout')).resolves.toBeUndefined();

    const { init, headers } = lastCall();
    expect(init.body).toBeUndefined();
    expect(headers['Content-Type']).toBeUndefined();
    expect(headers['X-EES-Request']).toBe('1');
  });

  it("adds the caller's headers (a link's token, an idempotency key) without dropping the CSRF header", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json(200, { ok: true })));

    await api.put('/bia/draft', { version: 1 }, undefined, {
      headers: { 'x-ees-bia-token': 'abc', 'Idempotency-Key': 'k-1', 'X-EES-Request': '0' },
    });
    expect(lastCall().headers).toMatchObject({
      'x-ees-bia-token': 'abc',
      'Idempotency-Key': 'k-1',
      'X-EES-Request': '1',
      'Content-Type': 'application/json',
    });

    await api.get('/bia', undefined, undefined, { headers: { 'x-ees-bia-token': 'abc' } });
    expect(lastCall().headers['x-ees-bia-token']).toBe('abc');
    expect(lastCall().headers['X-EES-Request']).toBeUndefined();
  });

  it('refuses a path without a leading slash', async () => {
    await expect(api.get('health')).rejects.toThrow(TypeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('api responses', () => {
  const health = z.object({ status: z.enum(['ok', 'degraded']) });

  it('returns the value parsed by the schema', async () => {
    fetchMock.mockResolvedValue(json(200, { status: 'degraded', extra: 1 }));

    await expect(api.get('/health', undefined, health)).resolves.toEqual({ status: 'degraded' });
  });

  it('rejects a response that does not match the schema with a French message', async () => {
    fetchMock.mockResolvedValue(json(200, { status: 'bientôt' }));

    const error = await api.get('/health', undefined, health).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', message: INVALID_RESPONSE_MESSAGE });
  });

  it('rejects a successful response that is not JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<!doctype html>', { status: 200 }));

    await expect(api.get('/health')).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it("builds the error from the server's { code, message, fields } body", async () => {
    fetchMock.mockResolvedValue(
      json(422, {
        code: 'validation_failed',
        message: 'Certaines informations sont invalides.',
        fields: { siret: 'Le SIRET doit comporter 14 chiffres.', ignored: 3 },
      }),
    );

    const error = await api.post('/activation', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Certaines informations sont invalides.',
      fields: { siret: 'Le SIRET doit comporter 14 chiffres.' },
    });
  });

  it('falls back to a French message by status when the error body is not ours', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Bad Gateway', { status: 502 }));
    await expect(api.get('/health')).rejects.toMatchObject({
      status: 502,
      code: 'server_error',
      message: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
    });

    fetchMock.mockResolvedValueOnce(json(401, { message: 'Unauthorized' }));
    await expect(api.get('/me')).rejects.toMatchObject({
      status: 401,
      code: 'http_error',
      message: 'Votre session a expiré. Veuillez vous reconnecter.',
    });
  });

  it('reports a network failure in French, with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(api.get('/health')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      message: NETWORK_ERROR_MESSAGE,
    });
  });

  it('gives up after the timeout with a French message', async () => {
    // A fetch that only ends when its signal aborts, like a server that never answers.
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );

    await expect(api.get('/health', undefined, undefined, { timeoutMs: 20 })).rejects.toMatchObject({
      status: 0,
      code: 'timeout',
      message: TIMEOUT_MESSAGE,
    });
  });

  it("lets the caller's own cancellation through untouched", async () => {
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const controller = new AbortController();

    const pending = api.get('/health', undefined, undefined, { signal: controller.signal });
    controller.abort();

    const error = await pending.catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('api error listeners', () => {
  it('hear every error answer, whoever made the request, until they unsubscribe', async () => {
    const heard: string[] = [];
    const unsubscribe = onApiError((error) => heard.push(`${error.status} ${error.code}`));
    fetchMock.mockResolvedValueOnce(
      json(401, { code: 'UNAUTHENTICATED', message: 'Votre session a expiré.' }),
    );
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));

    await expect(api.post('/me/password', {})).rejects.toBeInstanceOf(ApiError);
    await api.get('/me');
    expect(heard).toEqual(['401 UNAUTHENTICATED']);

    unsubscribe();
    fetchMock.mockResolvedValueOnce(
      json(401, { code: 'UNAUTHENTICATED', message: 'Votre session a expiré.' }),
    );
    await expect(api.get('/me')).rejects.toBeInstanceOf(ApiError);
    expect(heard).toHaveLength(1);
  });
});

describe('toQueryString', () => {
  it('is empty when no value is set', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ a: undefined, b: null, c: '' })).toBe('');
  });

  it('keeps false and 0, which are real filter values', () => {
    expect(toQueryString({ actif: false, page: 0 })).toBe('?actif=false&page=0');
  });
});
