/**
 * The SPA pages an answer of the assistant may link to. Kept here (pure data) so that the
 * knowledge base is type-checked against it and the contract can publish it as an enum; a
 * unit test checks that each one is a real page of web/src/shared/sections.ts.
 * Pages that need a token or a pending login (/confirmation-email, /nouveau-mot-de-passe,
 * /connexion/securite) are left out on purpose: a link to them would lead nowhere.
 */
export const PORTAL_PATHS = [
  '/',
  '/activation',
  '/connexion',
  '/mot-de-passe-oublie',
  '/profil',
  '/habilitations',
  '/contrats',
  '/salaries',
  '/salaries/pre-affiliation',
  '/salaries/suivi-affiliations',
  '/salaries/anomalies',
  '/salaries/radiation',
  '/documents',
  '/contact',
  '/cgu',
] as const;
export type PortalPath = (typeof PORTAL_PATHS)[number];

/** The help line of the user guide ("Besoin d'aide ?"), repeated in every fallback. */
export const HELP_LINE_PHONE = '01 44 20 80 63';
export const HELP_LINE_HOURS = 'du lundi au vendredi de 9h00 à 17h00';
export const CONTACT_PATH = '/contact' satisfies PortalPath;

/** Follow-up questions offered with a reply: three buttons fit the dialog on a phone. */
export const CHATBOT_MAX_SUGGESTIONS = 3;
