/**
 * The `?suite=` parameter of the login page: where to go once signed in. Only a path of this
 * site is accepted, so a crafted link cannot send a freshly signed-in user elsewhere
 * (open redirect); anything doubtful falls back to the home page.
 */

export const SUITE_PARAM = 'suite';

/** Pages that make no sense to return to after signing in (they would loop or start over). */
const NOT_A_DESTINATION = [
  '/connexion',
  '/activation',
  '/confirmation-email',
  '/mot-de-passe-oublie',
  '/nouveau-mot-de-passe',
];

// Any origin works: it only serves to resolve the path and tell whether it stayed on it.
const PROBE_ORIGIN = 'https://ees.invalid';

/** A same-origin path (`/contrats?page=2`), or undefined when `raw` is missing or unsafe. */
export function safeSuite(raw: string | null | undefined): string | undefined {
  if (!raw || raw.length > 2048) return undefined;
  // "//host" and "/\host" are protocol-relative URLs for browsers; control characters and
  // backslashes have no business in our paths and are how parsers get confused.
  if (!raw.startsWith('/') || raw.startsWith('//')) return undefined;
  if (
    raw.includes('\\') ||
    [...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  ) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (NOT_A_DESTINATION.some((page) => path === page || path.startsWith(`${page}/`))) return undefined;
  return `${path}${url.search}`;
}

/** `/connexion?suite=%2Fcontrats`, or plain `/connexion` when the destination is the home page. */
export function loginPath(destination?: string): string {
  const suite = safeSuite(destination);
  if (!suite || suite === '/') return '/connexion';
  return `/connexion?${new URLSearchParams({ [SUITE_PARAM]: suite }).toString()}`;
}
