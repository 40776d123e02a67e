import { describe, expect, it } from 'vitest';
import {
  BIA_TOKEN_STORAGE_KEY,
  forgetBiaToken,
  resolveBiaToken,
  tokenFromFragment,
  type TokenStore,
} from '../../../../web/src/features/bia/lib/link-token';

const TOKEN = 'a'.repeat(21) + '_-' + 'B9'.repeat(10); // 43 characters of base64url
const OTHER = 'Z'.repeat(43);

const memoryStore = (initial: Record<string, string> = {}): TokenStore & { data: Record<string, string> } => {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
};

describe('the token of the BIA link', () => {
  it('is read from the fragment, bare or as jeton=', () => {
    expect(TOKEN).toHaveLength(43);
    expect(tokenFromFragment(`#${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`#jeton=${TOKEN}`)).toBe(TOKEN);
  });

  it('is ignored when missing, cut short or not base64url', () => {
    expect(tokenFromFragment('')).toBeUndefined();
    expect(tokenFromFragment(`#${TOKEN.slice(0, 30)}`)).toBeUndefined();
    expect(tokenFromFragment(`#${TOKEN.slice(0, 42)}!`)).toBeUndefined();
  });

  it('is remembered for the tab, so that a reload (fragment gone) finds the draft again', () => {
    const store = memoryStore();
    expect(resolveBiaToken(`#${TOKEN}`, store)).toBe(TOKEN);
    expect(store.data[BIA_TOKEN_STORAGE_KEY]).toBe(TOKEN);
    expect(resolveBiaToken('', store)).toBe(TOKEN);
  });

  it('gives way to a newer link opened in the same tab', () => {
    const store = memoryStore({ [BIA_TOKEN_STORAGE_KEY]: TOKEN });
    expect(resolveBiaToken(`#${OTHER}`, store)).toBe(OTHER);
    expect(resolveBiaToken('', store)).toBe(OTHER);
  });

  it('is forgotten once the server refused it, and works without storage at all', () => {
    const store = memoryStore({ [BIA_TOKEN_STORAGE_KEY]: TOKEN });
    forgetBiaToken(store);
    expect(resolveBiaToken('', store)).toBeUndefined();
    expect(resolveBiaToken(`#${TOKEN}`, undefined)).toBe(TOKEN);
  });
});
