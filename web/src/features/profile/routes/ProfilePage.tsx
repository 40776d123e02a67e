import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function ProfilePage() {
  return (
    <Page title={sections.profile.title} lead={sections.profile.summary}>
      <ComingSoon
        features={[
          'Vos informations : civilité, nom, prénom, e-mail et téléphone mobile.',
          'Les entreprises et établissements que vous suivez, et votre profil sur chacun.',
          'Ajouter un établissement au périmètre suivi, avec son SIRET et son identifiant entreprise.',
        ]}
      >
        vous y retrouverez vos informations et le périmètre de votre espace.
      </ComingSoon>
    </Page>
  );
}
