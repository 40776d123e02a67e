import { Link } from 'react-router';
import { Page } from '../shared/components/Page';
import { sections } from '../shared/sections';

export function NotFoundPage() {
  return (
    <Page
      title="Page introuvable"
      lead="L'adresse demandée ne correspond à aucune page de votre Espace Entreprise Santé."
    >
      <p>Elle a peut-être été mal saisie, ou la page a été déplacée.</p>
      <p>
        <Link to={sections.home.path} className="button">
          Retourner à l'accueil
        </Link>
      </p>
    </Page>
  );
}
