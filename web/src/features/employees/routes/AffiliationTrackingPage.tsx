import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function AffiliationTrackingPage() {
  return (
    <Page title={sections.affiliationTracking.title} lead={sections.affiliationTracking.summary}>
      <ComingSoon
        features={[
          "Le mode d'envoi du formulaire d'affiliation (e-mail ou courrier).",
          "Le statut de chaque demande : envoyé à l'employé, démarré par le salarié, finalisé par le salarié ou abandonné.",
          "La relance d'un salarié qui n'a pas terminé, et le téléchargement de son formulaire.",
        ]}
      >
        vous y suivrez l'avancement des demandes d'affiliation de vos salariés.
      </ComingSoon>
    </Page>
  );
}
