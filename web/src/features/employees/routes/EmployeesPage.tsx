import { ComingSoon } from '../../../shared/components/ComingSoon';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';

export function EmployeesPage() {
  return (
    <Page title={sections.employees.title} lead={sections.employees.summary}>
      <ComingSoon
        features={[
          "Le nom de l'établissement et le statut professionnel de chaque salarié.",
          'Son nom et son numéro de sécurité sociale (masqué par défaut).',
          "Son contrat, sa date d'effet et sa date de fin.",
          'Recherche, filtres, tri et export au format CSV.',
        ]}
      >
        vous y retrouverez la liste complète et détaillée de vos salariés affiliés.
      </ComingSoon>
    </Page>
  );
}
