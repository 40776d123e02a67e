import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function PreAffiliationPage() {
  return (
    <Page title={sections.preAffiliation.title} lead={sections.preAffiliation.summary}>
      <ComingSoon
        features={[
          "Choisir l'établissement, puis le statut professionnel (cadre ou non cadre).",
          "Renseigner les informations du salarié : identité, numéro de sécurité sociale, adresse, date d'embauche.",
          "Le formulaire d'affiliation lui est ensuite envoyé par e-mail, ou par courrier si son e-mail n'est pas renseigné.",
        ]}
      >
        vous pourrez pré-affilier un salarié en quelques étapes, chacune validée avant de passer à la
        suivante.
      </ComingSoon>
    </Page>
  );
}
