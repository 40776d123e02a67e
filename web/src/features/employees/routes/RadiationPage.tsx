import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function RadiationPage() {
  return (
    <Page title={sections.radiation.title} lead={sections.radiation.summary}>
      <ComingSoon
        features={[
          'Choisir le salarié, indiquer la date de fin de sa couverture et le motif.',
          'Confirmer : la date de fin est enregistrée sur son affiliation.',
          'Télécharger le certificat de radiation.',
        ]}
      >
        vous pourrez radier un salarié sans attendre votre prochaine déclaration sociale nominative.
      </ComingSoon>
    </Page>
  );
}
