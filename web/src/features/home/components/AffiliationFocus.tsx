import { Link } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon';
import { IconArrowRight } from '../../../shared/components/icons';
import { sections } from '../../../shared/sections';

/** The statuses of an affiliation request, as the user guide defines them. */
const requestStatuses = [
  ["Envoyé à l'employé", "l'e-mail ou le courrier d'affiliation a été envoyé au salarié."],
  ['Démarré par le salarié', 'le salarié a commencé son affiliation en ligne et enregistré un brouillon.'],
  [
    'Finalisé par le salarié',
    "le bulletin d'affiliation, en ligne ou papier, a été retourné à HCR Bien-Être.",
  ],
  ['Abandonné', 'le parcours du salarié a été interrompu ; il faudra lui en ouvrir un nouveau.'],
] as const;

/**
 * "Focus sur vos affiliations". The counts need the affiliation API; until it exists this
 * area explains what it will show instead of displaying numbers nobody computed.
 */
export function AffiliationFocus() {
  return (
    <section className="focus" aria-labelledby="focus-titre">
      <h2 id="focus-titre" className="section-title">
        Focus sur vos affiliations
      </h2>
      <ComingSoon>
        le nombre de vos demandes d'affiliation par statut et de vos anomalies à traiter s'affichera ici, avec
        un accès direct à chacune.
      </ComingSoon>
      <div className="focus__grid">
        <div className="card">
          <h3 className="card__title">Demandes d'affiliation</h3>
          <dl className="status-list">
            {requestStatuses.map(([status, meaning]) => (
              <div key={status} className="status-list__item">
                <dt>{status}</dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="card__action">
            <Link to={sections.affiliationTracking.path} className="arrow-link">
              {sections.affiliationTracking.title}
              <IconArrowRight />
            </Link>
          </p>
        </div>
        <div className="card">
          <h3 className="card__title">Anomalies d'affiliation</h3>
          <p>
            Une anomalie signale un écart entre vos déclarations sociales (DSN) et les affiliations : salarié
            déclaré mais non affilié, contrat terminé mais toujours affilié, identité, catégorie ou
            établissement différents.
          </p>
          <p>Vous pourrez alors forcer l'affiliation ou la radiation du salarié.</p>
          <p className="card__action">
            <Link to={sections.anomalies.path} className="arrow-link">
              {sections.anomalies.title}
              <IconArrowRight />
            </Link>
          </p>
        </div>
      </div>
    </section>
  );
}
