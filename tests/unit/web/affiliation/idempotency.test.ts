import { describe, expect, it } from 'vitest';
import { attemptFor } from '../../../../web/src/features/affiliation/lib/idempotency';

describe('the Idempotency-Key of a pre-affiliation', () => {
  let counter = 0;
  const newKey = () => `key-${(counter += 1)}`;

  it('keeps the key while the same body is sent again (retry, double click)', () => {
    const first = attemptFor(null, { nir: '1', siret: '2' }, newKey);
    const retry = attemptFor(first, { nir: '1', siret: '2' }, newKey);
    expect(retry).toBe(first);
  });

  it('takes a new key when the body changed (the API refuses a key reused for other data)', () => {
    const first = attemptFor(null, { nir: '1' }, newKey);
    const changed = attemptFor(first, { nir: '2' }, newKey);
    expect(changed.key).not.toBe(first.key);
    expect(changed.body).toBe('{"nir":"2"}');
  });
});
