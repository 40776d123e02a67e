import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The parameter of e-mailed links: `/confirmation-email#jeton=…`. */
export const LINK_TOKEN_PARAM = 'jeton';

const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** `#jeton=abc…` → `abc…`; undefined when absent or not shaped like one of our tokens. */
export function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_TOKEN_PARAM);
  return token && TOKEN.test(token) ? token : undefined;
}

/**
 * The token of the link that opened this page. It sits in the fragment, which browsers never
 * send to servers nor in Referer headers; once read it is also removed from the address bar
 * (and so from the history), so it does not linger on a shared screen.
 */
export function useLinkToken(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));

  useEffect(() => {
    if (location.hash) {
      void navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: location.state },
      );
    }
  }, [location, navigate]);

  return token;
}
