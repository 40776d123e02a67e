import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatSiret } from '../../shared/format';
import {
  BrandMark,
  IconBuilding,
  IconLogin,
  IconLogout,
  IconPhone,
  IconUser,
} from '../../shared/components/icons';
import { useCompanies } from '../../shared/session/company';
import { endSession, useMe, type Me } from '../../shared/session/me';
import { setSessionNotice, type LoginLocationState } from '../../shared/session/session-notice';
import { isSessionExpired } from '../query-client';
import { PORTAL_NAME, SCHEME_NAME, sections } from '../../shared/sections';
import { MainNav } from './MainNav';

export function SiteHeader() {
  const me = useMe().data;
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
            {me ? <SignedInShortcuts me={me} /> : null}
            {me === null ? (
              <li>
                <NavLink to={sections.login.path} end className="utility__link">
                  <IconLogin />
                  <span>Se connecter</span>
                </NavLink>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      {me ? <CompanyBar /> : null}
      <MainNav />
    </header>
  );
}

function SignedInShortcuts({ me }: { me: Me }) {
  const logout = useLogout();
  return (
    <>
      <li>
        <NavLink to={sections.profile.path} end className="utility__link">
          <IconUser />
          <span>
            <span className="visually-hidden">{sections.profile.navLabel} : </span>
            {me.firstName} {me.lastName}
          </span>
        </NavLink>
      </li>
      <li>
        <button
          type="button"
          className="utility__link utility__logout"
          aria-disabled={logout.isPending || undefined}
          onClick={() => {
            if (!logout.isPending) logout.mutate();
          }}
        >
          <IconLogout />
          <span>{logout.isPending ? 'Déconnexion en cours…' : 'Déconnexion'}</span>
        </button>
        {logout.isError ? (
          <p className="utility__error" role="alert">
            La déconnexion n'a pas abouti : {logout.error.message}
          </p>
        ) : null}
      </li>
    </>
  );
}

/** Ends the session on the server, forgets everything cached, and says so on the login page. */
function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = () => {
    setSessionNotice('logged-out');
    endSession(queryClient);
    const state: LoginLocationState = { notice: 'logged-out' };
    void navigate(sections.login.path, { state });
  };
  return useMutation({
    mutationFn: async () => {
      setSessionNotice('logged-out');
      try {
        await api.post('/auth/logout');
      } catch (error) {
        // A session that had already ended is as good as logged out.
        if (isSessionExpired(error)) return;
        setSessionNotice(null);
        throw error;
      }
    },
    onSuccess: signOut,
  });
}

/** A tiers déclarant may follow hundreds of companies: past this many, a search narrows the list. */
const SEARCH_FROM = 8;

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The company the portal works on: its name, or a choice (searchable) when the user follows several. */
function CompanyBar() {
  const { companies, current, select } = useCompanies();
  const selectId = useId();
  const searchId = useId();
  const [search, setSearch] = useState('');
  if (!current) return null;
  const needle = folded(search.trim()).replace(/\s/g, '');
  const shown = needle
    ? companies.filter(
        (company) =>
          company.companyId === current.companyId ||
          folded(company.name).replace(/\s/g, '').includes(needle) ||
          company.mainSiret.includes(needle),
      )
    : companies;
  return (
    <div className="company-bar">
      <div className="container company-bar__inner">
        <IconBuilding className="company-bar__icon" />
        {companies.length > 1 ? (
          <>
            {companies.length > SEARCH_FROM ? (
              <>
                <label htmlFor={searchId} className="company-bar__label">
                  Rechercher
                </label>
                <input
                  id={searchId}
                  type="search"
                  className="company-bar__search"
                  value={search}
                  placeholder="Nom ou SIRET"
                  autoComplete="off"
                  onChange={(event) => setSearch(event.target.value)}
                  aria-describedby={`${searchId}-count`}
                />
                <span id={`${searchId}-count`} className="visually-hidden" aria-live="polite">
                  {needle
                    ? `${shown.length - 1} autre${shown.length - 1 > 1 ? 's' : ''} entreprise${shown.length - 1 > 1 ? 's' : ''} trouvée${shown.length - 1 > 1 ? 's' : ''}`
                    : ''}
                </span>
              </>
            ) : null}
            <label htmlFor={selectId} className="company-bar__label">
              Entreprise
            </label>
            <select
              id={selectId}
              className="company-bar__select"
              value={current.companyId}
              onChange={(event) => {
                select(event.target.value);
                setSearch('');
              }}
            >
              {shown.map((company) => (
                <option key={company.companyId} value={company.companyId}>
                  {company.name} — SIRET {formatSiret(company.mainSiret)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="company-bar__single">
            <span className="company-bar__label">Entreprise :</span> <strong>{current.name}</strong>
          </p>
        )}
      </div>
    </div>
  );
}
