import { HELP_LINE_HOURS, HELP_LINE_PHONE, type PortalPath } from './portal-paths';

/**
 * What the assistant knows: every answer it can give, written once, in French, about THIS
 * portal and the rules of the scheme. Answers are chosen from here, never generated.
 *
 * `questions` and `keywords` are what retrieval reads (with the title and the text): real
 * phrasings, synonyms, slang, the words of the user guide. `followUps` are ids of other
 * entries, offered as next questions (their `prompt`). `audience` lets the context decide
 * between two close answers: before login, connection help wins; after, portal features.
 *
 * Text format: paragraphs separated by a blank line; a line starting with "• " is a list item.
 */
export interface KnowledgeLink {
  readonly label: string;
  readonly href: PortalPath;
}

export type Audience = 'visitor' | 'member' | 'everyone';

export interface KnowledgeEntry {
  readonly id: string;
  readonly title: string;
  /** The entry as a question, offered as a suggestion; asking it returns this entry. */
  readonly prompt: string;
  readonly text: string;
  readonly links: readonly KnowledgeLink[];
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  readonly followUps: readonly string[];
  readonly audience: Audience;
  /** SPA pages on which this answer is the likely one (context.page). */
  readonly pages?: readonly string[];
  /** Politeness, answered without search ("bonjour", "merci"); never indexed. */
  readonly smallTalk?: 'greeting' | 'thanks' | 'goodbye';
  /**
   * A topic the assistant must not answer (payroll, weather…): indexed like the others so that
   * such questions find it rather than a wrong answer; when it wins, the reply is the
   * fallback, with this entry's text.
   */
  readonly outOfScope?: true;
}

const HELP = `${HELP_LINE_PHONE} (${HELP_LINE_HOURS}, numéro non surtaxé)`;

export const OUT_OF_SCOPE_TEXT =
  'Je suis l’assistant de l’Espace Entreprise Santé : je ne peux répondre qu’aux questions sur votre espace et sur votre régime santé. Pour une question sur votre contrat ou vos salariés, nos équipes sont là :';

/**
 * Topics the assistant must not answer — employers' questions for their payroll, labour-law or
 * tax advisers, and chit-chat — as small entries, so that such questions land here rather
 * than on the closest real answer. They are never shown: the reply is the fallback.
 */
const outOfScope = (id: string, title: string, keywords: readonly string[]): KnowledgeEntry => ({
  id,
  title,
  prompt: '',
  text: OUT_OF_SCOPE_TEXT,
  links: [],
  questions: [],
  keywords,
  followUps: [],
  audience: 'everyone',
  outOfScope: true,
});

const link = {
  activation: { label: 'Activer mon espace', href: '/activation' },
  connexion: { label: 'Se connecter', href: '/connexion' },
  motDePasseOublie: { label: 'Mot de passe oublié', href: '/mot-de-passe-oublie' },
  profil: { label: 'Profil', href: '/profil' },
  habilitations: { label: 'Gestion des habilitations', href: '/habilitations' },
  contrats: { label: 'Mes contrats', href: '/contrats' },
  salaries: { label: 'Mes salariés affiliés', href: '/salaries' },
  preAffiliation: { label: 'Pré-affilier un salarié', href: '/salaries/pre-affiliation' },
  suivi: { label: 'Suivi des affiliations', href: '/salaries/suivi-affiliations' },
  anomalies: { label: 'Suivi des anomalies d’affiliation', href: '/salaries/anomalies' },
  radiation: { label: 'Radiation (contexte sans DSN)', href: '/salaries/radiation' },
  documents: { label: 'Mes documents pratiques', href: '/documents' },
  contact: { label: 'Nous contacter', href: '/contact' },
  accueil: { label: 'Accueil', href: '/' },
  cgu: { label: 'Conditions générales d’utilisation', href: '/cgu' },
} as const satisfies Record<string, KnowledgeLink>;

/** Shown with the answer whenever the question held a NIR, an IBAN or a card number. */
export const SENSITIVE_DATA_WARNING =
  'Pour votre sécurité, ne communiquez jamais votre numéro de sécurité sociale (ni celui d’un salarié) ou vos coordonnées bancaires ici : ces informations ont été retirées de votre message et n’ont pas été conservées.';

/** Said when no answer is good enough: the people who can answer are one click or call away. */
export const FALLBACK_TEXT =
  'Je n’ai pas trouvé de réponse précise à votre question. Reformulez-la en quelques mots, ou contactez nos équipes : par le formulaire « Nous contacter » de votre espace, ou par téléphone.';

export const knowledgeBase: readonly KnowledgeEntry[] = [
  // ---------------------------------------------------------------- First connection
  {
    id: 'activation',
    title: 'Activer mon espace (première connexion)',
    prompt: 'Comment activer mon espace entreprise ?',
    text:
      'Pour votre première connexion, cliquez sur « Activer mon espace » et saisissez vos 2 identifiants : le numéro de SIRET (14 chiffres) et l’identifiant entreprise.\n\n' +
      'Complétez ensuite vos informations (civilité, nom, prénom, e-mail, téléphone mobile), choisissez un mot de passe et acceptez les conditions générales d’utilisation. La personne qui active l’espace en devient l’Administrateur.\n\n' +
      'Confirmez enfin votre adresse e-mail avec le lien reçu, puis connectez-vous avec votre e-mail et le mot de passe choisi.',
    links: [link.activation, link.connexion],
    questions: [
      'Comment activer mon espace entreprise ?',
      'C’est ma première connexion, comment je fais ?',
      'Comment créer mon compte sur l’espace entreprise ?',
      'Je veux m’inscrire sur le portail',
      'Comment accéder à l’espace entreprise la première fois ?',
      'Ouvrir un compte employeur',
      'Activation du compte entreprise',
    ],
    keywords: [
      'activer',
      'activation',
      'première connexion',
      'créer compte',
      'inscription',
      'inscrire',
      'ouvrir',
      'nouveau compte',
      'démarrer',
      'commencer',
    ],
    followUps: ['identifiant-entreprise', 'siret', 'confirmation-email'],
    audience: 'visitor',
    pages: ['/activation', '/connexion'],
  },
  {
    id: 'identifiant-entreprise',
    title: 'Comment retrouver votre identifiant entreprise ?',
    prompt: 'Comment retrouver mon identifiant entreprise ?',
    text:
      'L’identifiant entreprise est le numéro que votre assureur attribue à votre entreprise. Vous le trouverez sous le nom « Numéro entreprise » sur les différents courriers de votre assureur.\n\n' +
      'Vous avez un contrat Malakoff Humanis ? Il figure sous le nom « Numéro d’adhérent » sur vos courriers.\n\n' +
      'Il se compose de 6 à 12 lettres et chiffres : saisissez-le sans espace. Vous ne le retrouvez pas ? Appelez-nous au ' +
      HELP +
      '.',
    links: [link.activation],
    questions: [
      'Comment retrouver mon identifiant entreprise ?',
      'Je ne connais pas mon identifiant entreprise',
      'C’est quoi l’identifiant entreprise demandé à l’activation ?',
      'Où est le numéro entreprise ?',
      'Je n’ai pas mon numéro d’adhérent Malakoff Humanis',
      'Quel code entreprise saisir ?',
      'J’ai perdu le courrier avec mon identifiant',
    ],
    keywords: [
      'identifiant entreprise',
      'numéro entreprise',
      'numéro d’adhérent',
      'adhérent',
      'Malakoff Humanis',
      'MH',
      'code entreprise',
      'ID assureur',
      'courrier',
      'lettre',
      'retrouver',
      'trouver',
      'je ne trouve pas',
      'introuvable',
      'papiers',
      'perdu',
      'où',
    ],
    followUps: ['siret', 'activation', 'identifiants-refuses'],
    audience: 'visitor',
    pages: ['/activation'],
  },
  {
    id: 'siret',
    title: 'Quel numéro de SIRET saisir ?',
    prompt: 'Quel SIRET dois-je saisir ?',
    text:
      'Le SIRET est le numéro à 14 chiffres de votre établissement (9 chiffres du SIREN + 5 chiffres). Vous le trouvez sur votre extrait Kbis, vos bulletins de paie ou l’avis de situation de l’Insee.\n\n' +
      'Vous faites partie d’un groupe multi-établissements avec un régime unique ? Saisissez le SIRET de l’établissement principal. N’hésitez pas à contacter votre interlocuteur Malakoff Humanis pour valider ce point.\n\n' +
      'Vos autres établissements s’ajoutent ensuite depuis votre Profil.',
    links: [link.activation, link.profil],
    questions: [
      'Quel SIRET dois-je saisir ?',
      'Où trouver mon numéro de SIRET ?',
      'J’ai plusieurs établissements, quel SIRET mettre ?',
      'Groupe avec plusieurs restaurants, quel siret utiliser ?',
      'Mon SIRET n’est pas accepté',
      'SIRET ou SIREN ?',
      'C’est quoi un numéro SIRET ?',
    ],
    keywords: [
      'siret',
      'siren',
      '14 chiffres',
      'établissement principal',
      'multi-établissements',
      'groupe',
      'plusieurs établissements',
      'restaurants',
      'hôtels',
      'même régime',
      'régime unique',
      'kbis',
      'insee',
      'siège',
      'activer',
    ],
    followUps: ['identifiant-entreprise', 'ajouter-etablissement', 'activation'],
    audience: 'visitor',
    pages: ['/activation'],
  },
  {
    id: 'identifiants-refuses',
    title: 'Mes identifiants d’activation ne sont pas reconnus',
    prompt: 'Que faire si mon SIRET et mon identifiant ne sont pas reconnus ?',
    text:
      'Vérifiez les deux numéros : le SIRET (14 chiffres, celui de l’établissement principal pour un groupe à régime unique) et l’identifiant entreprise (« Numéro entreprise », ou « Numéro d’adhérent » chez Malakoff Humanis), saisi sans espace.\n\n' +
      'Par sécurité, le message est le même quel que soit le numéro erroné, et les essais sont limités : après plusieurs tentatives, patientez avant de recommencer.\n\n' +
      'Si le message indique que l’espace est déjà activé, une autre personne de votre entreprise l’a fait : demandez-lui de vous ajouter. Toujours bloqué ? Appelez le ' +
      HELP +
      '.',
    links: [link.activation],
    questions: [
      'Mon SIRET et mon identifiant ne sont pas reconnus',
      'Nous ne trouvons pas d’entreprise correspondant à ce SIRET et à cet identifiant entreprise',
      'L’activation ne marche pas',
      'Message d’erreur quand j’active mon espace',
      'Entreprise introuvable à l’activation',
      'Identifiants refusés',
    ],
    keywords: [
      'pas reconnu',
      'introuvable',
      'erreur',
      'refusé',
      'invalide',
      'incorrect',
      'ne fonctionne pas',
      'ne marche pas',
      'activation impossible',
    ],
    followUps: ['identifiant-entreprise', 'siret', 'espace-deja-active'],
    audience: 'visitor',
    pages: ['/activation'],
  },
  {
    id: 'espace-deja-active',
    title: 'L’espace de mon entreprise est déjà activé',
    prompt: 'L’espace de mon entreprise est déjà activé, que faire ?',
    text:
      'Un espace s’active une seule fois par entreprise : la personne qui l’a activé en est l’Administrateur (un collègue, un dirigeant ou votre expert-comptable).\n\n' +
      'Demandez-lui de vous ajouter depuis « Mes habilitations » › « Gestion des habilitations » : vous recevrez un e-mail pour créer votre mot de passe.\n\n' +
      'Vous avez déjà un compte pour une autre entreprise ? Connectez-vous puis ajoutez cette entreprise depuis votre Profil (« Ajouter un établissement au périmètre suivi »). Personne ne sait qui a activé l’espace ? Contactez-nous.',
    links: [link.connexion, link.contact],
    questions: [
      'L’espace de mon entreprise est déjà activé',
      'Un collègue a déjà activé le compte, comment j’y accède ?',
      'Mon entreprise a déjà un compte',
      'Qui est l’administrateur de notre espace ?',
      'Je veux accéder à l’espace déjà créé par mon patron',
      'L’administrateur a quitté l’entreprise',
    ],
    keywords: [
      'déjà activé',
      'déjà un compte',
      'déjà créé',
      'collègue',
      'patron',
      'gérant',
      'administrateur parti',
      'accès',
      'rejoindre',
    ],
    followUps: ['ajouter-utilisateur', 'ajouter-etablissement', 'invitation'],
    audience: 'visitor',
  },
  {
    id: 'confirmation-email',
    title: 'Le lien de confirmation de mon adresse e-mail',
    prompt: 'Je n’ai pas reçu l’e-mail de confirmation, que faire ?',
    text:
      'À la fin de l’activation, un e-mail vous est envoyé avec un lien pour confirmer votre adresse : cliquez dessus avant de vous connecter. Le lien est valable 48 heures et ne sert qu’une fois.\n\n' +
      'Rien reçu ? Regardez dans vos courriers indésirables (spam) et vérifiez l’adresse saisie. Le lien a expiré ? Utilisez « Mot de passe oublié » avec votre adresse e-mail : vous recevrez un nouveau lien.',
    links: [link.motDePasseOublie, link.connexion],
    questions: [
      'Je n’ai pas reçu l’e-mail de confirmation',
      'Le lien de confirmation a expiré',
      'Confirmer mon adresse mail',
      'On me demande de confirmer mon e-mail avant de me connecter',
      'Lien d’activation reçu par mail qui ne marche plus',
      'Mail de validation pas arrivé',
    ],
    keywords: [
      'confirmation',
      'confirmer',
      'lien',
      'valider',
      'validation',
      'e-mail',
      'courriel',
      '48 heures',
      'expiré',
      'spam',
      'indésirables',
      'adresse',
    ],
    followUps: ['connexion', 'mot-de-passe-oublie', 'activation'],
    audience: 'visitor',
    pages: ['/connexion', '/activation'],
  },
  {
    id: 'connexion',
    title: 'Se connecter à l’Espace Entreprise Santé',
    prompt: 'Comment me connecter à mon espace ?',
    text:
      'Sur la page de connexion, saisissez votre adresse e-mail et votre mot de passe. Selon la situation, un écran de sécurité vous demande ensuite un code reçu par SMS (double authentification).\n\n' +
      'Première visite ? Activez d’abord votre espace avec votre SIRET et votre identifiant entreprise. Mot de passe perdu ? Utilisez « Mot de passe oublié ».',
    links: [link.connexion, link.activation, link.motDePasseOublie],
    questions: [
      'Comment me connecter à mon espace ?',
      'Je n’arrive pas à me connecter',
      'Où se connecter ?',
      'Comment accéder à mon compte employeur ?',
      'Page de connexion',
      'Quel e-mail utiliser pour me connecter ?',
    ],
    keywords: [
      'connexion',
      'connecter',
      'se connecter',
      'login',
      'accéder',
      'accès',
      'entrer',
      'identifiants',
      'compte',
      'site',
      'portail',
      'espace entreprise',
    ],
    followUps: ['double-authentification', 'mot-de-passe-oublie', 'compte-bloque'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  // ---------------------------------------------------------------- Two-factor authentication
  {
    id: 'double-authentification',
    title: 'La double authentification',
    prompt: 'Comment fonctionne la double authentification ?',
    text:
      'La double authentification protège votre espace et les données de vos salariés : en plus de votre mot de passe, un code de sécurité vous est envoyé par SMS.\n\n' +
      'Quand l’écran de sécurité apparaît, indiquez ou confirmez votre numéro de mobile, cliquez sur « Envoyer le code », saisissez les 6 chiffres reçus puis cliquez sur « Continuer ». Le code est valable 10 minutes.\n\n' +
      'Un numéro déjà vérifié est affiché masqué et ne peut pas être remplacé depuis cet écran : modifiez-le depuis votre Profil une fois connecté.',
    links: [link.connexion],
    questions: [
      'Comment fonctionne la double authentification ?',
      'C’est quoi le code de sécurité demandé à la connexion ?',
      'Pourquoi dois-je saisir un code SMS ?',
      'A quoi sert l’écran de sécurité ?',
      'Code de vérification par texto',
      'Authentification à deux facteurs',
    ],
    keywords: [
      'double authentification',
      '2FA',
      'code de sécurité',
      'code',
      'SMS',
      'écran de sécurité',
      'vérification',
      'envoyer le code',
      'continuer',
      'sécurité',
      'fraude',
      'usurpation',
      'définition',
    ],
    followUps: ['code-quand', 'code-sms-non-recu', 'changer-telephone'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  {
    id: 'code-quand',
    title: 'Quand le code SMS est-il demandé ?',
    prompt: 'Quand le code SMS est-il demandé ?',
    text:
      'Le code de sécurité n’est pas demandé à chaque connexion, seulement dans l’un de ces cas :\n' +
      '• vous utilisez un nouveau navigateur internet, ou vous avez effacé vos cookies ;\n' +
      '• votre adresse IP a changé (nouvelle box, autre réseau wifi, 4G, VPN) ;\n' +
      '• vous ne vous êtes pas connecté depuis plus de 3 mois ;\n' +
      '• votre numéro de mobile n’a pas encore été vérifié.\n\n' +
      'Dans les autres cas, votre e-mail et votre mot de passe suffisent.',
    links: [link.connexion],
    questions: [
      'Quand le code SMS est-il demandé ?',
      'Pourquoi on me redemande un code à chaque fois ?',
      'Pourquoi je dois encore saisir un code aujourd’hui ?',
      'Le code est demandé depuis que j’ai changé de box',
      'Dans quels cas la double authentification est demandée ?',
      'Je ne veux plus recevoir de code à chaque connexion',
    ],
    keywords: [
      'quand',
      'pourquoi',
      'à chaque fois',
      'chaque connexion',
      'nouveau navigateur',
      'changement de navigateur',
      'cookies',
      'adresse IP',
      'box',
      'wifi',
      'réseau',
      'VPN',
      '4G',
      '3 mois',
      'longue période',
      'encore',
      'redemande',
      'tous les jours',
      'souvent',
      'systématiquement',
    ],
    followUps: ['code-sms-non-recu', 'double-authentification', 'changer-telephone'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  {
    id: 'code-sms-non-recu',
    title: 'Je ne reçois pas le code SMS',
    prompt: 'Je n’ai pas reçu le code SMS, que faire ?',
    text:
      'Vérifiez d’abord le numéro affiché sur l’écran de sécurité et que votre téléphone capte bien le réseau. Un SMS peut mettre quelques instants à arriver.\n\n' +
      'Attendez 1 minute avant de demander un nouveau code : seul le dernier code envoyé est valable. Par sécurité, 10 SMS au plus peuvent être envoyés par jour et par utilisateur.\n\n' +
      'Toujours rien, ou ce n’est plus votre numéro ? Appelez nos conseillers au ' +
      HELP +
      '.',
    links: [link.connexion],
    questions: [
      'Je n’ai pas reçu le code SMS',
      'Le SMS n’arrive pas',
      'Code de sécurité jamais reçu',
      'Pas de texto reçu pour me connecter',
      'Renvoyer le code',
      'Nombre maximal de SMS atteint',
    ],
    keywords: [
      'pas reçu',
      'reçois pas',
      'jamais reçu',
      'rien reçu',
      'arrive pas',
      'sans SMS',
      'SMS',
      'texto',
      'code',
      'renvoyer',
      'nouveau code',
      'réseau',
      'longtemps',
      'lent',
      'délai',
      'attendre',
      '1 minute',
      '10 SMS',
      'limite',
      'maximum',
    ],
    followUps: ['code-incorrect', 'changer-telephone', 'aide-telephone'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  {
    id: 'code-incorrect',
    title: 'Mon code SMS est refusé ou a expiré',
    prompt: 'Mon code SMS est refusé, pourquoi ?',
    text:
      'Un code de sécurité est valable 10 minutes, ne sert qu’une fois et seul le dernier code reçu fonctionne : si vous en avez demandé plusieurs, saisissez le plus récent.\n\n' +
      'Après 5 codes erronés, la tentative de connexion est annulée : reconnectez-vous avec votre e-mail et votre mot de passe pour recevoir un nouveau code.',
    links: [link.connexion],
    questions: [
      'Mon code SMS est refusé',
      'Code incorrect alors que je l’ai bien tapé',
      'Le code a expiré',
      'Trop de codes erronés',
      'Code invalide',
      'Combien de temps le code est-il valable ?',
    ],
    keywords: [
      'code incorrect',
      'refusé',
      'invalide',
      'expiré',
      'erroné',
      'faux',
      'mauvais code',
      '10 minutes',
      'validité',
      'durée',
      'valable',
      'combien de temps',
    ],
    followUps: ['code-sms-non-recu', 'code-quand', 'compte-bloque'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  {
    id: 'changer-telephone',
    title: 'Changer mon numéro de téléphone mobile',
    prompt: 'Comment changer mon numéro de mobile ?',
    text:
      'Une fois connecté, allez dans votre Profil (icône silhouette) et modifiez votre numéro de mobile : un code vous est envoyé par SMS sur le nouveau numéro pour le confirmer. Il ne remplace l’ancien qu’après cette confirmation.\n\n' +
      'Vous ne pouvez plus vous connecter car vous n’avez plus accès à l’ancien numéro ? L’écran de sécurité ne permet pas de le remplacer : appelez nos conseillers au ' +
      HELP +
      '.',
    links: [link.profil],
    questions: [
      'Comment changer mon numéro de mobile ?',
      'J’ai changé de numéro de téléphone',
      'Modifier le téléphone pour recevoir les SMS',
      'J’ai perdu mon téléphone, comment recevoir le code ?',
      'Le numéro affiché n’est plus le mien',
      'Mettre à jour mon portable',
    ],
    keywords: [
      'changer de numéro',
      'nouveau numéro',
      'téléphone',
      'mobile',
      'portable',
      'modifier',
      'perdu',
      'volé',
      'ancien numéro',
      'numéro masqué',
    ],
    followUps: ['profil', 'code-sms-non-recu', 'aide-telephone'],
    audience: 'everyone',
    pages: ['/profil'],
  },
  // ---------------------------------------------------------------- Passwords and access
  {
    id: 'mot-de-passe-regles',
    title: 'Choisir un mot de passe',
    prompt: 'Quelles sont les règles du mot de passe ?',
    text:
      'Votre mot de passe doit comporter au moins 12 caractères (128 au plus). Aucune combinaison imposée de majuscules, chiffres ou caractères spéciaux : la longueur compte davantage.\n\n' +
      'Sont refusés les mots de passe trop courants ou déjà divulgués, les suites et répétitions (123456…, aaaa…) et ceux qui contiennent votre nom ou votre e-mail.\n\n' +
      'Astuce : une courte phrase de plusieurs mots, facile à retenir pour vous seul, par exemple quatre mots sans rapport entre eux.',
    links: [],
    questions: [
      'Quelles sont les règles du mot de passe ?',
      'Mon mot de passe est refusé',
      'Combien de caractères pour le mot de passe ?',
      'Ce mot de passe ne peut pas être utilisé, pourquoi ?',
      'Faut-il des caractères spéciaux dans le mdp ?',
      'Choisir un mot de passe sécurisé',
    ],
    keywords: [
      'mot de passe',
      'règles',
      '12 caractères',
      'longueur',
      'caractères spéciaux',
      'majuscule',
      'chiffres',
      'refusé',
      'sécurisé',
      'robuste',
      'trop simple',
      'courant',
      'phrase',
    ],
    followUps: ['mot-de-passe-oublie', 'changer-mot-de-passe', 'activation'],
    audience: 'visitor',
    pages: ['/activation', '/mot-de-passe-oublie'],
  },
  {
    id: 'mot-de-passe-oublie',
    title: 'Mot de passe oublié',
    prompt: 'J’ai oublié mon mot de passe, que faire ?',
    text:
      'Cliquez sur « Mot de passe oublié » sur la page de connexion et saisissez votre adresse e-mail. Si un compte existe, vous recevez un lien pour choisir un nouveau mot de passe, valable 30 minutes.\n\n' +
      'Par sécurité, la réponse affichée est la même que l’adresse soit connue ou non. Le nouveau mot de passe ferme toutes vos sessions ouvertes. Rien reçu ? Vérifiez vos courriers indésirables et l’adresse saisie.',
    links: [link.motDePasseOublie],
    questions: [
      'J’ai oublié mon mot de passe',
      'Réinitialiser mon mot de passe',
      'Je ne me souviens plus de mon mot de passe',
      'Le lien de réinitialisation ne marche plus',
      'Recevoir un nouveau mot de passe',
      'Perdu mon mdp',
    ],
    keywords: [
      'mot de passe oublié',
      'oubli',
      'oublié',
      'perdu',
      'réinitialiser',
      'réinitialisation',
      'reset',
      'nouveau mot de passe',
      'lien',
      '30 minutes',
      'souviens plus',
      'récupérer',
    ],
    followUps: ['mot-de-passe-regles', 'compte-bloque', 'connexion'],
    audience: 'visitor',
    pages: ['/connexion', '/mot-de-passe-oublie'],
  },
  {
    id: 'changer-mot-de-passe',
    title: 'Changer mon mot de passe',
    prompt: 'Comment changer mon mot de passe ?',
    text:
      'Une fois connecté, ouvrez votre Profil (icône silhouette) et remplissez « Changer mon mot de passe » : le mot de passe actuel, puis le nouveau (12 caractères au moins) deux fois.\n\n' +
      'Le changement ferme vos autres sessions ouvertes (autres navigateurs ou appareils). Vous ne connaissez plus le mot de passe actuel ? Utilisez « Mot de passe oublié ».',
    links: [link.profil, link.motDePasseOublie],
    questions: [
      'Comment changer mon mot de passe ?',
      'Modifier mon mot de passe',
      'Je veux un nouveau mot de passe',
      'Mettre à jour mon mdp depuis mon profil',
    ],
    keywords: ['changer', 'modifier', 'nouveau', 'mot de passe', 'profil', 'mot de passe actuel', 'sessions'],
    followUps: ['mot-de-passe-regles', 'profil', 'session-expiree'],
    audience: 'member',
    pages: ['/profil'],
  },
  {
    id: 'compte-bloque',
    title: 'Mon compte est bloqué (trop de tentatives)',
    prompt: 'Mon compte est bloqué, que faire ?',
    text:
      'Après plusieurs essais infructueux, les nouvelles tentatives sont refusées pendant quelques minutes (« Trop de tentatives ») : c’est une protection contre les intrusions. Patientez un quart d’heure, puis réessayez.\n\n' +
      'Vous doutez de votre mot de passe ? Utilisez « Mot de passe oublié » plutôt que de multiplier les essais. Si votre accès a été désactivé par l’administrateur de votre entreprise, lui seul peut le réactiver.\n\n' +
      'Toujours bloqué ? Appelez le ' +
      HELP +
      '.',
    links: [link.motDePasseOublie, link.connexion],
    questions: [
      'Mon compte est bloqué',
      'Trop de tentatives, je ne peux plus me connecter',
      'Compte verrouillé après plusieurs erreurs',
      'Mon accès a été désactivé',
      'Veuillez patienter quelques minutes avant de réessayer',
      'Accès refusé',
    ],
    keywords: [
      'bloqué',
      'blocage',
      'verrouillé',
      'trop de tentatives',
      'tentatives',
      'essais',
      'patienter',
      'désactivé',
      'suspendu',
      'refusé',
      'impossible',
    ],
    followUps: ['mot-de-passe-oublie', 'code-incorrect', 'aide-telephone'],
    audience: 'visitor',
    pages: ['/connexion'],
  },
  {
    id: 'invitation',
    title: 'J’ai été invité : créer mon mot de passe',
    prompt: 'J’ai reçu une invitation, comment créer mon mot de passe ?',
    text:
      'Lorsqu’un administrateur vous ajoute à l’espace de son entreprise, vous recevez un e-mail avec un lien pour créer votre mot de passe. Ce lien est valable 7 jours et ne sert qu’une fois.\n\n' +
      'Le lien a expiré ou ne fonctionne plus ? Demandez à l’administrateur de vous le renvoyer depuis « Gestion des habilitations » : l’ancien lien est alors désactivé. Pensez aussi à vérifier vos courriers indésirables.',
    links: [link.connexion],
    questions: [
      'J’ai reçu une invitation, comment créer mon mot de passe ?',
      'Mon lien d’invitation a expiré',
      'Je n’ai pas reçu le lien pour créer mon mot de passe',
      'On m’a ajouté comme utilisateur, que faire ?',
      'Lien de création de mot de passe',
    ],
    keywords: [
      'invitation',
      'invité',
      'lien',
      'créer mot de passe',
      'création',
      '7 jours',
      'expiré',
      'ajouté',
      'nouvel utilisateur',
      'renvoyer',
    ],
    followUps: ['connexion', 'mot-de-passe-regles', 'double-authentification'],
    audience: 'visitor',
  },
  {
    id: 'session-expiree',
    title: 'Session expirée et déconnexion',
    prompt: 'Pourquoi ai-je été déconnecté ?',
    text:
      'Pour protéger les données, votre session se ferme après 30 minutes sans activité, et au plus tard 12 heures après la connexion. Un changement de mot de passe ou la désactivation de votre accès ferme aussi les sessions ouvertes.\n\n' +
      'Pour vous déconnecter vous-même, utilisez le bouton « Déconnexion » en haut de page, surtout sur un ordinateur partagé.',
    links: [link.connexion],
    questions: [
      'Pourquoi ai-je été déconnecté ?',
      'Ma session a expiré',
      'Je suis déconnecté tout le temps',
      'Comment me déconnecter ?',
      'Votre session a expiré, veuillez vous reconnecter',
    ],
    keywords: [
      'déconnecté',
      'déconnexion',
      'session',
      'expirée',
      '30 minutes',
      'inactivité',
      'reconnecter',
      'se déconnecter',
      'quitter',
    ],
    followUps: ['connexion', 'code-quand', 'changer-mot-de-passe'],
    audience: 'everyone',
  },
  {
    id: 'probleme-technique',
    title: 'Le site ne s’affiche pas correctement',
    prompt: 'Le site ne fonctionne pas, que faire ?',
    text:
      'Utilisez un navigateur à jour (Edge, Chrome, Firefox ou Safari récents) et vérifiez que les cookies ne sont pas bloqués pour ce site : ils sont nécessaires pour rester connecté. Rechargez ensuite la page.\n\n' +
      'Le message « Le service est momentanément indisponible » disparaît en général en quelques instants. Si le problème persiste, contactez-nous en décrivant la page et le message affiché.',
    links: [link.contact],
    questions: [
      'Le site ne fonctionne pas',
      'La page ne s’affiche pas',
      'J’ai un bug sur le portail',
      'Page blanche',
      'Le site plante',
      'Erreur inattendue',
    ],
    keywords: [
      'bug',
      'plante',
      'page blanche',
      'ne marche pas',
      'erreur',
      'navigateur',
      'cookies',
      'indisponible',
      'lent',
      'chargement',
      'technique',
      'affichage',
    ],
    followUps: ['aide-telephone', 'nous-contacter', 'connexion'],
    audience: 'everyone',
  },
  // ---------------------------------------------------------------- Profile, companies, users
  {
    id: 'profil',
    title: 'Mon profil',
    prompt: 'Que contient mon profil ?',
    text:
      'La page Profil (icône silhouette en haut de l’écran) affiche vos informations personnelles et le périmètre que vous suivez : vos entreprises et leurs établissements.\n\n' +
      'Vous pouvez y modifier votre civilité, votre nom, votre prénom et votre numéro de mobile (confirmé par SMS), changer votre mot de passe et ajouter un établissement au périmètre suivi.',
    links: [link.profil],
    questions: [
      'Que contient mon profil ?',
      'Modifier mes informations personnelles',
      'Changer mon nom dans mon compte',
      'Où voir les établissements que je suis ?',
      'Mon périmètre',
    ],
    keywords: [
      'profil',
      'silhouette',
      'informations personnelles',
      'mes coordonnées',
      'nom',
      'prénom',
      'civilité',
      'périmètre',
      'mon compte',
    ],
    followUps: ['ajouter-etablissement', 'changer-telephone', 'changer-mot-de-passe'],
    audience: 'member',
    pages: ['/profil'],
  },
  {
    id: 'ajouter-etablissement',
    title: 'Ajouter un établissement à mon espace',
    prompt: 'Comment ajouter un établissement ?',
    text:
      'Après avoir activé votre espace, allez dans « Profil » (icône silhouette), puis cliquez sur « Ajouter un établissement au périmètre suivi ».\n\n' +
      'Saisissez le SIRET et l’identifiant (ID assureur : « Numéro entreprise » ou « Numéro d’adhérent ») du nouvel établissement. Une fois vérifié, il apparaît dans votre périmètre et vous en êtes administrateur.',
    links: [link.profil],
    questions: [
      'Comment ajouter un établissement ?',
      'J’ai ouvert un deuxième restaurant, comment l’ajouter ?',
      'Gérer plusieurs sociétés dans mon espace',
      'Ajouter une entreprise à mon compte',
      'Ajouter un SIRET à mon périmètre',
    ],
    keywords: [
      'ajouter établissement',
      'nouvel établissement',
      'autre établissement',
      'deuxième',
      'plusieurs établissements',
      'plusieurs sociétés',
      'périmètre suivi',
      'ID assureur',
      'SIRET',
      'restaurant',
      'hôtel',
      'ajouter entreprise',
    ],
    followUps: ['changer-entreprise', 'profil', 'siret'],
    audience: 'member',
    pages: ['/profil'],
  },
  {
    id: 'changer-entreprise',
    title: 'Passer d’une entreprise à l’autre',
    prompt: 'Comment changer d’entreprise dans mon espace ?',
    text:
      'Si vous suivez plusieurs entreprises, choisissez celle sur laquelle vous travaillez grâce au sélecteur d’entreprise en haut de l’écran. Contrats, salariés, affiliations et habilitations affichés sont alors ceux de cette entreprise.\n\n' +
      'Votre profil (Administrateur ou Utilisateur) peut être différent d’une entreprise à l’autre.',
    links: [link.accueil],
    questions: [
      'Comment changer d’entreprise dans mon espace ?',
      'Je gère plusieurs sociétés, comment passer de l’une à l’autre ?',
      'Sélectionner une autre entreprise',
      'Je ne vois pas les salariés de mon autre société',
      'Basculer vers un autre client',
    ],
    keywords: [
      'changer entreprise',
      'passer',
      'basculer',
      'sélecteur',
      'autre entreprise',
      'autre société',
      'plusieurs entreprises',
      'switcher',
      'client',
      'dossier',
    ],
    followUps: ['tiers-declarant', 'ajouter-etablissement', 'profils-droits'],
    audience: 'member',
  },
  {
    id: 'tiers-declarant',
    title: 'Tiers déclarant (expert-comptable, cabinet de paie)',
    prompt: 'Comment fonctionne l’accès d’un tiers déclarant ?',
    text:
      'Un tiers déclarant (expert-comptable, cabinet de paie) peut gérer l’espace de plusieurs entreprises clientes avec un seul compte.\n\n' +
      'L’administrateur de chaque entreprise l’ajoute depuis « Mes habilitations » › « Gestion des habilitations », avec le profil Administrateur ou Utilisateur. Le tiers déclarant reçoit un e-mail pour créer son mot de passe ; s’il a déjà un compte, l’entreprise s’ajoute à son périmètre.\n\n' +
      'Il passe ensuite d’une entreprise à l’autre avec le sélecteur en haut de l’écran.',
    links: [link.habilitations],
    questions: [
      'Comment fonctionne l’accès d’un tiers déclarant ?',
      'Donner accès à mon expert-comptable',
      'Je suis comptable, comment gérer mes clients ?',
      'Mon cabinet de paie peut-il faire les affiliations ?',
      'Ajouter le cabinet comptable',
      'C’est quoi un tiers déclarant ?',
    ],
    keywords: [
      'tiers déclarant',
      'expert-comptable',
      'comptable',
      'cabinet',
      'paie',
      'gestionnaire de paie',
      'prestataire',
      'clients',
      'plusieurs entreprises',
      'mandataire',
      'définition',
    ],
    followUps: ['ajouter-utilisateur', 'changer-entreprise', 'profils-droits'],
    audience: 'everyone',
    pages: ['/habilitations'],
  },
  {
    id: 'ajouter-utilisateur',
    title: 'Ajouter un utilisateur à mon espace',
    prompt: 'Comment ajouter un utilisateur ?',
    text:
      'Réservé aux administrateurs : allez dans « Mes habilitations » › « Gestion des habilitations » et cliquez sur « Ajouter un utilisateur à mon espace entreprise ».\n\n' +
      'Complétez le formulaire et sélectionnez la ou les entreprises auxquelles il aura accès, avec son profil sur chacune (Administrateur ou Utilisateur). Il reçoit un e-mail avec un lien pour créer son mot de passe, valable 7 jours.',
    links: [link.habilitations],
    questions: [
      'Comment ajouter un utilisateur ?',
      'Donner accès à un collègue',
      'Créer un compte pour ma comptable',
      'Inviter une personne sur l’espace entreprise',
      'Ajouter un gestionnaire RH',
      'Comment mon assistante peut avoir un accès ?',
    ],
    keywords: [
      'ajouter utilisateur',
      'nouvel utilisateur',
      'inviter',
      'invitation',
      'donner accès',
      'créer compte',
      'collègue',
      'RH',
      'assistante',
      'gestionnaire',
      'habilitations',
      'accès',
    ],
    followUps: ['profils-droits', 'gerer-utilisateurs', 'tiers-declarant'],
    audience: 'everyone',
    pages: ['/habilitations'],
  },
  {
    id: 'profils-droits',
    title: 'Administrateur ou Utilisateur : les deux profils',
    prompt: 'Quelle différence entre Administrateur et Utilisateur ?',
    text:
      'Deux profils existent, attribués entreprise par entreprise :\n' +
      '• Administrateur : accède à « Mes habilitations » et gère les accès à l’espace de sa ou ses entreprises, pour d’autres utilisateurs ou des tiers déclarants ;\n' +
      '• Utilisateur : accède à toutes les autres fonctionnalités (contrats, salariés, affiliations, radiations, documents, contact), mais pas aux habilitations.\n\n' +
      'La personne qui active l’espace en est le premier Administrateur.',
    links: [link.habilitations],
    questions: [
      'Quelle différence entre Administrateur et Utilisateur ?',
      'Quels sont les droits d’un utilisateur ?',
      'Je ne vois pas le menu Mes habilitations',
      'Comment devenir administrateur ?',
      'Profils et droits d’accès',
    ],
    keywords: [
      'administrateur',
      'utilisateur',
      'profil',
      'profils',
      'droits',
      'rôle',
      'permissions',
      'différence',
      'mes habilitations',
      'admin',
    ],
    followUps: ['ajouter-utilisateur', 'gerer-utilisateurs', 'tiers-declarant'],
    audience: 'member',
    pages: ['/habilitations'],
  },
  {
    id: 'gerer-utilisateurs',
    title: 'Gérer les utilisateurs et leurs droits',
    prompt: 'Comment modifier les droits d’un utilisateur ?',
    text:
      'Dans « Mes habilitations » › « Gestion des habilitations », l’administrateur voit la liste des utilisateurs. Le pictogramme associé à chacun permet de :\n' +
      '• modifier son profil et ses droits (Administrateur ou Utilisateur) ;\n' +
      '• lui renvoyer un lien de création de mot de passe (l’ancien lien ne fonctionne plus) ;\n' +
      '• désactiver son accès provisoirement (il pourra être réactivé) ou définitivement.\n\n' +
      'Une désactivation ferme immédiatement ses sessions. Le dernier administrateur d’une entreprise ne peut pas se retirer : nommez d’abord un autre administrateur.',
    links: [link.habilitations],
    questions: [
      'Comment modifier les droits d’un utilisateur ?',
      'Supprimer l’accès d’un ancien salarié au portail',
      'Désactiver un utilisateur qui a quitté l’entreprise',
      'Réactiver un compte utilisateur',
      'Renvoyer le lien de création de mot de passe',
      'Liste des utilisateurs de mon espace',
    ],
    keywords: [
      'modifier droits',
      'désactiver',
      'supprimer utilisateur',
      'retirer accès',
      'réactiver',
      'provisoirement',
      'définitivement',
      'renvoyer lien',
      'liste utilisateurs',
      'dernier administrateur',
      'gestion des habilitations',
    ],
    followUps: ['ajouter-utilisateur', 'profils-droits', 'tiers-declarant'],
    audience: 'member',
    pages: ['/habilitations'],
  },
  {
    id: 'fonctionnalites',
    title: 'Ce que vous pouvez faire dans votre espace',
    prompt: 'Quelles sont les rubriques de l’Espace Entreprise ?',
    text:
      'La page d’accueil regroupe toutes les rubriques et un focus sur vos affiliations (demandes en cours par statut, anomalies à traiter) :\n' +
      '• Mes contrats : vos contrats et leurs assurés ;\n' +
      '• Mes salariés : salariés affiliés, pré-affiliation, suivi des affiliations et des anomalies, radiation ;\n' +
      '• Mes documents pratiques, Mes habilitations, Nous contacter et votre Profil.',
    links: [link.accueil, link.contrats, link.salaries],
    questions: [
      'Que puis-je faire dans l’Espace Entreprise ?',
      'A quoi sert cet espace ?',
      'Présentation des fonctionnalités',
      'Quelles sont les rubriques du portail ?',
      'Page d’accueil',
    ],
    keywords: [
      'fonctionnalités',
      'rubriques',
      'accueil',
      'menu',
      'présentation',
      'services',
      'tableau de bord',
      'focus',
      'sert',
      'faire',
    ],
    followUps: ['mes-contrats', 'mes-salaries', 'pre-affiliation'],
    audience: 'everyone',
    pages: ['/'],
  },
  // ---------------------------------------------------------------- Contracts and employees
  {
    id: 'mes-contrats',
    title: 'La rubrique « Mes contrats »',
    prompt: 'Que trouve-t-on dans Mes contrats ?',
    text:
      '« Mes contrats » présente les contrats de votre entreprise et leurs catégories :\n' +
      '• statut (cadre ou non cadre) ;\n' +
      '• risque (santé, prévoyance) ;\n' +
      '• contrat employeur (son numéro) et contrat (la formule) ;\n' +
      '• date d’effet et date de fin ;\n' +
      '• actions.\n\n' +
      'Le détail d’un contrat liste ses assurés, c’est-à-dire vos salariés affiliés.',
    links: [link.contrats],
    questions: [
      'Que trouve-t-on dans Mes contrats ?',
      'Où voir mon contrat ?',
      'Quelle est la formule de mon contrat santé ?',
      'Numéro de contrat employeur',
      'Voir les contrats de mon entreprise',
      'Date de fin de mon contrat',
    ],
    keywords: [
      'mes contrats',
      'contrat',
      'contrat employeur',
      'formule',
      'catégorie',
      'statut',
      'risque',
      'santé',
      'prévoyance',
      'date d’effet',
      'date de fin',
      'garanties',
    ],
    followUps: ['detail-contrat', 'certificat-affiliation', 'mes-salaries'],
    audience: 'member',
    pages: ['/contrats'],
  },
  {
    id: 'detail-contrat',
    title: 'Le détail d’un contrat et ses assurés',
    prompt: 'Comment voir les assurés d’un contrat ?',
    text:
      'Dans « Mes contrats », ouvrez un contrat pour voir la liste de ses assurés et, pour chacun : la télétransmission Noémie (oui/non), la couverture du conjoint et des enfants, la date d’effet et la date de fin.\n\n' +
      'La colonne Actions permet de radier un salarié ou de télécharger son certificat d’affiliation.',
    links: [link.contrats],
    questions: [
      'Comment voir les assurés d’un contrat ?',
      'Savoir si le conjoint d’un salarié est couvert',
      'Voir les enfants couverts par la mutuelle',
      'Liste des assurés du contrat',
      'Détail du contrat',
    ],
    keywords: [
      'détail',
      'assurés',
      'liste des assurés',
      'conjoint',
      'enfants',
      'ayants droit',
      'couverts',
      'actions',
      'télétransmission',
    ],
    followUps: ['certificat-affiliation', 'radiation', 'noemie'],
    audience: 'member',
    pages: ['/contrats'],
  },
  {
    id: 'mes-salaries',
    title: 'La rubrique « Mes salariés »',
    prompt: 'Comment retrouver un salarié dans Mes salariés ?',
    text:
      '« Mes salariés » › « Salariés affiliés » liste tous vos salariés affiliés : établissement, statut professionnel, nom, numéro de sécurité sociale (masqué), contrat, date d’effet et date de fin.\n\n' +
      'Vous pouvez rechercher un salarié par son nom ou son numéro de sécurité sociale, filtrer (établissement, statut, contrat, actifs ou radiés), trier les colonnes et exporter la liste.',
    links: [link.salaries],
    questions: [
      'Comment retrouver un salarié dans Mes salariés ?',
      'Voir la liste de mes salariés assurés',
      'Chercher un employé par son nom',
      'Filtrer les salariés radiés',
      'Qui est couvert dans mon entreprise ?',
      'Liste du personnel affilié',
    ],
    keywords: [
      'mes salariés',
      'salariés affiliés',
      'liste',
      'rechercher',
      'recherche',
      'chercher',
      'filtrer',
      'filtre',
      'trier',
      'assurés',
      'personnel',
      'effectif',
      'actifs',
      'radiés',
    ],
    followUps: ['export-salaries', 'nir-affichage', 'salarie-introuvable'],
    audience: 'member',
    pages: ['/salaries'],
  },
  {
    id: 'export-salaries',
    title: 'Exporter la liste des salariés',
    prompt: 'Comment exporter la liste de mes salariés ?',
    text:
      'Dans « Mes salariés » › « Salariés affiliés », appliquez si besoin vos filtres puis cliquez sur « Exporter » : vous obtenez un fichier CSV, qui s’ouvre dans Excel ou tout tableur.\n\n' +
      'Le fichier contient des données personnelles de vos salariés : conservez-le en lieu sûr et ne le partagez qu’avec les personnes qui en ont besoin.',
    links: [link.salaries],
    questions: [
      'Comment exporter la liste de mes salariés ?',
      'Télécharger la liste des affiliés sous Excel',
      'Extraction des salariés en CSV',
      'Avoir un fichier avec tous mes assurés',
    ],
    keywords: [
      'export',
      'exporter',
      'CSV',
      'Excel',
      'tableur',
      'fichier',
      'extraction',
      'télécharger la liste',
    ],
    followUps: ['mes-salaries', 'nir-affichage', 'donnees-personnelles'],
    audience: 'member',
    pages: ['/salaries'],
  },
  {
    id: 'nir-affichage',
    title: 'Numéro de sécurité sociale masqué',
    prompt: 'Pourquoi le numéro de sécurité sociale est-il masqué ?',
    text:
      'Le numéro de sécurité sociale (NIR) est une donnée sensible : il est masqué par défaut dans les listes. Vous pouvez l’afficher en entier pour un salarié quand vous en avez besoin ; chaque consultation est enregistrée dans le journal de l’entreprise.\n\n' +
      'Il n’apparaît jamais dans les adresses des pages, ni dans les e-mails.',
    links: [link.salaries],
    questions: [
      'Pourquoi le numéro de sécurité sociale est-il masqué ?',
      'Afficher le NIR complet d’un salarié',
      'Je ne vois que des étoiles à la place du numéro de sécu',
      'Voir le numéro de sécu en entier',
    ],
    keywords: [
      'NIR',
      'numéro de sécurité sociale',
      'masqué',
      'caché',
      'étoiles',
      'afficher',
      'complet',
      'en entier',
      'journal',
      'sensible',
    ],
    followUps: ['mes-salaries', 'donnees-personnelles', 'modifier-salarie'],
    audience: 'member',
    pages: ['/salaries'],
  },
  {
    id: 'salarie-introuvable',
    title: 'Un salarié n’apparaît pas dans mes listes',
    prompt: 'Pourquoi un salarié n’apparaît-il pas dans Mes salariés ?',
    text:
      '« Mes salariés » et « Mes contrats » ne montrent que les salariés dont l’affiliation est terminée et traitée.\n\n' +
      'Regardez dans « Suivi des affiliations » : s’il y figure, son affiliation est en cours (formulaire envoyé, démarré ou finalisé, puis traité par nos équipes). Vérifiez aussi « Suivi des anomalies d’affiliation ». S’il n’apparaît nulle part, pré-affiliez-le.\n\n' +
      'Pensez aussi à vérifier que l’entreprise sélectionnée en haut de l’écran est la bonne.',
    links: [link.suivi, link.anomalies, link.preAffiliation],
    questions: [
      'Pourquoi un salarié n’apparaît-il pas dans Mes salariés ?',
      'Je ne trouve pas mon nouvel employé dans la liste',
      'Un salarié manque dans mes contrats',
      'Mon salarié n’est pas dans la liste des affiliés',
    ],
    keywords: [
      'n’apparaît pas',
      'apparait pas',
      'manque',
      'absent',
      'introuvable',
      'pas dans la liste',
      'trouve pas',
      'manquant',
      'nouvel employé',
    ],
    followUps: ['suivi-affiliations', 'delai-affiliation', 'pre-affiliation'],
    audience: 'member',
    pages: ['/salaries'],
  },
  {
    id: 'modifier-salarie',
    title: 'Corriger les informations d’un salarié',
    prompt: 'Comment corriger les informations d’un salarié ?',
    text:
      'Les informations d’un salarié affilié (nom, adresse, date de naissance, numéro de sécurité sociale…) ne se modifient pas directement dans l’espace.\n\n' +
      'Envoyez la correction à nos équipes depuis « Nous contacter », motif « Gérer mes salariés » › « Affiliation d’un salarié », en joignant si besoin le justificatif (« Transmettre des documents pour mon salarié »). Ne saisissez pas de numéro de sécurité sociale dans cette discussion.',
    links: [link.contact],
    questions: [
      'Comment corriger les informations d’un salarié ?',
      'Modifier l’adresse d’un salarié',
      'Erreur dans le nom de mon employé',
      'Le numéro de sécu du salarié est faux',
      'Mettre à jour la situation d’un assuré',
    ],
    keywords: [
      'corriger',
      'modifier',
      'erreur',
      'faute',
      'changement',
      'adresse',
      'nom',
      'date de naissance',
      'situation',
      'informations du salarié',
      'mariage',
      'déménagement',
    ],
    followUps: ['transmettre-documents', 'nous-contacter', 'anomalies'],
    audience: 'member',
  },
  // ---------------------------------------------------------------- Affiliation
  {
    id: 'pre-affiliation',
    title: 'Pré-affilier un nouveau salarié',
    prompt: 'Comment affilier un nouveau salarié ?',
    text:
      'Allez dans « Mes salariés » › « Pré-affilier un salarié » et suivez les étapes, en validant chacune :\n' +
      '• 1. choisissez l’établissement ;\n' +
      '• 2. choisissez le statut professionnel (cadre ou non cadre) ;\n' +
      '• 3. remplissez les informations du salarié : civilité, nom, prénom, date de naissance, numéro de sécurité sociale, e-mail (facultatif), adresse postale, date d’embauche et date de début du contrat.\n\n' +
      'Un formulaire d’affiliation est ensuite envoyé au salarié par e-mail, ou par courrier s’il n’a pas d’adresse e-mail. Il le complète pour finaliser son affiliation.',
    links: [link.preAffiliation, link.suivi],
    questions: [
      'Comment affilier un nouveau salarié ?',
      'J’embauche quelqu’un, comment l’inscrire à la mutuelle ?',
      'Ajouter un employé au contrat santé',
      'Déclarer un nouvel embauché',
      'Étapes de la pré-affiliation',
      'Inscrire un salarié',
    ],
    keywords: [
      'pré-affiliation',
      'pré-affilier',
      'affilier',
      'affiliation',
      'nouveau salarié',
      'embauche',
      'embauché',
      'recrutement',
      'nouvel employé',
      'ajouter salarié',
      'inscrire',
      'inscription',
      'étapes',
      'adhésion',
    ],
    followUps: ['statut-professionnel', 'affiliation-courrier', 'formulaire-bia'],
    audience: 'member',
    pages: ['/salaries/pre-affiliation'],
  },
  {
    id: 'statut-professionnel',
    title: 'Cadre ou non cadre : le statut professionnel',
    prompt: 'Quel statut professionnel choisir ?',
    text:
      'Le statut professionnel (cadre ou non cadre) détermine le contrat sur lequel le salarié sera affilié : chaque contrat couvre une catégorie de personnel. Choisissez le statut prévu par le contrat de travail du salarié.\n\n' +
      'Un salarié rattaché au mauvais statut ou au mauvais établissement apparaît dans « Suivi des anomalies d’affiliation ».',
    links: [link.preAffiliation, link.contrats],
    questions: [
      'Quel statut professionnel choisir ?',
      'Mon salarié est-il cadre ou non cadre ?',
      'Erreur de catégorie pour un salarié',
      'A quoi sert le statut professionnel ?',
    ],
    keywords: [
      'statut professionnel',
      'cadre',
      'non cadre',
      'catégorie',
      'agent de maîtrise',
      'employé',
      'population',
    ],
    followUps: ['pre-affiliation', 'mes-contrats', 'anomalies'],
    audience: 'member',
    pages: ['/salaries/pre-affiliation'],
  },
  {
    id: 'affiliation-courrier',
    title: 'Salarié sans adresse e-mail : envoi par courrier',
    prompt: 'Mon salarié n’a pas d’e-mail, comment l’affilier ?',
    text:
      'L’e-mail du salarié est facultatif. S’il n’est pas renseigné lors de la pré-affiliation, le formulaire d’affiliation lui est envoyé par courrier postal, à l’adresse saisie.\n\n' +
      'Vous pouvez aussi télécharger ce formulaire depuis « Suivi des affiliations » pour le lui remettre en main propre. Le salarié le renvoie complété, avec ses justificatifs, à HCR Bien-Être.',
    links: [link.suivi, link.preAffiliation],
    questions: [
      'Mon salarié n’a pas d’e-mail, comment l’affilier ?',
      'Affiliation par courrier',
      'Envoyer le formulaire par la poste',
      'Salarié sans adresse mail',
      'Imprimer le formulaire d’affiliation',
    ],
    keywords: [
      'sans e-mail',
      'pas d’e-mail',
      'pas de mail',
      'courrier',
      'papier',
      'poste',
      'postal',
      'lettre',
      'imprimer',
      'main propre',
      'télécharger le formulaire',
    ],
    followUps: ['formulaire-bia', 'suivi-affiliations', 'pre-affiliation'],
    audience: 'member',
    pages: ['/salaries/pre-affiliation', '/salaries/suivi-affiliations'],
  },
  {
    id: 'formulaire-bia',
    title: 'Le formulaire d’affiliation du salarié (BIA)',
    prompt: 'Que doit faire le salarié pour finaliser son affiliation ?',
    text:
      'Le salarié reçoit un lien personnel et sécurisé vers son bulletin individuel d’affiliation (BIA). Il y vérifie son identité et son adresse, déclare ses bénéficiaires (conjoint, enfants), choisit la télétransmission Noémie pour chacun, indique ses coordonnées bancaires et dépose ses justificatifs.\n\n' +
      'Il peut enregistrer un brouillon et revenir plus tard, puis finaliser. Il peut aussi renvoyer le formulaire papier complété par courrier à HCR Bien-Être.\n\n' +
      'N’hésitez pas à le prévenir de l’arrivée de cet e-mail, essentiel pour finaliser son affiliation.',
    links: [link.suivi, link.documents],
    questions: [
      'Que doit faire le salarié pour finaliser son affiliation ?',
      'C’est quoi le BIA ?',
      'Comment mon salarié remplit son formulaire d’affiliation ?',
      'Le salarié doit-il compléter quelque chose ?',
      'Bulletin individuel d’affiliation',
    ],
    keywords: [
      'BIA',
      'bulletin',
      'formulaire d’affiliation',
      'formulaire',
      'lien personnel',
      'brouillon',
      'finaliser',
      'compléter',
      'remplir',
      'bénéficiaires',
      'définition',
    ],
    followUps: ['pieces-justificatives', 'suivi-affiliations', 'ayants-droit'],
    audience: 'member',
    pages: ['/salaries/suivi-affiliations'],
  },
  {
    id: 'pieces-justificatives',
    title: 'Les justificatifs à fournir par le salarié',
    prompt: 'Quels documents le salarié doit-il fournir ?',
    text:
      'Pour finaliser son affiliation, le salarié joint :\n' +
      '• un RIB (relevé d’identité bancaire), pour recevoir ses remboursements ;\n' +
      '• son attestation de droits à l’Assurance maladie (Sécurité sociale), téléchargeable sur son compte ameli ou disponible à sa caisse.\n\n' +
      'D’autres pièces peuvent être demandées selon sa situation (par exemple pour un conjoint ou des enfants) : elles sont alors précisées sur son formulaire d’affiliation.',
    links: [link.suivi],
    questions: [
      'Quels documents le salarié doit-il fournir ?',
      'Pièces justificatives pour l’affiliation',
      'Où trouver l’attestation de droits ?',
      'Faut-il un RIB pour affilier un salarié ?',
      'Justificatifs à joindre au formulaire',
    ],
    keywords: [
      'justificatifs',
      'pièces',
      'documents',
      'papiers',
      'nécessaires',
      'liste des pièces',
      'RIB',
      'attestation de droits',
      'attestation sécurité sociale',
      'ameli',
      'carte vitale',
      'fournir',
      'joindre',
      'IBAN',
      'coordonnées bancaires',
    ],
    followUps: ['formulaire-bia', 'transmettre-documents', 'ayants-droit'],
    audience: 'member',
  },
  {
    id: 'suivi-affiliations',
    title: 'Suivi des demandes d’affiliation : les statuts',
    prompt: 'Que signifient les statuts du suivi des affiliations ?',
    text:
      '« Suivi des affiliations » indique pour chaque demande le mode utilisé (e-mail ou courrier) et son statut :\n' +
      '• Envoyé à l’employé : l’e-mail ou le courrier a été envoyé ;\n' +
      '• Démarré par le salarié : il a commencé en ligne et enregistré un brouillon ;\n' +
      '• Finalisé par le salarié : son bulletin (en ligne ou papier) a été retourné à HCR Bien-Être ;\n' +
      '• Abandonné : son parcours a été interrompu ; il faut en démarrer un nouveau.\n\n' +
      'Le nombre de demandes par statut est aussi affiché sur la page d’accueil.',
    links: [link.suivi],
    questions: [
      'Que signifient les statuts du suivi des affiliations ?',
      'Où en est l’affiliation de mon salarié ?',
      'Statut envoyé à l’employé',
      'Démarré par le salarié, ça veut dire quoi ?',
      'Finalisé par le salarié',
      'Suivre les demandes d’affiliation',
    ],
    keywords: [
      'suivi',
      'suivi des affiliations',
      'statut',
      'statuts',
      'état',
      'avancement',
      'où en est',
      'envoyé à l’employé',
      'démarré',
      'finalisé',
      'abandonné',
      'en cours',
      'définition',
    ],
    followUps: ['relancer', 'affiliation-abandonnee', 'delai-affiliation'],
    audience: 'member',
    pages: ['/salaries/suivi-affiliations'],
  },
  {
    id: 'relancer',
    title: 'Relancer un salarié qui n’a pas complété son affiliation',
    prompt: 'Comment relancer un salarié ?',
    text:
      'Dans « Suivi des affiliations », cliquez sur « Actions » (…) en face de la demande puis sur « Relancer » : le salarié reçoit aussitôt un rappel.\n\n' +
      'Des rappels automatiques sont aussi envoyés aux salariés qui n’ont pas terminé ; sans réponse après un certain délai, la demande passe au statut « Abandonné ».',
    links: [link.suivi],
    questions: [
      'Comment relancer un salarié ?',
      'Mon salarié ne remplit pas son formulaire',
      'Envoyer un rappel au salarié',
      'Le salarié n’a pas répondu à son affiliation',
      'Renvoyer le mail d’affiliation',
    ],
    keywords: [
      'relancer',
      'relance',
      'rappel',
      'rappeler',
      'pas répondu',
      'pas rempli',
      'renvoyer',
      'actions',
      'automatique',
      'retard',
    ],
    followUps: ['email-salarie-non-recu', 'affiliation-abandonnee', 'suivi-affiliations'],
    audience: 'member',
    pages: ['/salaries/suivi-affiliations'],
  },
  {
    id: 'affiliation-abandonnee',
    title: 'Demande d’affiliation « Abandonné »',
    prompt: 'Que faire quand une affiliation est abandonnée ?',
    text:
      'Le statut « Abandonné » signifie que le parcours du salarié a été interrompu (par exemple sans réponse malgré les rappels). Son ancien lien ne fonctionne plus.\n\n' +
      'Pour lui redonner accès, démarrez un nouveau parcours : refaites une pré-affiliation depuis « Pré-affilier un salarié ».',
    links: [link.preAffiliation, link.suivi],
    questions: [
      'Que faire quand une affiliation est abandonnée ?',
      'Statut abandonné',
      'Le lien du salarié ne marche plus',
      'Redonner accès au salarié pour son affiliation',
    ],
    keywords: [
      'abandonné',
      'abandon',
      'interrompu',
      'redonner accès',
      'nouveau parcours',
      'recommencer',
      'lien expiré',
      'refaire',
    ],
    followUps: ['pre-affiliation', 'relancer', 'suivi-affiliations'],
    audience: 'member',
    pages: ['/salaries/suivi-affiliations'],
  },
  {
    id: 'email-salarie-non-recu',
    title: 'Le salarié n’a pas reçu l’e-mail d’affiliation',
    prompt: 'Mon salarié n’a pas reçu l’e-mail d’affiliation, que faire ?',
    text:
      'Demandez-lui de regarder dans ses courriers indésirables (spam) et vérifiez l’adresse e-mail indiquée dans « Suivi des affiliations ».\n\n' +
      'Vous pouvez le relancer depuis « Actions » › « Relancer », ou télécharger le formulaire d’affiliation et le lui remettre. Le modèle « E-mail d’affiliation » de « Mes documents pratiques » vous aide à le prévenir de ce qu’il va recevoir.',
    links: [link.suivi, link.documents],
    questions: [
      'Mon salarié n’a pas reçu l’e-mail d’affiliation',
      'L’employé ne trouve pas le mail pour s’affilier',
      'Le salarié dit qu’il n’a rien reçu',
      'Mauvaise adresse mail pour mon salarié',
    ],
    keywords: [
      'salarié pas reçu',
      'employé',
      'rien reçu',
      'e-mail d’affiliation',
      'mail',
      'spam',
      'indésirables',
      'mauvaise adresse',
      'adresse e-mail du salarié',
    ],
    followUps: ['relancer', 'affiliation-courrier', 'documents-pratiques'],
    audience: 'member',
    pages: ['/salaries/suivi-affiliations'],
  },
  {
    id: 'delai-affiliation',
    title: 'Quand le salarié apparaît-il comme affilié ?',
    prompt: 'Combien de temps pour qu’un salarié soit affilié ?',
    text:
      'Une fois le bulletin « Finalisé par le salarié », nos équipes vérifient les informations et les justificatifs. Dès que c’est fait, le salarié devient assuré sur le contrat correspondant à son établissement et à son statut : il apparaît alors dans « Mes salariés » et « Mes contrats ».\n\n' +
      'Sa couverture prend effet à la date de début indiquée lors de la pré-affiliation. Il manque un justificatif ? Le salarié peut le transmettre, ou vous pouvez le faire depuis « Nous contacter ».',
    links: [link.suivi, link.salaries],
    questions: [
      'Combien de temps pour qu’un salarié soit affilié ?',
      'Le formulaire est finalisé mais le salarié n’est pas encore assuré',
      'Quand l’affiliation est-elle validée ?',
      'Délai de traitement d’une affiliation',
      'À partir de quand mon salarié est couvert ?',
    ],
    keywords: [
      'délai',
      'combien de temps',
      'quand',
      'traitement',
      'validée',
      'validation',
      'date d’effet',
      'couvert',
      'couverture',
      'à partir de quand',
      'encore',
    ],
    followUps: ['suivi-affiliations', 'salarie-introuvable', 'certificat-affiliation'],
    audience: 'member',
  },
  // ---------------------------------------------------------------- Anomalies, radiation, portabilité
  {
    id: 'anomalies',
    title: 'Le suivi des anomalies d’affiliation',
    prompt: 'Qu’est-ce qu’une anomalie d’affiliation ?',
    text:
      '« Mes salariés » › « Suivi des anomalies d’affiliation » liste les affiliations qui posent problème, en comparant les données de votre DSN avec les affiliations :\n' +
      '• salarié déclaré en DSN mais pas affilié ;\n' +
      '• contrat de travail terminé en DSN mais salarié toujours affilié ;\n' +
      '• identité différente (numéro de sécurité sociale, nom, date de naissance) ;\n' +
      '• mauvaise catégorie ou mauvais établissement.\n\n' +
      'Chaque ligne indique le SIRET, l’établissement, le salarié, le détail de l’anomalie et la date d’affiliation.',
    links: [link.anomalies],
    questions: [
      'Qu’est-ce qu’une anomalie d’affiliation ?',
      'J’ai des anomalies sur la page d’accueil',
      'Pourquoi mon salarié est en anomalie ?',
      'Liste des anomalies',
      'Anomalie DSN',
    ],
    keywords: [
      'anomalie',
      'anomalies',
      'problème',
      'erreur',
      'incohérence',
      'écart',
      'DSN',
      'non affilié',
      'identité',
      'catégorie',
      'définition',
    ],
    followUps: ['forcer-anomalie', 'dsn', 'dispense-adhesion'],
    audience: 'member',
    pages: ['/salaries/anomalies'],
  },
  {
    id: 'forcer-anomalie',
    title: 'Forcer l’affiliation ou la radiation',
    prompt: 'Comment traiter une anomalie d’affiliation ?',
    text:
      'Dans « Suivi des anomalies d’affiliation », la colonne « Actions » propose, selon le cas :\n' +
      '• Forcer l’affiliation : vous confirmez que le salarié doit être couvert ;\n' +
      '• Forcer la radiation : vous confirmez qu’il ne fait plus partie de vos effectifs, sa couverture prend fin.\n\n' +
      'Un salarié qui bénéficie d’une dispense d’adhésion valable ne doit pas être affilié de force : une fois sa dispense enregistrée, l’anomalie est levée. En cas de doute, contactez-nous avant d’agir.',
    links: [link.anomalies],
    questions: [
      'Comment traiter une anomalie d’affiliation ?',
      'Forcer l’affiliation d’un salarié',
      'Forcer la radiation',
      'Résoudre une anomalie',
      'Que faire d’une anomalie ?',
    ],
    keywords: [
      'forcer',
      'forcer l’affiliation',
      'forcer la radiation',
      'traiter',
      'résoudre',
      'corriger',
      'régulariser',
      'actions',
      'anomalie',
    ],
    followUps: ['anomalies', 'dispense-adhesion', 'radiation'],
    audience: 'member',
    pages: ['/salaries/anomalies'],
  },
  {
    id: 'radiation',
    title: 'Radier un salarié qui quitte l’entreprise',
    prompt: 'Comment radier un salarié ?',
    text:
      'Quand un salarié quitte l’entreprise, sa fin de contrat remonte normalement par votre DSN. Pour radier directement, allez dans « Mes salariés » › « Radiation (contexte sans DSN) », ou dans « Mes contrats », colonne Actions.\n\n' +
      'Indiquez la date de fin et le motif, puis confirmez : la date de fin de l’assuré est enregistrée, la portabilité est calculée d’après le motif et le salarié est prévenu par e-mail. Le certificat de radiation est ensuite téléchargeable.\n\n' +
      'La date de fin peut remonter jusqu’à 90 jours et aller jusqu’à un an à l’avance ; au-delà, contactez-nous.',
    links: [link.radiation, link.contrats],
    questions: [
      'Comment radier un salarié ?',
      'Un employé quitte l’entreprise, que dois-je faire ?',
      'Mettre fin à la mutuelle d’un salarié',
      'Départ d’un salarié',
      'Supprimer un salarié de la mutuelle',
      'Radiation sans DSN',
    ],
    keywords: [
      'radier',
      'radiation',
      'départ',
      'quitte',
      'part',
      'parti',
      'sortie',
      'fin de contrat',
      'date de fin',
      'supprimer salarié',
      'retirer',
      'licencié',
      'démission',
      'décès',
      'décédé',
      'sans DSN',
      'mettre fin',
      'résilier',
    ],
    followUps: ['motifs-radiation', 'portabilite', 'attestation-radiation'],
    audience: 'member',
    pages: ['/salaries/radiation', '/contrats'],
  },
  {
    id: 'motifs-radiation',
    title: 'Les motifs de radiation',
    prompt: 'Quel motif de radiation choisir ?',
    text:
      'Choisissez le motif qui correspond à la fin du contrat de travail : démission, licenciement, licenciement pour faute grave, licenciement pour faute lourde, fin de CDD, rupture conventionnelle, départ à la retraite, décès ou autre motif.\n\n' +
      'Le motif compte : il détermine si l’ancien salarié a droit à la portabilité. Dans l’espace, l’ouvrent les motifs : licenciement, licenciement pour faute grave, fin de CDD, rupture conventionnelle. Un « autre motif » est examiné par nos équipes.',
    links: [link.radiation],
    questions: [
      'Quel motif de radiation choisir ?',
      'Motif de départ pour une fin de CDD',
      'Liste des motifs de radiation',
      'Radiation pour démission ou retraite',
    ],
    keywords: [
      'motif',
      'motifs',
      'raison',
      'démission',
      'licenciement',
      'faute grave',
      'fin de CDD',
      'CDD',
      'rupture conventionnelle',
      'retraite',
      'décès',
      'autre motif',
    ],
    followUps: ['portabilite', 'radiation', 'attestation-radiation'],
    audience: 'member',
    pages: ['/salaries/radiation'],
  },
  {
    id: 'portabilite',
    title: 'La portabilité des droits',
    prompt: 'C’est quoi la portabilité ?',
    text:
      'La portabilité (article L. 911-8 du Code de la sécurité sociale) permet à un ancien salarié de garder gratuitement sa couverture santé après la fin de son contrat de travail, lorsque cette fin lui ouvre droit à l’assurance chômage et n’est pas due à une faute lourde.\n\n' +
      'Elle dure autant que son dernier contrat de travail dans l’entreprise, en mois entiers arrondis au mois supérieur, et 12 mois au maximum. Elle cesse s’il retrouve un emploi ou n’est plus indemnisé par France Travail.\n\n' +
      'Lors d’une radiation dans l’espace, la portabilité est calculée d’après le motif et les dates, et l’ancien salarié en est informé par e-mail.',
    links: [link.radiation],
    questions: [
      'C’est quoi la portabilité ?',
      'Mon ancien salarié garde-t-il sa mutuelle ?',
      'Combien de temps dure la portabilité ?',
      'Maintien des garanties après un licenciement',
      'Droit à la portabilité après une rupture conventionnelle',
      'La portabilité est-elle payante ?',
    ],
    keywords: [
      'portabilité',
      'maintien',
      'garder',
      'conserver',
      'ancien salarié',
      'chômage',
      'France Travail',
      'Pôle emploi',
      '12 mois',
      'gratuit',
      'durée',
      'L. 911-8',
      'faute lourde',
      'définition',
    ],
    followUps: ['motifs-radiation', 'radiation', 'attestation-radiation'],
    audience: 'everyone',
    pages: ['/salaries/radiation'],
  },
  {
    id: 'certificat-affiliation',
    title: 'Télécharger un certificat (attestation) d’affiliation',
    prompt: 'Comment obtenir un certificat d’affiliation ?',
    text:
      'Dans « Mes contrats », ouvrez le contrat du salarié puis, dans la colonne Actions, cliquez sur « Télécharger le certificat d’affiliation » : un PDF est généré aussitôt.\n\n' +
      'Il atteste que le salarié est affilié au régime, avec son contrat et sa date d’effet.',
    links: [link.contrats],
    questions: [
      'Comment obtenir un certificat d’affiliation ?',
      'Attestation de mutuelle pour un salarié',
      'Mon salarié me demande une attestation d’adhésion',
      'Télécharger le certificat en PDF',
      'Justificatif d’affiliation',
    ],
    keywords: [
      'certificat',
      'certificat d’affiliation',
      'attestation',
      'attestation d’affiliation',
      'attestation de mutuelle',
      'justificatif',
      'preuve',
      'PDF',
      'télécharger',
      'imprimer',
    ],
    followUps: ['attestation-radiation', 'detail-contrat', 'documents-pratiques'],
    audience: 'member',
    pages: ['/contrats'],
  },
  {
    id: 'attestation-radiation',
    title: 'L’attestation de radiation',
    prompt: 'Où trouver l’attestation de radiation ?',
    text:
      'Après une radiation, l’attestation (ou certificat) de radiation du salarié se télécharge en PDF depuis « Radiation (contexte sans DSN) » ou depuis la liste de vos salariés. Elle indique la date de fin de sa couverture.\n\n' +
      'L’ancien salarié peut en avoir besoin pour adhérer à une nouvelle complémentaire santé.',
    links: [link.radiation, link.salaries],
    questions: [
      'Où trouver l’attestation de radiation ?',
      'Certificat de radiation d’un ancien salarié',
      'Mon ex-salarié me demande un justificatif de fin de mutuelle',
      'Preuve de radiation',
    ],
    keywords: [
      'attestation de radiation',
      'certificat de radiation',
      'fin de couverture',
      'ex-salarié',
      'ancien salarié',
      'justificatif',
      'radié',
      'preuve',
    ],
    followUps: ['radiation', 'portabilite', 'certificat-affiliation'],
    audience: 'member',
    pages: ['/salaries/radiation'],
  },
  // ---------------------------------------------------------------- Documents and contact
  {
    id: 'documents-pratiques',
    title: 'Mes documents pratiques',
    prompt: 'Quels documents puis-je télécharger ?',
    text:
      '« Mes documents pratiques » regroupe des documents liés à votre régime, à télécharger :\n' +
      '• pour vos salariés : le Mandat SEPA et le modèle d’E-mail d’affiliation ;\n' +
      '• des guides : Guide utilisateur Espace Entreprise, Guide utilisateur Espace Assuré et Guide pratique Assurés.',
    links: [link.documents],
    questions: [
      'Quels documents puis-je télécharger ?',
      'Où sont les documents utiles ?',
      'Télécharger les guides',
      'Documents à donner à mes salariés',
      'Modèle d’e-mail d’affiliation',
    ],
    keywords: [
      'documents',
      'documents pratiques',
      'documents utiles',
      'télécharger',
      'modèle',
      'e-mail d’affiliation',
      'guides',
      'brochure',
      'notice',
    ],
    followUps: ['mandat-sepa', 'guides', 'certificat-affiliation'],
    audience: 'member',
    pages: ['/documents'],
  },
  {
    id: 'mandat-sepa',
    title: 'Le mandat SEPA',
    prompt: 'À quoi sert le mandat SEPA ?',
    text:
      'Le mandat de prélèvement SEPA permet au salarié d’autoriser le prélèvement, sur son compte bancaire, des cotisations restant à sa charge, par exemple pour des garanties facultatives ou la couverture de sa famille, selon votre contrat.\n\n' +
      'Il est disponible dans « Mes documents pratiques » › « Documents utiles salariés ». Le salarié le complète, le signe et le renvoie avec son RIB.',
    links: [link.documents],
    questions: [
      'À quoi sert le mandat SEPA ?',
      'Où trouver le mandat de prélèvement ?',
      'Le salarié doit-il signer un mandat SEPA ?',
      'Autorisation de prélèvement',
    ],
    keywords: ['mandat SEPA', 'SEPA', 'prélèvement', 'mandat', 'autorisation', 'compte bancaire', 'signer'],
    followUps: ['documents-pratiques', 'pieces-justificatives', 'cotisations'],
    audience: 'everyone',
    pages: ['/documents'],
  },
  {
    id: 'guides',
    title: 'Les guides utilisateur',
    prompt: 'Où trouver le guide utilisateur ?',
    text:
      'Trois guides sont téléchargeables dans « Mes documents pratiques » › « Guides pratiques » :\n' +
      '• Guide utilisateur Espace Entreprise : la prise en main de cet espace ;\n' +
      '• Guide utilisateur Espace Assuré : l’espace en ligne de vos salariés ;\n' +
      '• Guide pratique Assurés : les démarches et remboursements de vos salariés.',
    links: [link.documents],
    questions: [
      'Où trouver le guide utilisateur ?',
      'Mode d’emploi de l’espace entreprise',
      'Notice pour mes salariés',
      'Guide de l’espace assuré',
      'Tutoriel du portail',
    ],
    keywords: [
      'guide',
      'guides',
      'guide utilisateur',
      'mode d’emploi',
      'notice',
      'tutoriel',
      'manuel',
      'espace assuré',
      'guide pratique',
      'aide',
    ],
    followUps: ['documents-pratiques', 'fonctionnalites', 'remboursements'],
    audience: 'everyone',
    pages: ['/documents'],
  },
  {
    id: 'nous-contacter',
    title: 'Nous contacter par message',
    prompt: 'Comment contacter HCR Bien-Être ?',
    text:
      'Depuis « Nous contacter », envoyez un message à nos équipes en choisissant le motif qui correspond à votre demande :\n' +
      '• Gérer mon contrat : Information sur les cotisations, ou Autre demande ;\n' +
      '• Gérer mes salariés : Affiliation d’un salarié, Radiation d’un salarié, ou Transmettre des documents pour mon salarié.\n\n' +
      'Vous pouvez joindre jusqu’à 4 documents de 3 Mo chacun au maximum, et retrouver vos messages envoyés. Vous préférez parler à un conseiller ? Appelez le ' +
      HELP +
      '.',
    links: [link.contact],
    questions: [
      'Comment contacter HCR Bien-Être ?',
      'Envoyer un message au service client',
      'Écrire à un conseiller',
      'Adresse e-mail du service entreprises',
      'Combien de pièces jointes puis-je envoyer ?',
      'Taille maximale des fichiers joints',
    ],
    keywords: [
      'contacter',
      'contact',
      'nous contacter',
      'message',
      'écrire',
      'formulaire de contact',
      'conseiller',
      'service client',
      'motif',
      'pièce jointe',
      '4 documents',
      '3 Mo',
      'taille',
      'réclamation',
      'question',
    ],
    followUps: ['aide-telephone', 'transmettre-documents', 'cotisations'],
    audience: 'everyone',
    pages: ['/contact'],
  },
  {
    id: 'transmettre-documents',
    title: 'Transmettre des documents pour un salarié',
    prompt: 'Comment envoyer un document pour mon salarié ?',
    text:
      'Dans « Nous contacter », choisissez le motif « Gérer mes salariés » › « Transmettre des documents pour mon salarié », décrivez votre demande et joignez jusqu’à 4 fichiers (3 Mo maximum chacun).\n\n' +
      'Les documents contenant des données personnelles (RIB, attestation de droits…) passent uniquement par ce formulaire sécurisé, jamais par cette discussion.',
    links: [link.contact],
    questions: [
      'Comment envoyer un document pour mon salarié ?',
      'Transmettre le RIB d’un salarié',
      'Envoyer une attestation de droits',
      'Joindre un justificatif pour un employé',
      'Où déposer les papiers de mon salarié ?',
    ],
    keywords: [
      'transmettre',
      'envoyer document',
      'joindre',
      'pièce jointe',
      'déposer',
      'papiers',
      'justificatif',
      'RIB',
      'attestation',
      'fichier',
      'scan',
    ],
    followUps: ['nous-contacter', 'pieces-justificatives', 'donnees-sensibles'],
    audience: 'member',
    pages: ['/contact'],
  },
  {
    id: 'cotisations',
    title: 'Questions sur les cotisations',
    prompt: 'J’ai une question sur mes cotisations',
    text:
      'Les cotisations (montants, appels, échéancier, paiement, régularisations) ne sont pas affichées dans cet espace : nos équipes vous répondent.\n\n' +
      'Écrivez-nous depuis « Nous contacter », motif « Gérer mon contrat » › « Information sur les cotisations », ou appelez le ' +
      HELP +
      '.',
    links: [link.contact],
    questions: [
      'J’ai une question sur mes cotisations',
      'Combien coûte la mutuelle pour l’entreprise ?',
      'Montant de la cotisation mensuelle',
      'Je n’ai pas reçu mon appel de cotisation',
      'Tarif du contrat santé',
      'Payer mes cotisations',
    ],
    keywords: [
      'cotisation',
      'cotisations',
      'montant',
      'tarif',
      'prix',
      'coût',
      'coûte',
      'payer',
      'paiement',
      'facture',
      'appel de cotisation',
      'échéancier',
      'régularisation',
      'taux',
      'part employeur',
      'combien',
      'cher',
      'élevé',
      'augmentation',
      'hausse',
    ],
    followUps: ['nous-contacter', 'aide-telephone', 'regime-obligatoire'],
    audience: 'everyone',
  },
  {
    id: 'aide-telephone',
    title: 'Besoin d’aide ? Notre ligne dédiée',
    prompt: 'Quel est le numéro de téléphone du service ?',
    text:
      'Nos conseillers vous accompagnent ' +
      HELP_LINE_HOURS +
      ' sur votre ligne dédiée : ' +
      HELP_LINE_PHONE +
      ' (numéro non surtaxé).\n\n' +
      'Vous pouvez aussi nous écrire à tout moment depuis « Nous contacter ».',
    links: [link.contact],
    questions: [
      'Quel est le numéro de téléphone du service ?',
      'Je veux parler à un conseiller',
      'Horaires du service client',
      'Appeler HCR Bien-Être',
      'Numéro de la hotline',
      'Êtes-vous ouverts le samedi ?',
    ],
    keywords: [
      'téléphone',
      'numéro',
      'appeler',
      'conseiller',
      'hotline',
      'horaires',
      'ouvert',
      'joindre',
      'parler',
      'humain',
      'standard',
      'ligne dédiée',
      'aide',
      'besoin d’aide',
      'assistance',
    ],
    followUps: ['nous-contacter', 'code-sms-non-recu', 'cotisations'],
    audience: 'everyone',
  },
  // ---------------------------------------------------------------- The scheme and the law
  {
    id: 'dispense-adhesion',
    title: 'Les dispenses d’adhésion',
    prompt: 'Un salarié peut-il refuser la mutuelle ?',
    text:
      'L’affiliation est obligatoire, mais un salarié peut demander à être dispensé dans les cas prévus par la loi, notamment :\n' +
      '• il bénéficie de la complémentaire santé solidaire (CSS) ;\n' +
      '• il est couvert par un contrat individuel, jusqu’à l’échéance de ce contrat ;\n' +
      '• il est déjà couvert par un autre régime collectif obligatoire, y compris comme ayant droit (par exemple par la mutuelle obligatoire de son conjoint) ;\n' +
      '• il est en CDD ou en mission de moins de 3 mois et dispose d’une autre couverture ;\n' +
      '• il était présent lors de la mise en place du régime par décision unilatérale de l’employeur prévoyant une cotisation salariale.\n\n' +
      'La dispense est toujours demandée par le salarié lui-même : elle ne peut pas lui être imposée.',
    links: [link.anomalies, link.contact],
    questions: [
      'Un salarié peut-il refuser la mutuelle ?',
      'Mon employé a déjà une mutuelle, doit-il adhérer ?',
      'Cas de dispense d’affiliation',
      'Salarié couvert par la mutuelle de son conjoint',
      'Dispense pour un CDD court',
      'Le salarié a la complémentaire santé solidaire',
    ],
    keywords: [
      'dispense',
      'dispenses',
      'dispensé',
      'refuser',
      'refus',
      'exonération',
      'déjà une mutuelle',
      'déjà couvert',
      'conjoint',
      'CSS',
      'complémentaire santé solidaire',
      'CMU',
      'contrat individuel',
      'CDD',
      'intérim',
      'obligatoire',
      'DUE',
    ],
    followUps: ['dispense-demarche', 'regime-obligatoire', 'anomalies'],
    audience: 'everyone',
  },
  {
    id: 'dispense-demarche',
    title: 'Enregistrer une dispense d’adhésion',
    prompt: 'Comment enregistrer la dispense d’un salarié ?',
    text:
      'Le salarié vous remet une demande écrite de dispense, datée et signée, qui indique le cas de dispense et reconnaît avoir été informé des conséquences, accompagnée d’un justificatif (attestation de l’autre couverture, de la CSS…).\n\n' +
      'Enregistrez ensuite le motif, la demande, le justificatif et la date de fin de la dispense : un salarié dispensé n’est plus signalé en anomalie. Certaines dispenses ont une durée limitée (échéance du contrat individuel, fin de la CSS) : le justificatif doit alors être renouvelé.\n\n' +
      'Conservez ces pièces : elles peuvent vous être demandées en cas de contrôle URSSAF.',
    links: [link.anomalies, link.contact],
    questions: [
      'Comment enregistrer la dispense d’un salarié ?',
      'Quels justificatifs pour une dispense ?',
      'Le salarié doit-il écrire une lettre pour être dispensé ?',
      'Renouveler une dispense chaque année',
      'Contrôle URSSAF dispense',
    ],
    keywords: [
      'dispense',
      'demande écrite',
      'lettre',
      'attestation sur l’honneur',
      'justificatif',
      'pièces',
      'papiers',
      'renouveler',
      'échéance',
      'date de fin',
      'URSSAF',
      'contrôle',
      'enregistrer',
      'conserver',
      'garder',
    ],
    followUps: ['dispense-adhesion', 'anomalies', 'forcer-anomalie'],
    audience: 'everyone',
  },
  {
    id: 'regime-obligatoire',
    title: 'Un régime santé collectif et obligatoire',
    prompt: 'La mutuelle d’entreprise est-elle obligatoire ?',
    text:
      'Depuis 2016, tout employeur du secteur privé doit proposer à ses salariés une complémentaire santé collective et en financer au moins la moitié. Dans les hôtels, cafés et restaurants, le régime HCR Bien-Être s’applique à l’ensemble des salariés de l’entreprise.\n\n' +
      'L’affiliation est donc obligatoire, dès l’embauche, sauf dispense demandée par le salarié dans un cas prévu par la loi.',
    links: [link.preAffiliation],
    questions: [
      'La mutuelle d’entreprise est-elle obligatoire ?',
      'Dois-je affilier tous mes salariés ?',
      'Les apprentis et les extras doivent-ils être affiliés ?',
      'Participation de l’employeur à la mutuelle',
    ],
    keywords: [
      'obligatoire',
      'obligation',
      'tous les salariés',
      'ANI',
      'loi',
      'complémentaire santé collective',
      'financer',
      'moitié',
      '50 %',
      'participation employeur',
      'apprentis',
      'extras',
      'saisonniers',
      'temps partiel',
    ],
    followUps: ['dispense-adhesion', 'pre-affiliation', 'assureur'],
    audience: 'everyone',
  },
  {
    id: 'assureur',
    title: 'Qui est votre assureur ?',
    prompt: 'Qui gère le régime HCR Bien-Être ?',
    text:
      'HCR Bien-Être est le régime de complémentaire santé collective des hôtels, cafés et restaurants, géré conjointement avec Malakoff Humanis.\n\n' +
      'L’Espace Entreprise Santé est l’espace en ligne des employeurs et de leurs tiers déclarants ; vos salariés disposent de leur propre Espace Assuré.',
    links: [link.accueil],
    questions: [
      'Qui gère le régime HCR Bien-Être ?',
      'Qui est mon assureur ?',
      'C’est quoi HCR Bien-Être ?',
      'Quel est le lien avec Malakoff Humanis ?',
      'Qui est l’organisme de ma mutuelle ?',
    ],
    keywords: [
      'assureur',
      'organisme',
      'HCR',
      'HCR Bien-Être',
      'Malakoff Humanis',
      'hôtels cafés restaurants',
      'branche',
      'convention collective',
      'régime',
      'gestionnaire',
      'qui',
      'définition',
    ],
    followUps: ['regime-obligatoire', 'fonctionnalites', 'aide-telephone'],
    audience: 'everyone',
  },
  {
    id: 'noemie',
    title: 'La télétransmission Noémie',
    prompt: 'C’est quoi la télétransmission Noémie ?',
    text:
      'Noémie est la liaison informatique entre l’Assurance maladie et la complémentaire santé : les remboursements de la Sécurité sociale sont transmis automatiquement, et la part complémentaire est versée sans que l’assuré envoie ses décomptes.\n\n' +
      'Le salarié la choisit pour lui et chacun de ses bénéficiaires dans son formulaire d’affiliation ; le détail d’un contrat indique si elle est active (oui/non). Une personne ne peut l’activer qu’auprès d’une seule complémentaire.',
    links: [link.contrats],
    questions: [
      'C’est quoi la télétransmission Noémie ?',
      'Noémie non dans le détail du contrat',
      'Activer la télétransmission pour un salarié',
      'Mon salarié doit envoyer ses décomptes',
      'Liaison avec la CPAM',
    ],
    keywords: [
      'Noémie',
      'télétransmission',
      'CPAM',
      'Assurance maladie',
      'décomptes',
      'remboursements automatiques',
      'liaison',
      'sécurité sociale',
      'définition',
    ],
    followUps: ['detail-contrat', 'formulaire-bia', 'remboursements'],
    audience: 'everyone',
  },
  {
    id: 'dsn',
    title: 'La DSN et votre espace',
    prompt: 'Quel est le lien entre la DSN et mon espace ?',
    text:
      'La DSN (déclaration sociale nominative) est la déclaration mensuelle que votre logiciel de paie ou votre tiers déclarant transmet à partir de la paie. Elle informe aussi votre organisme de complémentaire santé des embauches, des changements de situation et des fins de contrat.\n\n' +
      'Nous comparons ces données avec les affiliations : les écarts apparaissent dans « Suivi des anomalies d’affiliation ». Lorsqu’une fin de contrat ne passe pas par la DSN, radiez le salarié dans « Radiation (contexte sans DSN) ».',
    links: [link.anomalies, link.radiation],
    questions: [
      'Quel est le lien entre la DSN et mon espace ?',
      'C’est quoi la DSN ?',
      'Ma DSN suffit-elle pour affilier mes salariés ?',
      'Radiation hors DSN',
      'Déclaration sociale nominative',
    ],
    keywords: [
      'DSN',
      'déclaration sociale nominative',
      'déclaration',
      'paie',
      'logiciel de paie',
      'mensuelle',
      'net-entreprises',
      'sans DSN',
      'hors DSN',
      'définition',
    ],
    followUps: ['anomalies', 'radiation', 'tiers-declarant'],
    audience: 'everyone',
  },
  {
    id: 'ayants-droit',
    title: 'Couvrir le conjoint et les enfants',
    prompt: 'Comment ajouter le conjoint ou les enfants d’un salarié ?',
    text:
      'Le salarié déclare lui-même ses bénéficiaires (conjoint, enfants) dans son formulaire d’affiliation, avec les justificatifs demandés. Vous voyez ensuite leur couverture dans le détail du contrat (colonnes conjoint et enfants).\n\n' +
      'Pour un changement après l’affiliation (naissance, mariage, PACS…), le salarié passe par son Espace Assuré ; vous pouvez aussi nous transmettre ses documents depuis « Nous contacter ».',
    links: [link.contrats, link.contact],
    questions: [
      'Comment ajouter le conjoint ou les enfants d’un salarié ?',
      'Mon salarié a eu un bébé',
      'Couvrir la famille d’un employé',
      'Ajouter un ayant droit',
      'Le conjoint peut-il être couvert ?',
    ],
    keywords: [
      'conjoint',
      'enfants',
      'enfant',
      'famille',
      'ayants droit',
      'ayant droit',
      'bénéficiaires',
      'naissance',
      'bébé',
      'mariage',
      'PACS',
      'concubin',
      'époux',
      'épouse',
    ],
    followUps: ['formulaire-bia', 'detail-contrat', 'transmettre-documents'],
    audience: 'everyone',
  },
  {
    id: 'remboursements',
    title: 'Remboursements et garanties de vos salariés',
    prompt: 'Où mes salariés suivent-ils leurs remboursements ?',
    text:
      'Les remboursements, garanties, cartes de tiers payant et devis concernent vos salariés directement : ils les consultent dans leur Espace Assuré, et le Guide pratique Assurés leur explique les démarches.\n\n' +
      'Pour protéger leur vie privée, cet espace employeur n’affiche aucune donnée de santé ni aucun remboursement.',
    links: [link.documents],
    questions: [
      'Où mes salariés suivent-ils leurs remboursements ?',
      'Mon salarié n’a pas été remboursé',
      'Carte de tiers payant d’un employé',
      'Quelles sont les garanties pour les lunettes ?',
      'Mon employé a une question sur ses soins',
    ],
    keywords: [
      'remboursement',
      'remboursements',
      'remboursé',
      'garanties',
      'tiers payant',
      'carte mutuelle',
      'soins',
      'lunettes',
      'dentaire',
      'optique',
      'hospitalisation',
      'devis',
      'espace assuré',
      'prise en charge',
    ],
    followUps: ['guides', 'noemie', 'assureur'],
    audience: 'everyone',
  },
  {
    id: 'donnees-personnelles',
    title: 'Protection des données personnelles (RGPD)',
    prompt: 'Comment sont protégées les données de mes salariés ?',
    text:
      'Les données de l’espace sont traitées par l’assureur pour la gestion du régime, conformément au RGPD, et hébergées dans l’Union européenne. Le numéro de sécurité sociale est masqué dans les listes, chaque affichage complet est journalisé, et la connexion est protégée par la double authentification.\n\n' +
      'Pour exercer vos droits (accès, rectification, effacement…), écrivez depuis « Nous contacter », motif « Autre demande », objet « Données personnelles ». Le détail figure dans les conditions générales d’utilisation.',
    links: [link.cgu, link.contact],
    questions: [
      'Comment sont protégées les données de mes salariés ?',
      'RGPD et espace entreprise',
      'Exercer mon droit d’accès à mes données',
      'Où sont hébergées les données ?',
      'Qui a accès aux informations de mes employés ?',
    ],
    keywords: [
      'RGPD',
      'données personnelles',
      'protection des données',
      'vie privée',
      'confidentialité',
      'CNIL',
      'DPO',
      'droit d’accès',
      'rectification',
      'effacement',
      'hébergement',
      'sécurité',
      'CGU',
      'conditions générales',
    ],
    followUps: ['donnees-sensibles', 'nir-affichage', 'double-authentification'],
    audience: 'everyone',
    pages: ['/cgu'],
  },
  {
    id: 'donnees-sensibles',
    title: 'Ne partagez pas de données sensibles ici',
    prompt: 'Puis-je vous envoyer un numéro de sécurité sociale ou un RIB ici ?',
    text:
      'Pour votre sécurité, ne communiquez jamais votre numéro de sécurité sociale (ni celui d’un salarié) ou vos coordonnées bancaires ici.\n\n' +
      'Je suis un assistant automatique : je n’ai pas accès à votre dossier. Pour une demande qui concerne un salarié précis, utilisez « Nous contacter » (jusqu’à 4 documents joints), ou appelez le ' +
      HELP +
      '.',
    links: [link.contact],
    questions: [
      'Puis-je vous donner le numéro de sécurité sociale de mon salarié ?',
      'Je vous envoie mon RIB ici ?',
      'Voici le numéro de sécu de mon employé',
      'Je peux vous communiquer mon IBAN ?',
      'Mon numéro de carte bancaire',
    ],
    keywords: [
      'numéro de sécurité sociale',
      'NIR',
      'sécu',
      'RIB',
      'IBAN',
      'coordonnées bancaires',
      'carte bancaire',
      'donner',
      'communiquer',
      'envoyer',
      'ici',
      'chat',
      'voici',
      'confidentiel',
    ],
    followUps: ['transmettre-documents', 'donnees-personnelles', 'nous-contacter'],
    audience: 'everyone',
  },
  {
    id: 'assistant',
    title: 'Ce que l’assistant sait faire',
    prompt: 'Que sait faire l’assistant ?',
    text:
      'Je réponds aux questions courantes sur l’Espace Entreprise Santé : activation, identifiant entreprise, double authentification, mot de passe, ajout d’utilisateurs, affiliations, radiations, documents, et sur le régime (portabilité, dispenses, Noémie, DSN).\n\n' +
      'Je n’ai pas accès à votre dossier : pour une situation particulière, contactez nos conseillers.',
    links: [link.contact],
    questions: [
      'Que sait faire l’assistant ?',
      'Tu es un robot ?',
      'Qui êtes-vous ?',
      'Comment fonctionne ce chatbot ?',
    ],
    keywords: [
      'assistant',
      'chatbot',
      'robot',
      'bot',
      'chat',
      'discussion',
      'IA',
      'intelligence artificielle',
      'automatique',
    ],
    followUps: ['activation', 'pre-affiliation', 'aide-telephone'],
    audience: 'everyone',
  },
  // ---------------------------------------------------------------- Outside the assistant's field
  outOfScope('hors-sujet-paie', 'Paie, droit du travail et fiscalité', [
    'fiche de paie',
    'bulletin de salaire',
    'salaire',
    'SMIC',
    'congés payés',
    'heures supplémentaires',
    'planning',
    'horaires de travail',
    'arrêt maladie',
    'indemnités journalières',
    'recrutement',
    'offre d’emploi',
    'impôts',
    'TVA',
    'bilan comptable',
    'prud’hommes',
    'inspection du travail',
    'médecine du travail',
  ]),
  outOfScope('hors-sujet-vie-courante', 'Vie courante', [
    'météo',
    'sport',
    'match',
    'recette',
    'cuisine',
    'réservation',
    'transport',
    'métro',
    'train',
    'bus',
    'billet',
    'voyage',
    'vacances',
  ]),
  outOfScope('hors-sujet-divers', 'Conversation générale', [
    'blague',
    'traduire',
    'traduction',
    'politique',
    'actualité',
    'poème',
    'histoire',
    'chanson',
    'jeu',
  ]),
  // ---------------------------------------------------------------- Politeness (never searched)
  {
    id: 'bonjour',
    title: 'Bonjour !',
    prompt: 'Bonjour',
    text: 'Bonjour ! Je suis l’assistant de l’Espace Entreprise Santé. Posez-moi votre question en quelques mots : activation de votre espace, code SMS, mot de passe, affiliation ou radiation d’un salarié…',
    links: [],
    questions: [],
    keywords: [],
    followUps: [],
    audience: 'everyone',
    smallTalk: 'greeting',
  },
  {
    id: 'merci',
    title: 'Avec plaisir',
    prompt: 'Merci',
    text: 'Avec plaisir ! N’hésitez pas si vous avez une autre question.',
    links: [],
    questions: [],
    keywords: [],
    followUps: [],
    audience: 'everyone',
    smallTalk: 'thanks',
  },
  {
    id: 'au-revoir',
    title: 'Au revoir',
    prompt: 'Au revoir',
    text: 'Au revoir, et bonne journée ! L’assistant reste disponible en bas de chaque page.',
    links: [],
    questions: [],
    keywords: [],
    followUps: [],
    audience: 'everyone',
    smallTalk: 'goodbye',
  },
];

/** Follow-ups offered when the assistant cannot answer, by where the user stands. */
export const STARTER_ENTRY_IDS = {
  visitor: ['activation', 'identifiant-entreprise', 'code-sms-non-recu'],
  member: ['pre-affiliation', 'radiation', 'ajouter-utilisateur'],
} as const satisfies Record<'visitor' | 'member', readonly string[]>;
