import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { callApi } from '../../support/api';
import { routes, API_BASE_PATH } from '../../../functions/routes';

describe('health', () => {
  it('reports every dependency reachable with 200', async () => {
    const { status, body } = await callApi<{ status: string; checks: Record<string, { ok: boolean }> }>(
      'GET',
      '/health',
    );
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(['cognito', 'dynamodb', 's3', 'ses', 'sms']);
    expect(Object.values(body.checks).every((check) => check.ok)).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and lists every route with its id as operationId', async () => {
    const { status, body } = await callApi<{
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    }>('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(body as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of routes) {
      const operation = body.paths[`${API_BASE_PATH}${route.path}`]?.[route.method.toLowerCase()];
      expect(operation?.operationId, route.id).toBe(route.id);
    }
  });
});

describe('local message viewer', () => {
  it('answers the documented shape, newest first', async () => {
    const { status, body } = await callApi<{ emails: unknown[]; sms: unknown[] }>('GET', '/_dev/messages');
    expect(status).toBe(200);
    expect(Array.isArray(body.emails)).toBe(true);
    expect(Array.isArray(body.sms)).toBe(true);
  });
});

describe('API edge', () => {
  it('answers an unknown API path with a French JSON 404', async () => {
    const { status, body } = await callApi<{ code: string; message: string }>('GET', '/nowhere');
    expect(status).toBe(404);
    expect(body.code).toBe('ROUTE_NOT_FOUND');
    expect(body.message).toMatch(/n'existe pas/);
  });

  it('answers a known path with the wrong method with 405', async () => {
    const { status, body } = await callApi<{ code: string }>('DELETE', '/health');
    expect(status).toBe(405);
    expect(body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('sends API answers with no-store and nosniff', async () => {
    const { headers } = await callApi('GET', '/health');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-correlation-id')).toBeTruthy();
  });
});
