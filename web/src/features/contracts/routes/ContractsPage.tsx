import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function ContractsPage() {
  return (
    <Page title={sections.contracts.title} lead={sections.contracts.summary}>
      <ComingSoon
        features={[
          "Pour chaque contrat : statut (cadre, non cadre), risque, contrat employeur, contrat, date d'effet et date de fin.",
          "Le détail d'un contrat : ses assurés, la télétransmission Noémie, le conjoint, les enfants, les dates d'effet et de fin.",
          "Les actions sur un assuré : le radier ou télécharger son certificat d'affiliation.",
        ]}
      >
        vous y consulterez les contrats de votre ou vos entreprises et les salariés affiliés à chacun.
      </ComingSoon>
    </Page>
  );
}
