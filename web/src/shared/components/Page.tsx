import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { documentTitle } from '../sections';

interface PageProps {
  /** Document title (before " — Espace Entreprise Santé") and, unless `heading` says otherwise, the h1. */
  title: string;
  heading?: ReactNode;
  /** One sentence under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

// Only the page a visit starts on keeps the browser's natural focus; every later one is
// reached through the router, which a screen reader would not notice without a focus move.
// (Tracked by path, not by a "first effect" flag, so StrictMode's double effects change nothing.)
let landingPath: string | undefined;
let navigatedSinceLanding = false;

/** Frame of every routed page: title, focusable h1 announced after in-app navigation, lead. */
export function Page({ title, heading = title, lead, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);

  useEffect(() => {
    landingPath ??= pathname;
    if (pathname !== landingPath) navigatedSinceLanding = true;
    if (navigatedSinceLanding) headingRef.current?.focus();
  }, [pathname]);

  return (
    <div className="page">
      <div className="page__header">
        <h1 ref={headingRef} tabIndex={-1} className="page__title">
          {heading}
        </h1>
        {lead ? <p className="page__lead">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}
