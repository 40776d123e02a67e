import { Link } from 'react-router';
import { HelpLine } from '../../shared/components/HelpLine';
import { PORTAL_NAME, SCHEME_NAME, sections } from '../../shared/sections';
import { useMe } from '../../shared/session/me';

const signedOutLinks = [sections.activation, sections.login, sections.forgotPassword, sections.cgu];
const signedInLinks = [sections.documents, sections.contact, sections.profile, sections.cgu];

export function SiteFooter() {
  const signedIn = Boolean(useMe().data);
  const quickLinks = signedIn ? signedInLinks : signedOutLinks;
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        {/* Target of the header's "Besoin d'aide ?" link; focusable so the jump moves focus too. */}
        <section id="aide" className="site-footer__help" aria-labelledby="aide-titre" tabIndex={-1}>
          <h2 id="aide-titre" className="site-footer__title">
            Besoin d'aide ?
          </h2>
          <HelpLine />
          <p>
            Vous pouvez aussi écrire à nos équipes depuis la rubrique{' '}
            <Link to={sections.contact.path}>{sections.contact.title}</Link>.
          </p>
        </section>
        <nav className="site-footer__nav" aria-label="Accès rapides">
          <h2 className="site-footer__title">Accès rapides</h2>
          <ul>
            {quickLinks.map((section) => (
              <li key={section.path}>
                <Link to={section.path}>{section.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="site-footer__legal">
        <div className="container">
          <p>
            {PORTAL_NAME} — {SCHEME_NAME}, le régime collectif santé des hôtels, cafés et restaurants.
          </p>
        </div>
      </div>
    </footer>
  );
}
