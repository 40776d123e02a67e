import { biaToken } from '../../../../../functions/contracts/affiliation';

/**
 * The BIA link is `/bia#<token>`: the fragment never reaches a server, a log or a Referer.
 * Once read, the token leaves the address bar (and the history) and is kept for this tab
 * only (sessionStorage), so a reload finds the draft again and a shared screen shows no
 * credential.
 */
export const BIA_TOKEN_STORAGE_KEY = 'ees.biaToken';

/** `#abc…` (or `#jeton=abc…`, the form of the portal's other links) → the token, if well-formed. */
export function tokenFromFragment(hash: string): string | undefined {
  const raw = hash.replace(/^#/, '');
  const value = raw.includes('=') ? (new URLSearchParams(raw).get('jeton') ?? '') : raw;
  return biaToken.safeParse(value).success ? value : undefined;
}

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const sessionStore = (): TokenStore | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    // Storage disabled by privacy settings: the token then lives for this page only.
    return undefined;
  }
};

/**
 * The token this page works with: the link's fragment when it carries one (a newer link
 * wins over the one remembered), else the one remembered for this tab.
 */
export function resolveBiaToken(
  hash: string,
  store: TokenStore | undefined = sessionStore(),
): string | undefined {
  const fromLink = tokenFromFragment(hash);
  if (fromLink) {
    try {
      store?.setItem(BIA_TOKEN_STORAGE_KEY, fromLink);
    } catch {
      // Quota or privacy mode: the token still works for this page.
    }
    return fromLink;
  }
  const remembered = store?.getItem(BIA_TOKEN_STORAGE_KEY) ?? undefined;
  return remembered && tokenFromFragment(`#${remembered}`) ? remembered : undefined;
}

/** A link refused by the server is forgotten: a reload then says so at once. */
export function forgetBiaToken(store: TokenStore | undefined = sessionStore()): void {
  try {
    store?.removeItem(BIA_TOKEN_STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}
