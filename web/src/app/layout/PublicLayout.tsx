import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { BrandMark } from '../../shared/components/icons';
import { HelpLine } from '../../shared/components/HelpLine';
import { PORTAL_NAME, SCHEME_NAME } from '../../shared/sections';
import { MAIN_CONTENT_ID, PageLoading } from './AppLayout';

/**
 * The frame of the pages reached by people without an account (the employee's BIA): the
 * brand, the page, the help line. No session is read, no company, no navigation into the
 * employers' portal.
 */
export function PublicLayout() {
  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <div className="container site-header__bar-inner">
            <div className="brand">
              <BrandMark className="brand__mark" />
              <span className="brand__text">
                <span className="brand__name">{SCHEME_NAME}</span>
                <span className="brand__scheme">
                  Complémentaire santé
                  <span className="brand__scheme-detail"> · hôtels, cafés, restaurants</span>
                </span>
              </span>
            </div>
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} className="site-main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <section id="aide" className="site-footer__help" aria-labelledby="aide-titre" tabIndex={-1}>
            <h2 id="aide-titre" className="site-footer__title">
              Besoin d'aide ?
            </h2>
            <HelpLine />
          </section>
        </div>
        <div className="site-footer__legal">
          <div className="container">
            <p>
              {SCHEME_NAME}, le régime collectif santé des hôtels, cafés et restaurants — {PORTAL_NAME}.
            </p>
          </div>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
