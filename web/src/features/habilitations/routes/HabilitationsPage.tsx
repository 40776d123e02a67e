import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function HabilitationsPage() {
  return (
    <Page title={sections.habilitations.title} lead={sections.habilitations.summary}>
      <ComingSoon
        features={[
          'Ajouter un utilisateur à votre espace : ses sociétés et son profil sur chacune (Administrateur ou Utilisateur).',
          'Consulter la liste des utilisateurs et modifier leur profil.',
          'Renvoyer un lien de création de mot de passe.',
          'Désactiver un accès provisoirement ou définitivement.',
        ]}
      >
        les administrateurs y géreront les accès à l'espace de leur ou leurs sociétés, pour d'autres
        utilisateurs ou des tiers déclarants.
      </ComingSoon>
    </Page>
  );
}
