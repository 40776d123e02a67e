import { ComingSoon } from '../../../shared/components/ComingSoon';
import { HelpLine } from '../../../shared/components/HelpLine';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function ContactPage() {
  return (
    <Page title={sections.contact.title} lead={sections.contact.summary}>
      <ComingSoon
        features={[
          'Gérer mon contrat : information sur les cotisations, autre demande.',
          "Gérer mes salariés : affiliation d'un salarié, radiation d'un salarié, transmettre des documents pour mon salarié.",
          "Jusqu'à 4 documents joints de 3 Mo chacun au maximum, et l'historique de vos messages.",
        ]}
      >
        vous pourrez écrire à nos équipes en choisissant le motif de votre demande.
      </ComingSoon>
      <section className="card" aria-labelledby="contact-telephone">
        <h2 id="contact-telephone" className="card__title">
          Nous joindre par téléphone
        </h2>
        <HelpLine />
      </section>
    </Page>
  );
}
