import { HelpLine } from '../../../shared/components/HelpLine';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { ContactForm } from '../components/ContactForm';
import { MyMessages } from '../components/MyMessages';
import '../contact.css';

/** "Nous contacter": write to the insurer's team, see the messages sent, or call. */
export function ContactPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.contact.title} lead={sections.contact.summary}>
      <div className="contact-layout">
        <section className="form-card contact-card" aria-labelledby="contact-ecrire">
          <h2 id="contact-ecrire" className="card__title">
            Écrire à nos équipes
          </h2>
          {current ? (
            // A new company, a new draft: its files were sent for the previous one.
            <ContactForm key={current.companyId} company={current} />
          ) : (
            <p>Aucune entreprise n’est rattachée à votre compte : appelez-nous au numéro ci-contre.</p>
          )}
        </section>
        <aside className="card contact-aside" aria-labelledby="contact-telephone">
          <h2 id="contact-telephone" className="card__title">
            Nous joindre par téléphone
          </h2>
          <HelpLine />
        </aside>
      </div>
      {current ? (
        <section className="contact-history" aria-labelledby="mes-messages">
          <h2 id="mes-messages">Mes messages</h2>
          <MyMessages companyId={current.companyId} />
        </section>
      ) : null}
    </Page>
  );
}
