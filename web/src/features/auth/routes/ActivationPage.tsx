import { Link } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function ActivationPage() {
  return (
    <Page title={sections.activation.title} lead={sections.activation.summary}>
      <ComingSoon
        features={[
          'Saisir votre numéro de SIRET et votre identifiant entreprise.',
          "Compléter vos informations, choisir un mot de passe et accepter les conditions générales d'utilisation.",
          'Vous connecter ensuite avec votre adresse e-mail et ce mot de passe.',
        ]}
      >
        vous activerez ici votre espace lors de votre première connexion.
      </ComingSoon>
      <section className="card" aria-labelledby="identifiant-entreprise">
        <h2 id="identifiant-entreprise" className="card__title">
          Comment retrouver votre identifiant entreprise ?
        </h2>
        <p>
          Il figure sous le nom « Numéro entreprise » sur les courriers de votre assureur. Pour un contrat
          Malakoff Humanis, il s'agit du « Numéro d'adhérent ».
        </p>
        <p>
          Si vous faites partie d'un groupe multi-établissements avec un régime unique, saisissez le SIRET de
          l'établissement principal.
        </p>
      </section>
      <p>
        Votre espace est déjà activé ? <Link to={sections.login.path}>Se connecter</Link>
      </p>
    </Page>
  );
}
