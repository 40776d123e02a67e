import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { documentTitle, sections } from '../shared/sections';

/**
 * Shown inside the layout when a page fails to render or to load. After a deployment an old
 * tab may ask for page files that no longer exist; reloading fetches the new ones.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;

  useEffect(() => {
    document.title = documentTitle(notFound ? 'Page introuvable' : 'Erreur');
  }, [notFound]);

  return (
    <div className="page" role="alert">
      <div className="page__header">
        <h1 className="page__title">{notFound ? 'Page introuvable' : 'Une erreur est survenue'}</h1>
        <p className="page__lead">
          {notFound
            ? "L'adresse demandée ne correspond à aucune page de votre Espace Entreprise Santé."
            : "Cette page n'a pas pu s'afficher. Rechargez-la ; si le problème persiste, contactez-nous."}
        </p>
      </div>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Recharger la page
        </button>
        <Link to={sections.home.path} className="button button--secondary">
          Retourner à l'accueil
        </Link>
      </p>
    </div>
  );
}

/** Last resort when the layout itself cannot render: no router links, plain page. */
export function RootError() {
  useEffect(() => {
    document.title = documentTitle('Erreur');
  }, []);
  return (
    <main className="container site-main" role="alert">
      <h1 className="page__title">Une erreur est survenue</h1>
      <p>L'Espace Entreprise Santé n'a pas pu s'afficher. Rechargez la page dans quelques instants.</p>
      <p>
        <a className="button" href="/">
          Recharger
        </a>
      </p>
    </main>
  );
}
