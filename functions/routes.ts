/**
 * THE route table: plain data, nothing else. It drives the local API server (bin/local),
 * the CDK API (one Lambda per entry, grants from `permissions`), the OpenAPI document
 * (operationId = id) and the authorization matrix test. Adding a route is one entry here
 * plus its handler file (and its contract in contracts/route-contracts.ts).
 */

/** Who may call a route. Checked by the runtime before the handler body runs. */
export type Access =
  /** Anyone, no session (login, activation, health). */
  | 'public'
  /** A valid session. */
  | 'authenticated'
  /** A valid session and an active membership of the `{companyId}` in the path. */
  | 'companyMember'
  /** As companyMember, with the Administrateur profile on that company. */
  | 'companyAdmin'
  /** A pending login attempt (password checked, SMS code pending): its short-lived cookie. */
  | 'loginAttempt'
  /** An employee's single-purpose BIA link token, no account. */
  | 'employeeLink'
  /** The insurer's back office. */
  | 'insurer';

/** What a route's Lambda may touch; the CDK stack turns each into a least-privilege grant. */
export type Permission =
  | 'table:read'
  | 'table:write'
  | 'uploads:read'
  | 'uploads:write'
  | 'documents:read'
  | 'generated:read'
  | 'generated:write'
  | 'inbound:read'
  /** Import reports are written next to the file they describe. */
  | 'inbound:write'
  | 'cognito:auth'
  | 'cognito:admin'
  | 'ses:send'
  | 'sns:publish'
  /** Read-only probes of every dependency, for the health route. */
  | 'health:probe';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below API_BASE_PATH, with API Gateway `{param}` placeholders. */
  readonly path: string;
  /** Handler module, relative to functions/, exporting `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly permissions: readonly Permission[];
  readonly summary: string;
  readonly tag: string;
  /** Exists only on the local stack (never deployed). */
  readonly localOnly?: boolean;
}

/** CloudFront sends `/api/*` to the API; the API routes carry the prefix too. */
export const API_BASE_PATH = '/api';

export const routes = [
  {
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    handler: 'handlers/get-health.ts',
    access: 'public',
    permissions: ['health:probe'],
    summary: "État de chaque dépendance (DynamoDB, S3, SES, Cognito, SMS) ; 503 si l'une est indisponible.",
    tag: 'Plateforme',
  },
  {
    id: 'getOpenApiDocument',
    method: 'GET',
    path: '/openapi.json',
    handler: 'handlers/get-openapi-document.ts',
    access: 'public',
    permissions: [],
    summary: "Le document OpenAPI 3.1 de l'API, généré depuis la table des routes et les contrats.",
    tag: 'Plateforme',
  },
  {
    id: 'listDevMessages',
    method: 'GET',
    path: '/_dev/messages',
    handler: 'handlers/list-dev-messages.ts',
    access: 'public',
    permissions: [],
    summary: 'Local uniquement : e-mails et SMS envoyés par le système, du plus récent au plus ancien.',
    tag: 'Plateforme',
    localOnly: true,
  },
  {
    id: 'checkActivationIdentifiers',
    method: 'POST',
    path: '/auth/activation/check',
    handler: 'handlers/check-activation-identifiers.ts',
    access: 'public',
    permissions: ['table:read', 'table:write'],
    summary:
      'Activer mon espace, étape 1 : vérifie le couple SIRET + identifiant entreprise (réponse uniforme si inconnu).',
    tag: 'Authentification',
  },
  {
    id: 'activateSpace',
    method: 'POST',
    path: '/auth/activation',
    handler: 'handlers/activate-space.ts',
    access: 'public',
    permissions: ['table:read', 'table:write', 'cognito:admin'],
    summary:
      "Activer mon espace : crée l'administrateur de l'entreprise (Cognito + table) et envoie le lien de confirmation de l'e-mail.",
    tag: 'Authentification',
  },
  {
    id: 'confirmEmail',
    method: 'POST',
    path: '/auth/email-confirmation',
    handler: 'handlers/confirm-email.ts',
    access: 'public',
    permissions: ['table:read', 'table:write'],
    summary: "Confirme l'adresse e-mail par le lien reçu (usage unique).",
    tag: 'Authentification',
  },
  {
    id: 'login',
    method: 'POST',
    path: '/auth/login',
    handler: 'handlers/login.ts',
    access: 'public',
    permissions: ['table:read', 'table:write', 'cognito:auth'],
    summary: 'Connexion par e-mail et mot de passe ; ouvre la session ou demande le code SMS.',
    tag: 'Authentification',
  },
  {
    id: 'sendLoginCode',
    method: 'POST',
    path: '/auth/login/code',
    handler: 'handlers/send-login-code.ts',
    access: 'loginAttempt',
    permissions: ['table:read', 'table:write'],
    summary: 'Double authentification : envoie le code SMS de la tentative de connexion en cours.',
    tag: 'Authentification',
  },
  {
    id: 'verifyLoginCode',
    method: 'POST',
    path: '/auth/login/verify',
    handler: 'handlers/verify-login-code.ts',
    access: 'loginAttempt',
    permissions: ['table:read', 'table:write'],
    summary: 'Double authentification : vérifie le code SMS et ouvre la session.',
    tag: 'Authentification',
  },
  {
    id: 'logout',
    method: 'POST',
    path: '/auth/logout',
    handler: 'handlers/logout.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary: 'Déconnexion : supprime la session côté serveur.',
    tag: 'Authentification',
  },
  {
    id: 'getMe',
    method: 'GET',
    path: '/me',
    handler: 'handlers/get-me.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary: "L'utilisateur connecté, ses entreprises et son profil sur chacune.",
    tag: 'Authentification',
  },
  {
    id: 'requestPasswordReset',
    method: 'POST',
    path: '/auth/password-reset',
    handler: 'handlers/request-password-reset.ts',
    access: 'public',
    permissions: ['table:read', 'table:write'],
    summary:
      'Mot de passe oublié : envoie un lien de réinitialisation si le compte existe (réponse identique sinon).',
    tag: 'Authentification',
  },
  {
    id: 'resetPassword',
    method: 'POST',
    path: '/auth/password-reset/confirm',
    handler: 'handlers/reset-password.ts',
    access: 'public',
    permissions: ['table:read', 'table:write', 'cognito:admin'],
    summary: 'Nouveau mot de passe depuis le lien reçu par e-mail ; ferme toutes les sessions.',
    tag: 'Authentification',
  },
  {
    id: 'changePassword',
    method: 'POST',
    path: '/me/password',
    handler: 'handlers/change-password.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write', 'cognito:auth', 'cognito:admin'],
    summary: 'Changement de mot de passe depuis le profil ; ferme les autres sessions.',
    tag: 'Authentification',
  },
  {
    id: 'listCompanyUsers',
    method: 'GET',
    path: '/companies/{companyId}/users',
    handler: 'handlers/list-company-users.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary: "Gestion des habilitations : les utilisateurs de l'entreprise et leur profil.",
    tag: 'Habilitations et profil',
  },
  {
    id: 'inviteUser',
    method: 'POST',
    path: '/companies/{companyId}/users',
    handler: 'handlers/invite-user.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary:
      'Ajouter un utilisateur à mon espace entreprise (droits sur une ou plusieurs entreprises administrées).',
    tag: 'Habilitations et profil',
  },
  {
    id: 'updateUserRights',
    method: 'PUT',
    path: '/companies/{companyId}/users/{userId}',
    handler: 'handlers/update-user-rights.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary: "Modifier le profil et les droits d'un utilisateur sur l'entreprise.",
    tag: 'Habilitations et profil',
  },
  {
    id: 'resendInvitation',
    method: 'POST',
    path: '/companies/{companyId}/users/{userId}/invitation',
    handler: 'handlers/resend-invitation.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary: "Renvoyer le lien de création du mot de passe (l'ancien lien ne fonctionne plus).",
    tag: 'Habilitations et profil',
  },
  {
    id: 'deactivateUser',
    method: 'POST',
    path: '/companies/{companyId}/users/{userId}/deactivation',
    handler: 'handlers/deactivate-user.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary:
      "Désactiver l'accès d'un utilisateur, temporairement ou définitivement ; ses sessions sont fermées.",
    tag: 'Habilitations et profil',
  },
  {
    id: 'reactivateUser',
    method: 'POST',
    path: '/companies/{companyId}/users/{userId}/reactivation',
    handler: 'handlers/reactivate-user.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary: 'Réactiver un accès désactivé temporairement.',
    tag: 'Habilitations et profil',
  },
  {
    id: 'acceptInvitation',
    method: 'POST',
    path: '/auth/invitation',
    handler: 'handlers/accept-invitation.ts',
    access: 'public',
    permissions: ['table:read', 'table:write', 'cognito:admin'],
    summary: "Création du mot de passe depuis le lien d'invitation.",
    tag: 'Habilitations et profil',
  },
  {
    id: 'getProfile',
    method: 'GET',
    path: '/me/profile',
    handler: 'handlers/get-profile.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary: 'Profil : coordonnées et périmètre suivi (entreprises et établissements).',
    tag: 'Habilitations et profil',
  },
  {
    id: 'updateProfile',
    method: 'PATCH',
    path: '/me/profile',
    handler: 'handlers/update-profile.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary: 'Modifier ses coordonnées ; un nouveau numéro de mobile est confirmé par code SMS.',
    tag: 'Habilitations et profil',
  },
  {
    id: 'verifyProfilePhone',
    method: 'POST',
    path: '/me/profile/phone-verification',
    handler: 'handlers/verify-profile-phone.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary: 'Confirmer le nouveau numéro de mobile avec le code reçu par SMS.',
    tag: 'Habilitations et profil',
  },
  {
    id: 'addEstablishment',
    method: 'POST',
    path: '/me/establishments',
    handler: 'handlers/add-establishment.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write'],
    summary:
      "Ajouter un établissement au périmètre suivi (SIRET + identifiant) ; l'utilisateur en devient administrateur.",
    tag: 'Habilitations et profil',
  },
  {
    id: 'listAuditEvents',
    method: 'GET',
    path: '/companies/{companyId}/audit-events',
    handler: 'handlers/list-audit-events.ts',
    access: 'companyAdmin',
    permissions: ['table:read', 'table:write'],
    summary: "Journal des modifications de l'entreprise (filtres : utilisateur, action, dates ; paginé).",
    tag: 'Habilitations et profil',
  },
  {
    id: 'listContracts',
    method: 'GET',
    path: '/companies/{companyId}/contracts',
    handler: 'handlers/list-contracts.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary: "Mes contrats : statut, risque, contrat employeur, contrat, dates d'effet et de fin.",
    tag: 'Contrats et salariés',
  },
  {
    id: 'getContract',
    method: 'GET',
    path: '/companies/{companyId}/contracts/{contractNumber}',
    handler: 'handlers/get-contract.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary: "Détail d'un contrat : ses assurés (Noémie, conjoint, enfants, dates), paginé.",
    tag: 'Contrats et salariés',
  },
  {
    id: 'listEmployees',
    method: 'GET',
    path: '/companies/{companyId}/employees',
    handler: 'handlers/list-employees.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      'Mes salariés : recherche (nom, NIR), filtres (établissement, statut, contrat, actifs/radiés), tri, pagination.',
    tag: 'Contrats et salariés',
  },
  {
    id: 'exportEmployees',
    method: 'POST',
    path: '/companies/{companyId}/employees/export',
    handler: 'handlers/export-employees.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write', 'generated:read'],
    summary: 'Export CSV de la liste filtrée des salariés (fichier téléchargeable).',
    tag: 'Contrats et salariés',
  },
  {
    id: 'revealNir',
    method: 'POST',
    path: '/companies/{companyId}/employees/{employeeId}/nir-reveal',
    handler: 'handlers/reveal-nir.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary: "Affiche le numéro de sécurité sociale complet d'un salarié (consultation journalisée).",
    tag: 'Contrats et salariés',
  },
  {
    id: 'radiateEmployee',
    method: 'POST',
    path: '/companies/{companyId}/employees/{employeeId}/radiation',
    handler: 'handlers/radiate-employee.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      'Radiation (contexte sans DSN) : date de fin, motif, portabilité ; le salarié est prévenu par e-mail.',
    tag: 'Contrats et salariés',
  },
  {
    id: 'getAffiliationCertificate',
    method: 'POST',
    path: '/companies/{companyId}/employees/{employeeId}/affiliation-certificate',
    handler: 'handlers/get-affiliation-certificate.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write', 'generated:read'],
    summary: "Certificat d'affiliation en PDF (lien de téléchargement de courte durée).",
    tag: 'Contrats et salariés',
  },
  {
    id: 'getRadiationCertificate',
    method: 'POST',
    path: '/companies/{companyId}/employees/{employeeId}/radiation-certificate',
    handler: 'handlers/get-radiation-certificate.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write', 'generated:read'],
    summary: 'Attestation de radiation en PDF (lien de téléchargement de courte durée).',
    tag: 'Contrats et salariés',
  },
  {
    id: 'createContactUploadUrl',
    method: 'POST',
    path: '/companies/{companyId}/contact/uploads',
    handler: 'handlers/create-contact-upload-url.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'uploads:write'],
    summary:
      "Nous contacter : autorisation d'envoyer une pièce jointe (≤ 3 Mo) directement vers le stockage.",
    tag: 'Nous contacter',
  },
  {
    id: 'sendContactMessage',
    method: 'POST',
    path: '/companies/{companyId}/contact/messages',
    handler: 'handlers/send-contact-message.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'uploads:read', 'uploads:write'],
    summary:
      "Nous contacter : envoie le message (motif, objet, texte, jusqu'à 4 pièces jointes vérifiées) ; accusé de réception par e-mail.",
    tag: 'Nous contacter',
  },
  {
    id: 'listContactMessages',
    method: 'GET',
    path: '/companies/{companyId}/contact/messages',
    handler: 'handlers/list-contact-messages.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary: 'Mes messages : les messages envoyés, avec leur référence et leur statut.',
    tag: 'Nous contacter',
  },
  {
    id: 'downloadContactAttachment',
    method: 'GET',
    path: '/contact-attachments/{token}',
    handler: 'handlers/download-contact-attachment.ts',
    access: 'public',
    permissions: ['table:read', 'table:write', 'uploads:read'],
    summary:
      "Lien des pièces jointes reçu par l'équipe de l'assureur (30 jours) : redirige vers un téléchargement de courte durée.",
    tag: 'Nous contacter',
  },
  {
    id: 'askChatbot',
    method: 'POST',
    path: '/chatbot/questions',
    handler: 'handlers/ask-chatbot.ts',
    access: 'public',
    permissions: [],
    summary:
      "Assistant en ligne : une question en français, une réponse choisie dans la base de connaissances (ou les coordonnées pour nous contacter) ; la question n'est ni renvoyée ni conservée.",
    tag: 'Aide',
  },
  {
    id: 'listDocuments',
    method: 'GET',
    path: '/documents',
    handler: 'handlers/list-documents.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write', 'documents:read'],
    summary:
      'Mes documents pratiques : les documents utiles salariés et les guides pratiques (titre, catégorie, taille, date de mise à jour).',
    tag: 'Documents',
  },
  {
    id: 'getDocument',
    method: 'POST',
    path: '/documents/{documentId}/download',
    handler: 'handlers/get-document.ts',
    access: 'authenticated',
    permissions: ['table:read', 'table:write', 'documents:read'],
    summary: "Lien de téléchargement de courte durée (5 min) d'un document pratique en PDF.",
    tag: 'Documents',
  },
  {
    id: 'preAffiliateEmployee',
    method: 'POST',
    path: '/companies/{companyId}/affiliation-requests',
    handler: 'handlers/pre-affiliate-employee.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write'],
    summary:
      'Pré-affilier un salarié (établissement, statut, identité) : envoie le BIA par e-mail ou prépare le courrier. En-tête Idempotency-Key.',
    tag: 'Affiliations',
  },
  {
    id: 'importPreAffiliations',
    method: 'POST',
    path: '/companies/{companyId}/affiliation-requests/import',
    handler: 'handlers/import-pre-affiliations.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write'],
    summary:
      "Pré-affiliation en masse depuis un CSV : rapport à blanc (ligne, erreur) puis création de toutes les demandes, ou d'aucune.",
    tag: 'Affiliations',
  },
  {
    id: 'listAffiliationRequests',
    method: 'GET',
    path: '/companies/{companyId}/affiliation-requests',
    handler: 'handlers/list-affiliation-requests.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      "Suivi des demandes d'affiliation : salarié, établissement, mode, statut, dates ; filtres et pagination.",
    tag: 'Affiliations',
  },
  {
    id: 'remindAffiliationRequest',
    method: 'POST',
    path: '/companies/{companyId}/affiliation-requests/{requestId}/reminder',
    handler: 'handlers/remind-affiliation-request.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write'],
    summary:
      'Relancer : renvoie le lien (ou le courrier) au salarié maintenant ; une relance par 24 h au plus.',
    tag: 'Affiliations',
  },
  {
    id: 'restartAffiliationRequest',
    method: 'POST',
    path: '/companies/{companyId}/affiliation-requests/{requestId}/restart',
    handler: 'handlers/restart-affiliation-request.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:write'],
    summary:
      "Relancer un nouveau parcours pour une demande abandonnée : nouveau lien, l'ancien ne fonctionne plus.",
    tag: 'Affiliations',
  },
  {
    id: 'getAffiliationForm',
    method: 'POST',
    path: '/companies/{companyId}/affiliation-requests/{requestId}/form',
    handler: 'handlers/get-affiliation-form.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'generated:read', 'generated:write'],
    summary:
      "Télécharger le formulaire : lettre et BIA en PDF (pré-rempli, ou tel que le salarié l'a complété), lien de courte durée.",
    tag: 'Affiliations',
  },
  {
    id: 'getBia',
    method: 'GET',
    path: '/bia',
    handler: 'handlers/get-bia.ts',
    access: 'employeeLink',
    permissions: ['table:read', 'uploads:read'],
    summary:
      "BIA du salarié (lien personnel) : données pré-remplies par l'employeur et brouillon enregistré.",
    tag: 'BIA salarié',
  },
  {
    id: 'saveBiaDraft',
    method: 'PUT',
    path: '/bia/draft',
    handler: 'handlers/save-bia-draft.ts',
    access: 'employeeLink',
    permissions: ['table:read', 'table:write', 'uploads:read'],
    summary: 'Enregistrer le BIA en brouillon (statut Démarré par le salarié).',
    tag: 'BIA salarié',
  },
  {
    id: 'createBiaUploadUrl',
    method: 'POST',
    path: '/bia/uploads',
    handler: 'handlers/create-bia-upload-url.ts',
    access: 'employeeLink',
    permissions: ['table:read', 'table:write', 'uploads:write'],
    summary:
      "Dépôt direct vers S3 (POST pré-signé) du RIB ou de l'attestation de droits : PDF, JPEG ou PNG, 3 Mo au plus.",
    tag: 'BIA salarié',
  },
  {
    id: 'finalizeBia',
    method: 'POST',
    path: '/bia/finalization',
    handler: 'handlers/finalize-bia.ts',
    access: 'employeeLink',
    permissions: ['table:read', 'table:write', 'uploads:read', 'uploads:write'],
    summary:
      "Finaliser le BIA : vérifie qu'il est complet, crée l'affiliation sur le bon contrat et prévient l'employeur.",
    tag: 'BIA salarié',
  },
  {
    id: 'listCourriers',
    method: 'GET',
    path: '/back-office/courriers',
    handler: 'handlers/list-courriers.ts',
    access: 'insurer',
    permissions: ['table:read', 'generated:read', 'generated:write'],
    summary: "Back-office : courriers d'affiliation à imprimer et à poster, du plus ancien au plus récent.",
    tag: 'Back-office',
  },
  {
    id: 'markCourrierPosted',
    method: 'POST',
    path: '/back-office/companies/{companyId}/affiliation-requests/{requestId}/courrier-posted',
    handler: 'handlers/mark-courrier-posted.ts',
    access: 'insurer',
    permissions: ['table:read', 'table:write'],
    summary: "Back-office : le courrier d'affiliation a été posté (il sort de la file).",
    tag: 'Back-office',
  },
  {
    id: 'recordPaperBia',
    method: 'POST',
    path: '/back-office/companies/{companyId}/affiliation-requests/{requestId}/paper-bia',
    handler: 'handlers/record-paper-bia.ts',
    access: 'insurer',
    permissions: ['table:read', 'table:write'],
    summary:
      "Back-office : saisie d'un BIA papier reçu par courrier ; il est traité comme un BIA finalisé en ligne.",
    tag: 'Back-office',
  },
  {
    id: 'listAnomalies',
    method: 'GET',
    path: '/companies/{companyId}/anomalies',
    handler: 'handlers/list-anomalies.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      "Suivi des anomalies d'affiliation (DSN comparée aux affiliations) : ouvertes ou résolues, filtres, pagination, NIR masqué.",
    tag: 'Anomalies',
  },
  {
    id: 'forceAffiliation',
    method: 'POST',
    path: '/companies/{companyId}/anomalies/{anomalyId}/force-affiliation',
    handler: 'handlers/force-affiliation.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      "Forcer l'affiliation : crée ou corrige l'affiliation sur le contrat correspondant, d'après la DSN.",
    tag: 'Anomalies',
  },
  {
    id: 'forceRadiation',
    method: 'POST',
    path: '/companies/{companyId}/anomalies/{anomalyId}/force-radiation',
    handler: 'handlers/force-radiation.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      'Forcer la radiation : radie le salarié à la date et pour le motif de fin de contrat déclarés en DSN.',
    tag: 'Anomalies',
  },
  {
    id: 'resolveAnomalyAsDispensed',
    method: 'POST',
    path: '/companies/{companyId}/anomalies/{anomalyId}/dispensed',
    handler: 'handlers/resolve-anomaly-as-dispensed.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary: "Dispensé : rattache une dispense d'adhésion validée et clôt l'anomalie.",
    tag: 'Anomalies',
  },
  {
    id: 'listDispenses',
    method: 'GET',
    path: '/companies/{companyId}/dispenses',
    handler: 'handlers/list-dispenses.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write', 'uploads:read'],
    summary:
      "Dispenses d'adhésion demandées par les salariés : à valider, validées, refusées, arrivant à échéance.",
    tag: 'Anomalies',
  },
  {
    id: 'decideDispense',
    method: 'POST',
    path: '/companies/{companyId}/dispenses/{dispenseId}/decision',
    handler: 'handlers/decide-dispense.ts',
    access: 'companyMember',
    // The answer is the dispense as listed, proofs' download links included.
    permissions: ['table:read', 'table:write', 'uploads:read'],
    summary: "Valider ou refuser une dispense d'adhésion (le salarié est prévenu).",
    tag: 'Anomalies',
  },
  {
    id: 'getHomeSummary',
    method: 'GET',
    path: '/companies/{companyId}/home-summary',
    handler: 'handlers/get-home-summary.ts',
    access: 'companyMember',
    permissions: ['table:read', 'table:write'],
    summary:
      "Accueil : demandes d'affiliation par statut, anomalies ouvertes, dispenses à valider et arrivant à échéance (compteurs).",
    tag: 'Accueil',
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];

const routesById = new Map<string, RouteDefinition>(routes.map((route) => [route.id, route]));

export function routeById(id: RouteId): RouteDefinition {
  const route = routesById.get(id);
  if (!route) throw new Error(`Unknown route id ${id}`);
  return route;
}

export const fullPath = (route: RouteDefinition): string => `${API_BASE_PATH}${route.path}`;

/** Routes that exist in a deployed stage (everything but the local-only tools). */
export const deployedRoutes = (): RouteDefinition[] =>
  (routes as readonly RouteDefinition[]).filter((route) => !route.localOnly);
