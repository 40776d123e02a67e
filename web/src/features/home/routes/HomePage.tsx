import { lazy, Suspense, type ReactNode } from 'react';
import {
  IconAlert,
  IconChart,
  IconCheck,
  IconContract,
  IconFolder,
  IconLogin,
  IconLogout,
  IconMail,
  IconShield,
  IconUser,
  IconUsers,
} from '../../../shared/components/icons';
import { Page } from '../../../shared/components/Page';
import { PORTAL_NAME, sections, type Section } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { useMe } from '../../../shared/session/me';
import { FocusSkeleton } from '../components/FocusFrame';
import { SectionTile } from '../components/SectionTile';
import { homeCopy } from '../copy';
import '../home.css';

// The counters need the contracts (and zod) to read the API's answer: they come in their own
// chunk, requested on the first render, so the greeting and the tiles paint without them.
const loadFocus = () => import('../components/AffiliationFocus');
const AffiliationFocus = lazy(async () => ({ default: (await loadFocus()).AffiliationFocus }));

interface Tile {
  section: Section;
  icon: ReactNode;
  group?: string;
  note?: string;
}

/** Every section of the portal, in the order of the main navigation. */
const tiles: readonly Tile[] = [
  { section: sections.contracts, icon: <IconContract /> },
  { section: sections.employees, icon: <IconUsers />, group: homeCopy.employeesGroup },
  { section: sections.preAffiliation, icon: <IconLogin />, group: homeCopy.employeesGroup },
  { section: sections.affiliationTracking, icon: <IconChart />, group: homeCopy.employeesGroup },
  { section: sections.anomalies, icon: <IconAlert />, group: homeCopy.employeesGroup },
  { section: sections.dispenses, icon: <IconCheck />, group: homeCopy.employeesGroup },
  { section: sections.radiation, icon: <IconLogout />, group: homeCopy.employeesGroup },
  { section: sections.documents, icon: <IconFolder /> },
  { section: sections.habilitations, icon: <IconShield />, note: homeCopy.adminOnly },
  { section: sections.contact, icon: <IconMail /> },
  { section: sections.profile, icon: <IconUser /> },
];

export function HomePage() {
  const firstName = useMe().data?.firstName;
  const { current } = useCompanies();
  return (
    <Page
      title={sections.home.title}
      heading={
        firstName ? (
          <>
            Bonjour {firstName}, <span className="page__title-detail">bienvenue sur votre {PORTAL_NAME}</span>
          </>
        ) : (
          `Bienvenue sur votre ${PORTAL_NAME}`
        )
      }
      lead="Totalement sécurisé, cet espace permet aux entreprises et aux tiers déclarants de gérer leurs salariés assurés et de contacter les équipes HCR Bien-Être."
    >
      <section aria-labelledby="rubriques-titre">
        <h2 id="rubriques-titre" className="section-title">
          {homeCopy.tilesTitle}
        </h2>
        <ul className="tiles">
          {tiles.map((tile) => (
            <SectionTile key={tile.section.path} {...tile} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="focus-titre" className="focus">
        <h2 id="focus-titre" className="section-title">
          {homeCopy.focusTitle}
        </h2>
        {current ? (
          <>
            <p className="focus__company">{homeCopy.focusCompany(current.name)}</p>
            {/* Per company: another company selected in the header starts a fresh panel. */}
            <Suspense key={current.companyId} fallback={<FocusSkeleton />}>
              <AffiliationFocus companyId={current.companyId} />
            </Suspense>
          </>
        ) : (
          <p className="notice">{homeCopy.focusNoCompany}</p>
        )}
      </section>
    </Page>
  );
}
