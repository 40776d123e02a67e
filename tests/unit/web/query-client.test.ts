import { describe, expect, it } from 'vitest';
import { shouldRetry } from '../../../web/src/app/query-client';
import { ApiError } from '../../../web/src/shared/api';

describe('query retries', () => {
  it('retries failures that may pass: no answer or a server error, twice at most', () => {
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'x'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'server_error', 'x'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'server_error', 'x'))).toBe(false);
  });

  it('never retries what the same request would get again', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(shouldRetry(0, new ApiError(status, 'http_error', 'x'))).toBe(false);
    }
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });
});
