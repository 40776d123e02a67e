/**
 * The French sentence for every error the API can return, by code or by precise reason.
 * Shared with the SPA so that both say the same thing.
 */
export const errorMessages: Record<string, string> = {
  // Generic, by code.
  NOT_FOUND: "L'élément demandé est introuvable.",
  CONFLICT: 'Cette opération a déjà été effectuée ou entre en conflit avec une autre.',
  VERSION_CONFLICT:
    "Ces informations ont été modifiées entre-temps par quelqu'un d'autre. Rechargez la page puis recommencez.",
  UNPROCESSABLE: 'Cette demande ne peut pas être traitée.',
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette action.",
  UNAUTHENTICATED: 'Votre session a expiré. Veuillez vous reconnecter.',
  RATE_LIMITED: 'Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.',
  DEPENDENCY_UNAVAILABLE: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
  // Edge (HTTP) errors.
  VALIDATION_FAILED: 'Certaines informations sont manquantes ou invalides.',
  INVALID_JSON: "Le contenu de la requête n'est pas un JSON valide.",
  UNSUPPORTED_MEDIA_TYPE: 'Le contenu de la requête doit être au format JSON (application/json).',
  PAYLOAD_TOO_LARGE: 'La requête est trop volumineuse.',
  CSRF_REJECTED: "Requête refusée : elle ne provient pas de l'Espace Entreprise Santé.",
  ORIGIN_REJECTED: 'Accès direct refusé.',
  ROUTE_NOT_FOUND: "Cette adresse de l'API n'existe pas.",
  METHOD_NOT_ALLOWED: "Cette méthode n'est pas autorisée pour cette adresse.",
  INTERNAL: 'Une erreur inattendue est survenue. Réessayez dans quelques instants.',
  // Activation.
  ACTIVATION_IDENTIFIERS_UNKNOWN:
    'Nous ne trouvons pas d’entreprise correspondant à ce SIRET et à cet identifiant entreprise. Vérifiez les deux numéros (voir « Comment retrouver votre identifiant entreprise ? »).',
  COMPANY_ALREADY_ACTIVATED:
    'L’espace de cette entreprise est déjà activé. Connectez-vous, ou demandez un accès à son administrateur.',
  EMAIL_ALREADY_REGISTERED:
    'Cette adresse e-mail a déjà un compte. Connectez-vous, puis ajoutez cette entreprise depuis Profil › « Ajouter un établissement au périmètre suivi ».',
  ACTIVATION_RETRY_LATER:
    'L’activation n’a pas pu aboutir. Rien n’a été enregistré : réessayez dans quelques instants.',
  INVALID_MOBILE: 'Saisissez un numéro de mobile français (06 ou 07).',
  PASSWORD_REJECTED: 'Ce mot de passe ne peut pas être utilisé.',
  LINK_INVALID: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.',
  // Login and second factor.
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  EMAIL_NOT_CONFIRMED:
    'Confirmez d’abord votre adresse e-mail avec le lien reçu lors de l’activation. Vous ne le trouvez pas ? Utilisez « Mot de passe oublié » pour en recevoir un nouveau.',
  LOGIN_ATTEMPT_INVALID:
    'Votre tentative de connexion a expiré. Reconnectez-vous avec votre e-mail et votre mot de passe.',
  LOGIN_ATTEMPT_EXHAUSTED: 'Trop de codes erronés. Reconnectez-vous avec votre e-mail et votre mot de passe.',
  LOGIN_CODE_NOT_SENT: 'Demandez d’abord l’envoi du code (« Envoyer le code »).',
  LOGIN_CODE_WRONG: 'Code incorrect.',
  LOGIN_CODE_EXPIRED: 'Ce code a expiré : demandez-en un nouveau.',
  LOGIN_CODE_COOLDOWN: 'Un code vient d’être envoyé. Patientez une minute avant d’en demander un autre.',
  LOGIN_CODE_SEND_CAP: 'Trop de codes demandés pour cette connexion. Reconnectez-vous.',
  SMS_DAILY_CAP:
    'Nombre maximal de SMS atteint pour aujourd’hui. Réessayez demain ou contactez-nous au 01 44 20 80 63.',
  CURRENT_PASSWORD_WRONG: 'Mot de passe actuel incorrect.',
  // Users and rights.
  USER_NOT_FOUND: 'Utilisateur introuvable dans cette entreprise.',
  LAST_ADMIN:
    'Impossible : c’est le dernier administrateur actif de cette entreprise. Nommez d’abord un autre administrateur.',
  MEMBERSHIP_REVOKED: 'Cet accès a été désactivé définitivement et ne peut plus être modifié.',
  MEMBERSHIP_NOT_ACTIVE: 'Cet accès est désactivé : réactivez-le d’abord.',
  CANNOT_REACTIVATE: 'Seul un accès désactivé temporairement peut être réactivé.',
  ALREADY_DEACTIVATED: 'Cet accès est déjà désactivé.',
  INVITATION_ALREADY_ACCEPTED: 'Cet utilisateur a déjà créé son mot de passe.',
  INVITATION_MUST_INCLUDE_COMPANY: 'L’invitation doit inclure l’entreprise sélectionnée.',
  TOO_MANY_COMPANIES: 'Trop d’entreprises en une seule fois : procédez en plusieurs fois.',
  ALREADY_IN_PERIMETER: 'Cette entreprise fait déjà partie de votre périmètre.',
  EMPLOYEE_NOT_FOUND: 'Salarié introuvable dans cette entreprise.',
  CONTRACT_NOT_FOUND: 'Contrat introuvable dans cette entreprise.',
  ALREADY_RADIATED: 'Ce salarié est déjà radié.',
  RADIATION_BEFORE_START: 'La date de fin ne peut pas précéder la date d’effet de l’affiliation.',
  RADIATION_TOO_OLD: 'Cette date de fin est trop ancienne pour une radiation en ligne : contactez-nous.',
  RADIATION_TOO_FAR: 'La date de fin ne peut pas dépasser un an à venir.',
  NOT_RADIATED: 'Ce salarié n’est pas radié : pas d’attestation de radiation.',
  ATTACHMENT_EXTENSION_MISMATCH: 'Le nom du fichier ne correspond pas à son format.',
  ATTACHMENT_DUPLICATE: 'La même pièce jointe figure deux fois.',
  ATTACHMENT_UNKNOWN: 'Une pièce jointe est introuvable : ajoutez-la de nouveau.',
  ATTACHMENT_NOT_UPLOADED: 'Une pièce jointe n’a pas été reçue : ajoutez-la de nouveau.',
  ATTACHMENT_TOO_LARGE: 'Chaque pièce jointe doit faire 3 Mo au plus.',
  ATTACHMENT_DISGUISED: 'Une pièce jointe n’est pas du format annoncé : elle a été refusée.',
  REQUEST_ID_REUSED: 'Cette demande a déjà été utilisée pour un autre message.',
  PHONE_CODE_EXHAUSTED: 'Trop de codes erronés : modifiez à nouveau le numéro pour recevoir un nouveau code.',
  DOCUMENT_NOT_FOUND: 'Ce document n’est pas disponible. Rechargez la liste des documents.',
  // Affiliations (pré-affiliation, suivi des demandes, relances, courriers, import CSV).
  AFFILIATION_REQUEST_NOT_FOUND: 'Demande d’affiliation introuvable dans cette entreprise.',
  ESTABLISHMENT_NOT_FOUND: 'Cet établissement ne fait pas partie de votre entreprise.',
  PRE_AFFILIATION_DATES_INVALID: 'Vérifiez les dates saisies : elles ne sont pas cohérentes.',
  NO_MATCHING_CONTRACT:
    'Aucun contrat santé de votre entreprise ne couvre ce statut à la date de début du contrat. Contactez-nous au 01 44 20 80 63.',
  EMPLOYEE_ALREADY_AFFILIATED:
    'Ce salarié est déjà affilié dans votre entreprise (même numéro de sécurité sociale).',
  AFFILIATION_ALREADY_REQUESTED:
    'Une demande d’affiliation est déjà en cours (ou finalisée) pour ce salarié : retrouvez-la dans le suivi des affiliations.',
  IDEMPOTENCY_KEY_REUSED:
    'Cette demande a déjà été envoyée avec d’autres informations. Rechargez la page puis recommencez.',
  AFFILIATION_ALREADY_FINALIZED:
    'Ce bulletin d’affiliation est déjà finalisé : il ne peut plus être modifié ni relancé.',
  AFFILIATION_ABANDONED:
    'Cette demande est abandonnée : utilisez « Relancer un nouveau parcours » pour envoyer un nouveau lien.',
  AFFILIATION_NOT_ABANDONED: 'Seule une demande abandonnée peut repartir sur un nouveau parcours.',
  REMINDER_TOO_SOON: 'Ce salarié a déjà été relancé il y a moins de 24 heures. Réessayez demain.',
  COURRIER_NOT_QUEUED: 'Aucun courrier n’est à poster pour cette demande.',
  COMPANY_NOT_FOUND: 'Entreprise introuvable.',
  // BIA salarié (the employee's online BIA, the paper BIA of the back office).
  BIA_LINK_INVALID:
    'Ce lien d’affiliation n’est plus valable (expiré, remplacé par un nouveau lien, ou demande close). Contactez votre employeur pour en recevoir un nouveau.',
  INSURER_KEY_INVALID: 'Accès réservé au back-office de l’assureur.',
  BIA_INCOMPLETE: 'Votre bulletin est incomplet : complétez les champs signalés avant de le finaliser.',
  BIA_DOCUMENT_UNKNOWN: 'Un document est introuvable : déposez le fichier de nouveau.',
  BIA_DOCUMENT_NOT_UPLOADED: 'Un document n’a pas été reçu : déposez le fichier de nouveau.',
  BIA_DOCUMENT_TOO_LARGE: 'Chaque document doit faire 3 Mo au plus (et ne pas être vide).',
  BIA_DOCUMENT_DISGUISED: 'Un document n’est pas un PDF, JPEG ou PNG valide : il a été refusé.',
  BIA_DOCUMENT_DUPLICATE: 'Le même fichier figure deux fois : retirez le doublon.',
  BIA_DOCUMENTS_PER_KIND: 'Deux fichiers au plus par document : retirez-en un avant d’en ajouter un autre.',
  BIA_UPLOAD_EXTENSION_MISMATCH: 'Le nom du fichier ne correspond pas à son format (PDF, JPEG ou PNG).',
  BIA_UPLOAD_LIMIT:
    'Trop de fichiers ont été déposés pour ce bulletin. Contactez-nous au 01 44 20 80 63 si vous devez en joindre d’autres.',
  PAPER_BIA_RECEIVED_IN_FUTURE: 'La date de réception du BIA papier ne peut pas être dans le futur.',
  PAPER_BIA_WITH_UPLOADS: 'Un BIA papier ne cite pas de fichiers déposés en ligne.',
  // Dispenses d'adhésion (asked for in the BIA, decided in Mes salariés › Dispenses).
  DISPENSE_NOT_FOUND: 'Dispense introuvable dans cette entreprise.',
  DISPENSE_REQUEST_INVALID:
    'Votre demande de dispense est incomplète : complétez les champs signalés avant de l’envoyer.',
  DISPENSE_ALREADY_DECIDED: 'Cette dispense a déjà été validée ou refusée : rechargez la liste.',
  DISPENSE_ENDED:
    'La date de fin de cette dispense est passée : elle ne peut plus être validée. Refusez-la : le salarié devra compléter son affiliation.',
  PAPER_BIA_WITH_DISPENSE:
    'Une demande de dispense se fait en ligne par le salarié, avec ses justificatifs : elle ne peut pas être saisie avec un BIA papier.',
  // Anomalies DSN (Suivi des anomalies d'affiliation: the DSN compared with the affiliations).
  ANOMALY_NOT_FOUND: 'Anomalie introuvable dans cette entreprise.',
  ANOMALY_ALREADY_RESOLVED:
    'Cette anomalie est déjà résolue (par un autre utilisateur, ou par une DSN plus récente) : retrouvez-la dans l’historique.',
  ANOMALY_ACTION_NOT_APPLICABLE: 'Cette action ne s’applique pas à ce type d’anomalie.',
  ANOMALY_NIR_MISSING:
    'La DSN ne déclare pas encore le numéro de sécurité sociale de ce salarié : l’affiliation ne peut pas être créée. Faites-lui remplir une pré-affiliation, ou attendez la DSN qui déclarera son numéro.',
  RADIATION_DETAILS_MISSING: 'Indiquez la date de fin et le motif de la radiation.',
  ANOMALY_DISPENSE_NOT_FOUND: 'Cette dispense est introuvable dans votre entreprise.',
  ANOMALY_DISPENSE_NOT_VALIDATED:
    'Seule une dispense validée peut être rattachée : validez-la d’abord dans « Dispenses d’adhésion ».',
  ANOMALY_DISPENSE_OTHER_EMPLOYEE:
    'Cette dispense est celle d’un autre salarié (numéro de sécurité sociale différent) : choisissez celle du salarié concerné.',
};

export const messageFor = (codeOrReason: string, fallbackCode = 'INTERNAL'): string =>
  errorMessages[codeOrReason] ?? errorMessages[fallbackCode] ?? errorMessages.INTERNAL!;
