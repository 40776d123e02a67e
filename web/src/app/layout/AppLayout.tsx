import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { ChatbotLauncher } from '../../features/chatbot/components/ChatbotLauncher';
import { CompanyProvider } from '../../shared/session/company';
import { useMe } from '../../shared/session/me';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

export const MAIN_CONTENT_ID = 'contenu';

/** Shell of every page: skip link, header and navigation, the routed page, help footer, assistant. */
export function AppLayout() {
  const me = useMe().data;
  return (
    <CompanyProvider companies={me?.companies ?? NO_COMPANIES}>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Aller au contenu
      </a>
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} className="site-main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <SiteFooter />
      <ChatbotLauncher />
      <ScrollRestoration />
    </CompanyProvider>
  );
}

const NO_COMPANIES = [] as const;

/** Only visible if a page takes a moment to load (the CSS delays it), so fast loads do not flicker. */
export function PageLoading() {
  return (
    <p className="page-loading" role="status">
      Chargement de la page…
    </p>
  );
}
