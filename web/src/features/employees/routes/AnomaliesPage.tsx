import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function AnomaliesPage() {
  return (
    <Page title={sections.anomalies.title} lead={sections.anomalies.summary}>
      <ComingSoon
        features={[
          "Le SIRET, l'établissement, le nom et le numéro de sécurité sociale du salarié concerné.",
          "Le détail de l'anomalie et la date d'affiliation.",
          "Les actions : forcer l'affiliation ou forcer la radiation.",
        ]}
      >
        vous y verrez les affiliations qui ne concordent pas avec vos déclarations sociales (DSN) : salarié
        déclaré mais non affilié, contrat terminé mais toujours affilié, identité ou catégorie différente.
      </ComingSoon>
    </Page>
  );
}
