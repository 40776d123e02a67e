import { Link, NavLink } from 'react-router';
import { BrandMark, IconPhone, IconUser } from '../../shared/components/icons';
import { PORTAL_NAME, SCHEME_NAME, sections } from '../../shared/sections';
import { MainNav } from './MainNav';

interface SiteHeaderProps {
  /** Shown once sessions exist; until then there is nobody to log out. */
  signedIn?: boolean;
}

export function SiteHeader({ signedIn = false }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <div className="container site-header__bar-inner">
          <Link to={sections.home.path} className="brand">
            <BrandMark className="brand__mark" />
            <span className="brand__text">
              <span className="brand__name">{PORTAL_NAME}</span>
              <span className="brand__scheme">
                {SCHEME_NAME}
                <span className="brand__scheme-detail"> · hôtels, cafés, restaurants</span>
              </span>
            </span>
          </Link>
          <ul className="utility" aria-label="Raccourcis">
            <li>
              <a className="utility__link" href="#aide">
                <IconPhone />
                <span>Besoin d'aide ?</span>
              </a>
            </li>
            {/* The company switcher mounts here once the user's companies come from the API. */}
            <li className="utility__company" data-slot="company-switcher" hidden />
            <li>
              <NavLink to={sections.profile.path} end className="utility__link">
                <IconUser />
                <span>{sections.profile.navLabel}</span>
              </NavLink>
            </li>
            {signedIn ? (
              <li>
                <button type="button" className="utility__link utility__logout">
                  Déconnexion
                </button>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      <MainNav />
    </header>
  );
}
