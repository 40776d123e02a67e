import {
  IconContract,
  IconFolder,
  IconMail,
  IconShield,
  IconUser,
  IconUsers,
} from '../../../shared/components/icons';
import { Page } from '../../../shared/components/Page';
import { PORTAL_NAME, sections } from '../../../shared/sections';
import { useMe } from '../../../shared/session/me';
import { AffiliationFocus } from '../components/AffiliationFocus';
import { SectionTile } from '../components/SectionTile';

export function HomePage() {
  const firstName = useMe().data?.firstName;
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
          Vos rubriques
        </h2>
        <ul className="tiles">
          <SectionTile title="Mes contrats" section={sections.contracts} icon={<IconContract />} />
          <SectionTile
            title="Mes salariés"
            section={sections.employees}
            icon={<IconUsers />}
            links={[
              sections.preAffiliation,
              sections.affiliationTracking,
              sections.anomalies,
              sections.radiation,
            ]}
          />
          <SectionTile title="Mes documents pratiques" section={sections.documents} icon={<IconFolder />} />
          <SectionTile
            title="Mes habilitations"
            section={sections.habilitations}
            icon={<IconShield />}
            note="Réservé aux administrateurs."
          />
          <SectionTile title="Nous contacter" section={sections.contact} icon={<IconMail />} />
          <SectionTile title="Profil" section={sections.profile} icon={<IconUser />} />
        </ul>
      </section>
      <AffiliationFocus />
    </Page>
  );
}
