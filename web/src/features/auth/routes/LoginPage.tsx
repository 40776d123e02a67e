import { Link } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function LoginPage() {
  return (
    <Page title={sections.login.title} lead={sections.login.summary}>
      <ComingSoon
        features={[
          'Connexion avec votre adresse e-mail et votre mot de passe.',
          "Un code de sécurité envoyé par SMS lors d'un changement de navigateur ou de réseau, ou après 3 mois sans connexion.",
          'Mot de passe oublié : réinitialisation par un lien envoyé par e-mail.',
        ]}
      >
        vous vous connecterez ici à votre Espace Entreprise Santé.
      </ComingSoon>
      <p>
        Première connexion ? <Link to={sections.activation.path}>Activer mon espace</Link>
      </p>
    </Page>
  );
}
