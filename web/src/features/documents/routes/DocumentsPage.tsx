import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function DocumentsPage() {
  return (
    <Page title={sections.documents.title} lead={sections.documents.summary}>
      <ComingSoon
        features={[
          "Documents utiles salariés : Mandat SEPA, E-mail d'affiliation.",
          'Guides pratiques : Guide utilisateur Espace Entreprise, Guide utilisateur Espace Assuré, Guide pratique Assurés.',
        ]}
      >
        vous pourrez y télécharger les documents suivants.
      </ComingSoon>
    </Page>
  );
}
