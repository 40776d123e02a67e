/**
 * How real users ask: typos, no accents, texting, slang, run-on sentences. Each case names the
 * knowledge-base entry a good assistant picks first, or `null` when the right behaviour is to
 * say "I don't know" and offer the contact form and the phone line.
 *
 * Written from the user guide and support-style phrasings, not from the knowledge base's own
 * example questions: evaluation.test.ts fails if a case copies one of them (after
 * normalisation), so the score measures generalisation rather than recall of the index.
 */
export interface EvaluationCase {
  readonly question: string;
  /** Expected entry id; null = the fallback (contact form + phone line) is expected. */
  readonly expected: string | null;
  readonly signedIn?: boolean;
}

export const evaluationSet: readonly EvaluationCase[] = [
  // Activation and identifiers (before login).
  { question: 'ou trouver mon identifiant entreprise', expected: 'identifiant-entreprise', signedIn: false },
  {
    question: "c'est quoi le numero d'adherent qu'on me demande ?",
    expected: 'identifiant-entreprise',
    signedIn: false,
  },
  {
    question: 'jai pas lidentifiant entreprise comment je fais',
    expected: 'identifiant-entreprise',
    signedIn: false,
  },
  {
    question: 'identifiant malakof humanis introuvable sur mes papiers',
    expected: 'identifiant-entreprise',
    signedIn: false,
  },
  { question: 'premiere connexion comment on active le compte', expected: 'activation', signedIn: false },
  { question: 'comment creer mon espace employeur ?', expected: 'activation', signedIn: false },
  { question: 'on a 3 restos avec le meme regime quel siret je met', expected: 'siret', signedIn: false },
  { question: 'cest quoi le siret a mettre pour activer', expected: 'siret', signedIn: false },
  {
    question: "ca me dit qu'on ne trouve pas d'entreprise avec ce siret et cet identifiant",
    expected: 'identifiants-refuses',
    signedIn: false,
  },
  {
    question: "mon patron a deja active l'espace je fais comment pour y acceder",
    expected: 'espace-deja-active',
    signedIn: false,
  },
  {
    question: 'jai jamais recu le mail pour valider mon adresse',
    expected: 'confirmation-email',
    signedIn: false,
  },
  { question: 'le lien de confirmation est perime', expected: 'confirmation-email', signedIn: false },
  // Login, 2FA, passwords.
  { question: "j'ai pas reçu le code sms", expected: 'code-sms-non-recu', signedIn: false },
  { question: 'toujours pas de texto avec le code...', expected: 'code-sms-non-recu', signedIn: false },
  { question: 'le sms met trop longtemps a arriver', expected: 'code-sms-non-recu', signedIn: false },
  { question: 'pk on me demande un code a chaque connexion ??', expected: 'code-quand', signedIn: false },
  {
    question: "pourquoi le site me redemande le code alors que je me suis co hier, j'ai change de wifi",
    expected: 'code-quand',
    signedIn: false,
  },
  { question: 'la double auth ca sert a quoi', expected: 'double-authentification', signedIn: false },
  { question: 'cest quoi le code de verification', expected: 'double-authentification', signedIn: false },
  { question: 'code faux il me dit incorrect', expected: 'code-incorrect', signedIn: false },
  { question: 'le code sms a expire', expected: 'code-incorrect', signedIn: false },
  { question: 'mdp oublié', expected: 'mot-de-passe-oublie', signedIn: false },
  { question: 'je me rapelle plus de mon mot de pass', expected: 'mot-de-passe-oublie', signedIn: false },
  {
    question: 'mot de passe refusé, il faut combien de caracteres ?',
    expected: 'mot-de-passe-regles',
    signedIn: false,
  },
  {
    question: 'faut il une majuscule et un caractere special dans le mdp',
    expected: 'mot-de-passe-regles',
    signedIn: false,
  },
  { question: 'compte bloqué trop d essais', expected: 'compte-bloque', signedIn: false },
  { question: 'je narrive pas a me connecter au site', expected: 'connexion', signedIn: false },
  {
    question: "j'ai recu un mail d'invitation mais le lien marche plus",
    expected: 'invitation',
    signedIn: false,
  },
  {
    question: "j'ai plus le meme numero de portable comment je recois le code",
    expected: 'changer-telephone',
    signedIn: false,
  },
  { question: 'je suis tout le temps deconnecte', expected: 'session-expiree', signedIn: true },
  // Users and rights (after login).
  { question: 'comment je donne acces a ma comptable', expected: 'tiers-declarant', signedIn: true },
  {
    question: 'je suis expert comptable et je gere plusieurs clients',
    expected: 'tiers-declarant',
    signedIn: true,
  },
  { question: 'ajouter un collegue sur le portail', expected: 'ajouter-utilisateur', signedIn: true },
  { question: 'admin ou utilisateur c quoi la difference', expected: 'profils-droits', signedIn: true },
  {
    question: "desactiver l'acces d'une personne partie de la societe",
    expected: 'gerer-utilisateurs',
    signedIn: true,
  },
  { question: 'comment passer a mon autre societe', expected: 'changer-entreprise', signedIn: true },
  { question: 'rajouter un etablissement a mon compte', expected: 'ajouter-etablissement', signedIn: true },
  {
    question: 'changer mon mot de passe depuis mon profil',
    expected: 'changer-mot-de-passe',
    signedIn: true,
  },
  // Contracts and employees.
  { question: 'ou je vois mes contrats', expected: 'mes-contrats', signedIn: true },
  { question: 'voir si le conjoint est couvert sur le contrat', expected: 'detail-contrat', signedIn: true },
  { question: 'rechercher un salarie par son nom', expected: 'mes-salaries', signedIn: true },
  { question: 'exporter mes salariés sur excel', expected: 'export-salaries', signedIn: true },
  { question: 'pourquoi on voit pas le num de secu en entier', expected: 'nir-affichage', signedIn: true },
  {
    question: 'mon nouveau serveur apparait pas dans la liste des salaries',
    expected: 'salarie-introuvable',
    signedIn: true,
  },
  {
    question: "erreur sur l'adresse d'un salarié comment la corriger",
    expected: 'modifier-salarie',
    signedIn: true,
  },
  // Affiliation.
  {
    question: "j'embauche un cuisinier lundi comment je l'affilie",
    expected: 'pre-affiliation',
    signedIn: true,
  },
  { question: 'pre affilier un salarie', expected: 'pre-affiliation', signedIn: true },
  { question: 'mon employé a pas d adresse mail', expected: 'affiliation-courrier', signedIn: true },
  {
    question: 'il faut quoi comme papiers pour le salarie ? rib ?',
    expected: 'pieces-justificatives',
    signedIn: true,
  },
  {
    question: 'ou le salarie trouve son attestation de droits',
    expected: 'pieces-justificatives',
    signedIn: true,
  },
  { question: 'que veut dire demarre par le salarie', expected: 'suivi-affiliations', signedIn: true },
  { question: 'relancer un employé qui a pas rempli son dossier', expected: 'relancer', signedIn: true },
  { question: 'affiliation abandonnée que faire', expected: 'affiliation-abandonnee', signedIn: true },
  {
    question: 'le salarié a rien reçu pour son affiliation, pas de mail',
    expected: 'email-salarie-non-recu',
    signedIn: true,
  },
  { question: "c'est quoi un bia", expected: 'formulaire-bia', signedIn: true },
  // Anomalies, radiation, portabilité.
  { question: "j'ai une anomalie sur un salarié c quoi", expected: 'anomalies', signedIn: true },
  { question: "forcer l'affiliation ca fait quoi", expected: 'forcer-anomalie', signedIn: true },
  { question: 'comment je radie un salarie qui part', expected: 'radiation', signedIn: true },
  {
    question: 'un serveur a démissionné, je fais quoi pour sa mutuelle',
    expected: 'radiation',
    signedIn: true,
  },
  { question: 'quel motif pour une fin de cdd', expected: 'motifs-radiation', signedIn: true },
  { question: 'c koi la portabilité', expected: 'portabilite', signedIn: true },
  {
    question: 'apres un licenciement il garde la mutuelle combien de temps',
    expected: 'portabilite',
    signedIn: true,
  },
  {
    question: "attestation d'affiliation pour un employe",
    expected: 'certificat-affiliation',
    signedIn: true,
  },
  { question: "certificat de radiation d'un ex salarié", expected: 'attestation-radiation', signedIn: true },
  // Documents, contact, scheme.
  { question: 'ou est le mandat sepa', expected: 'mandat-sepa', signedIn: true },
  { question: 'guide utilisateur espace entreprise pdf', expected: 'guides', signedIn: true },
  {
    question: 'envoyer le rib de mon salarie a vos services',
    expected: 'transmettre-documents',
    signedIn: true,
  },
  { question: 'combien de pj max dans un message', expected: 'nous-contacter', signedIn: true },
  { question: 'question sur le montant des cotisations', expected: 'cotisations', signedIn: true },
  { question: 'numero de tel pour vous joindre', expected: 'aide-telephone', signedIn: false },
  { question: 'vous etes ouvert a quelle heure', expected: 'aide-telephone', signedIn: true },
  {
    question: 'mon salarié a deja la mutuelle de sa femme il peut refuser ?',
    expected: 'dispense-adhesion',
    signedIn: true,
  },
  { question: 'quels papiers garder pour une dispense', expected: 'dispense-demarche', signedIn: true },
  { question: 'teletransmission noemie ca veut dire quoi', expected: 'noemie', signedIn: true },
  { question: 'la dsn sert a quoi pour la mutuelle', expected: 'dsn', signedIn: true },
  { question: 'qui est l assureur', expected: 'assureur', signedIn: false },
  {
    question: 'est ce que la mutuelle est obligatoire pour tous les salaries',
    expected: 'regime-obligatoire',
    signedIn: true,
  },
  { question: 'rgpd ou sont stockees les donnees', expected: 'donnees-personnelles', signedIn: true },
  { question: 'mon salarié a eu un enfant comment le rajouter', expected: 'ayants-droit', signedIn: true },
  {
    question: 'un salarie n a pas ete rembourse de ses lunettes',
    expected: 'remboursements',
    signedIn: true,
  },
  { question: 'bonjour', expected: 'bonjour', signedIn: false },
  // Out of scope: the assistant must not pretend.
  { question: 'quel temps fera-t-il demain a Lyon ?', expected: null, signedIn: true },
  { question: 'donne moi une recette de blanquette de veau', expected: null, signedIn: true },
  { question: 'qui a gagne le match hier soir', expected: null, signedIn: false },
  { question: 'je cherche un emploi de serveur a Marseille', expected: null, signedIn: false },
  { question: 'asdfgh qsdfgh', expected: null, signedIn: false },
  {
    question: 'comment calculer les heures supplementaires de mes cuisiniers',
    expected: null,
    signedIn: true,
  },
  { question: 'quel est le prix d un cafe en terrasse', expected: null, signedIn: true },
  { question: 'traduire ce texte en anglais', expected: null, signedIn: false },
  { question: 'horaires du metro ligne 4', expected: null, signedIn: false },
  // Held-out rounds: written after the first tuning, scored before any change they inspired
  // (first round 71 %, second 75 % top-1 at the time); kept here as regular cases since.
  {
    question: 'je trouve pas le numero entreprise sur le courrier',
    expected: 'identifiant-entreprise',
    signedIn: false,
  },
  { question: 'comment on fait la premiere activation', expected: 'activation', signedIn: false },
  { question: 'le texto de securite narrive jamais', expected: 'code-sms-non-recu', signedIn: false },
  {
    question: 'pourquoi un code sms alors que je me connecte tous les jours',
    expected: 'code-quand',
    signedIn: false,
  },
  { question: 'reinitialiser mdp', expected: 'mot-de-passe-oublie', signedIn: false },
  { question: 'trop de tentatives de connexion bloqué', expected: 'compte-bloque', signedIn: false },
  {
    question: 'mon mot de passe doit faire combien de caracteres',
    expected: 'mot-de-passe-regles',
    signedIn: false,
  },
  { question: 'inviter mon comptable', expected: 'tiers-declarant', signedIn: true },
  { question: 'enlever un utilisateur', expected: 'gerer-utilisateurs', signedIn: true },
  { question: 'nouvel etablissement a ajouter', expected: 'ajouter-etablissement', signedIn: true },
  { question: 'liste des assurés du contrat sante', expected: 'detail-contrat', signedIn: true },
  { question: 'exporter la liste en csv', expected: 'export-salaries', signedIn: true },
  { question: 'nouvelle embauche mutuelle', expected: 'pre-affiliation', signedIn: true },
  {
    question: 'le salarie na pas de mail comment il recoit le formulaire',
    expected: 'affiliation-courrier',
    signedIn: true,
  },
  { question: 'relance automatique des salaries', expected: 'relancer', signedIn: true },
  {
    question: 'statut finalise par le salarie ca veut dire quoi',
    expected: 'suivi-affiliations',
    signedIn: true,
  },
  { question: 'un cuisinier est parti fin cdd', expected: 'radiation', signedIn: true },
  { question: 'duree de la portabilite', expected: 'portabilite', signedIn: true },
  { question: 'telecharger certificat affiliation', expected: 'certificat-affiliation', signedIn: true },
  {
    question: 'combien de fichiers je peux joindre a un message',
    expected: 'nous-contacter',
    signedIn: true,
  },
  {
    question: 'mon salarié est couvert par la mutuelle de son mari',
    expected: 'dispense-adhesion',
    signedIn: true,
  },
  { question: 'noemie c est quoi', expected: 'noemie', signedIn: true },
  { question: 'appeler un conseiller', expected: 'aide-telephone', signedIn: false },
  { question: 'cotisation trop elevee', expected: 'cotisations', signedIn: true },
  { question: 'mes donnees sont elles protegees', expected: 'donnees-personnelles', signedIn: true },
  { question: 'combien coute un billet de train pour nice', expected: null, signedIn: true },
  { question: 'ecris moi un poeme', expected: null, signedIn: false },
  { question: 'quelle est la capitale du portugal', expected: null, signedIn: false },
  {
    question: 'numero d adherent malakoff ou le trouver',
    expected: 'identifiant-entreprise',
    signedIn: false,
  },
  { question: 'jai pas recu de mail apres l activation', expected: 'confirmation-email', signedIn: false },
  { question: 'le code de connexion est faux', expected: 'code-incorrect', signedIn: false },
  {
    question: 'comment marche la double authentification',
    expected: 'double-authentification',
    signedIn: false,
  },
  { question: 'mot de passe perdu', expected: 'mot-de-passe-oublie', signedIn: false },
  { question: 'je ne recois aucun sms', expected: 'code-sms-non-recu', signedIn: false },
  { question: 'jai change de telephone portable', expected: 'changer-telephone', signedIn: true },
  {
    question: 'quelle est la difference entre admin et utilisateur',
    expected: 'profils-droits',
    signedIn: true,
  },
  {
    question: 'je veux donner les droits admin a mon associé',
    expected: 'gerer-utilisateurs',
    signedIn: true,
  },
  { question: 'ou voir les salaries radies', expected: 'mes-salaries', signedIn: true },
  { question: 'affilier un extra', expected: 'pre-affiliation', signedIn: true },
  { question: 'mon salarie a commence son formulaire mais pas fini', expected: 'relancer', signedIn: true },
  { question: 'quels justificatifs demander au salarie', expected: 'pieces-justificatives', signedIn: true },
  { question: 'anomalie salarié non affilié dans la dsn', expected: 'anomalies', signedIn: true },
  { question: 'radier un employé decede', expected: 'radiation', signedIn: true },
  { question: 'la portabilite en cas de demission', expected: 'portabilite', signedIn: true },
  { question: 'ou est le guide pratique assures', expected: 'guides', signedIn: true },
  { question: 'envoyer un message avec une piece jointe', expected: 'nous-contacter', signedIn: true },
  { question: 'un cdd de 2 mois doit il adherer', expected: 'dispense-adhesion', signedIn: true },
  { question: 'qui est malakoff humanis', expected: 'assureur', signedIn: false },
  { question: 'ajouter le bebe de mon salarie sur la mutuelle', expected: 'ayants-droit', signedIn: true },
  { question: 'meteo paris', expected: null, signedIn: false },
  { question: 'comment faire une fiche de paie', expected: null, signedIn: true },
  { question: 'reservation d une table pour ce soir', expected: null, signedIn: false },
];
