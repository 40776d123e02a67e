import { ROLE_LABELS } from '../../../../../functions/contracts/auth';
import { Page } from '../../../shared/components/Page';
import { formatSiret } from '../../../shared/format';
import { sections } from '../../../shared/sections';
import { useMe, type Me } from '../../../shared/session/me';
import { MaskedPhone } from '../../auth/components/MaskedPhone';
import { AddEstablishmentForm } from '../components/AddEstablishmentForm';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ContactDetailsForm } from '../components/ContactDetailsForm';

const CIVILITE_LABELS: Record<Me['civilite'], string> = { M: 'Monsieur', MME: 'Madame' };

/** "Profil": who I am, which companies I follow and with which profile, my password. */
export function ProfilePage() {
  // Rendered under RequireSession: the user is loaded.
  const me = useMe().data;
  if (!me) return null;
  return (
    <Page title={sections.profile.title} lead={sections.profile.summary}>
      <section className="card profile-card" aria-labelledby="informations-titre">
        <h2 id="informations-titre" className="card__title">
          Mes informations
        </h2>
        <dl className="details">
          <div className="details__row">
            <dt>Civilité</dt>
            <dd>{CIVILITE_LABELS[me.civilite]}</dd>
          </div>
          <div className="details__row">
            <dt>Nom</dt>
            <dd>{me.lastName}</dd>
          </div>
          <div className="details__row">
            <dt>Prénom</dt>
            <dd>{me.firstName}</dd>
          </div>
          <div className="details__row">
            <dt>Adresse e-mail</dt>
            <dd>{me.email}</dd>
          </div>
          <div className="details__row">
            <dt>Téléphone mobile</dt>
            <dd>{me.maskedPhone ? <MaskedPhone masked={me.maskedPhone} /> : 'Pas encore vérifié'}</dd>
          </div>
        </dl>
        <ContactDetailsForm me={me} />
      </section>

      <section className="card profile-card" aria-labelledby="perimetre-titre">
        <h2 id="perimetre-titre" className="card__title">
          Mon périmètre
        </h2>
        <p>Les entreprises que vous suivez, et votre profil sur chacune.</p>
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Entreprises suivies et profil</caption>
            <thead>
              <tr>
                <th scope="col">Entreprise</th>
                <th scope="col">SIRET de l'établissement principal</th>
                <th scope="col">Profil</th>
              </tr>
            </thead>
            <tbody>
              {me.companies.map((company) => (
                <tr key={company.companyId}>
                  <th scope="row">{company.name}</th>
                  <td className="nowrap" data-label="SIRET">
                    {formatSiret(company.mainSiret)}
                  </td>
                  <td data-label="Profil">
                    <span className={`badge badge--${company.role}`}>{ROLE_LABELS[company.role]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card profile-card" aria-labelledby="ajout-etablissement-titre">
        <h2 id="ajout-etablissement-titre" className="card__title">
          Ajouter un établissement au périmètre suivi
        </h2>
        <AddEstablishmentForm />
      </section>

      <section className="card profile-card" aria-labelledby="mot-de-passe-titre">
        <h2 id="mot-de-passe-titre" className="card__title">
          Changer mon mot de passe
        </h2>
        <ChangePasswordForm />
      </section>
    </Page>
  );
}
