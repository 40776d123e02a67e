/**
 * Every page of the portal: its address, its name and what it is for, in the user guide's
 * words. The navigation, the home tiles and the pages themselves read from here, so a
 * renamed section changes everywhere at once.
 */
export interface Section {
  readonly path: string;
  /** Page heading and document title. */
  readonly title: string;
  /** Link text in menus, when shorter or different from the title. */
  readonly navLabel: string;
  /** One line, shown on home tiles and under page headings. */
  readonly summary: string;
}

const section = (path: string, title: string, summary: string, navLabel = title): Section => ({
  path,
  title,
  navLabel,
  summary,
});

export const sections = {
  home: section('/', 'Accueil', "Retrouvez toutes vos rubriques ainsi qu'un focus sur vos affiliations."),
  contracts: section(
    '/contrats',
    'Mes contrats',
    'Toutes les informations utiles liées à votre ou vos entreprises : contrats, catégories de salariés et assurés.',
  ),
  employees: section(
    '/salaries',
    'Mes salariés affiliés',
    "La liste complète et détaillée de vos salariés affiliés : établissement, statut, contrat, dates d'effet et de fin.",
    'Salariés affiliés',
  ),
  preAffiliation: section(
    '/salaries/pre-affiliation',
    'Pré-affilier un salarié',
    "Suivez les étapes pour pré-affilier un salarié ; il reçoit ensuite son formulaire d'affiliation.",
  ),
  affiliationTracking: section(
    '/salaries/suivi-affiliations',
    'Suivi des affiliations',
    "Connaissez à tout moment l'état d'avancement des affiliations de vos salariés et relancez-les.",
  ),
  anomalies: section(
    '/salaries/anomalies',
    "Suivi des anomalies d'affiliation",
    "Suivez les affiliations qui rencontrent un problème, puis forcez l'affiliation ou la radiation.",
  ),
  dispenses: section(
    '/salaries/dispenses',
    "Dispenses d'adhésion",
    "Validez ou refusez les dispenses d'adhésion demandées par vos salariés et suivez leurs échéances.",
  ),
  radiation: section(
    '/salaries/radiation',
    'Radiation (contexte sans DSN)',
    'Radiez directement un salarié, en dehors de la DSN : date de fin, motif et certificat de radiation.',
  ),
  documents: section(
    '/documents',
    'Mes documents pratiques',
    'Un ensemble de documents pratiques liés à votre régime, disponibles en téléchargement.',
  ),
  habilitations: section(
    '/habilitations',
    'Gestion des habilitations',
    "Gérez les accès à votre espace pour d'autres utilisateurs ou des tiers déclarants.",
  ),
  contact: section(
    '/contact',
    'Nous contacter',
    "Adressez un message aux équipes HCR Bien-Être, avec jusqu'à 4 documents joints.",
  ),
  profile: section(
    '/profil',
    'Profil',
    'Vos informations personnelles et le périmètre des établissements que vous suivez.',
  ),
  login: section('/connexion', 'Connexion', 'Connectez-vous à votre Espace Entreprise Santé.'),
  loginSecurity: section(
    '/connexion/securite',
    'Sécurité de votre connexion',
    'Confirmez votre identité avec le code de sécurité reçu par SMS.',
  ),
  activation: section(
    '/activation',
    'Activer mon espace',
    'Première connexion : activez votre espace avec votre SIRET et votre identifiant entreprise.',
  ),
  emailConfirmation: section(
    '/confirmation-email',
    'Confirmation de votre adresse e-mail',
    "Dernière étape de l'activation de votre espace.",
  ),
  forgotPassword: section(
    '/mot-de-passe-oublie',
    'Mot de passe oublié',
    'Recevez par e-mail un lien pour choisir un nouveau mot de passe.',
  ),
  resetPassword: section(
    '/nouveau-mot-de-passe',
    'Nouveau mot de passe',
    'Choisissez le nouveau mot de passe de votre Espace Entreprise Santé.',
  ),
  bia: section(
    '/bia',
    "Mon bulletin d'affiliation",
    'Complétez votre affiliation à la complémentaire santé de votre entreprise, enregistrez-la en brouillon puis finalisez-la.',
  ),
  cgu: section(
    '/cgu',
    "Conditions générales d'utilisation",
    "Les règles d'utilisation de l'Espace Entreprise Santé et la protection de vos données.",
    'CGU',
  ),
} as const satisfies Record<string, Section>;

export type SectionId = keyof typeof sections;

export const PORTAL_NAME = 'Espace Entreprise Santé';
export const SCHEME_NAME = 'HCR Bien-Être';

/** "Mes contrats — Espace Entreprise Santé": the page first, so tabs and history stay readable. */
export const documentTitle = (pageTitle: string) => `${pageTitle} — ${PORTAL_NAME}`;
