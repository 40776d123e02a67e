/**
 * Every key format of the single table, in one place. Repositories build keys only through
 * these functions; the README's entity chart and access-pattern table mirror this file.
 *
 * PII never goes into a key that can reach a browser (list cursors carry keys): NIRs appear
 * only as an HMAC digest, and only in lookup items that are never listed.
 */
export interface ItemKey {
  PK: string;
  SK: string;
}

const companyPk = (companyId: string) => `COMPANY#${companyId}`;

/** Sort keys are compared as strings: fold accents and case so "Élodie" sorts with "Elodie". */
export const sortableName = (...parts: string[]): string =>
  parts
    .map((part) =>
      part
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, ' ')
        .trim(),
    )
    .join('#');

export const keys = {
  // Companies (the insurer's "adhérent"), their establishments and contracts.
  company: (companyId: string): ItemKey => ({ PK: companyPk(companyId), SK: 'PROFILE' }),
  /** Guard + lookup: the insurer's identifiant entreprise → companyId (unique). */
  companyNumber: (companyNumber: string): ItemKey => ({ PK: `COMPANYNO#${companyNumber}`, SK: 'COMPANYNO' }),
  establishment: (companyId: string, siret: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `ESTABLISHMENT#${siret}`,
  }),
  establishmentsPrefix: (companyId: string) => ({ PK: companyPk(companyId), SKPrefix: 'ESTABLISHMENT#' }),
  /** GSI2 on the establishment: SIRET → company (activation, adding an establishment). */
  establishmentBySiret: (siret: string) => ({ GSI2PK: `SIRET#${siret}`, GSI2SK: 'ESTABLISHMENT' }),
  contract: (companyId: string, contractNumber: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `CONTRACT#${contractNumber}`,
  }),
  contractsPrefix: (companyId: string) => ({ PK: companyPk(companyId), SKPrefix: 'CONTRACT#' }),

  // Insured people (one item per affiliation to a contract), beneficiaries inside the item.
  insured: (companyId: string, insuredId: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `INSURED#${insuredId}`,
  }),
  /** Guard + lookup: (company, NIR digest, contract) → insuredId (unique affiliation). */
  insuredByNir: (companyId: string, nirDigest: string, contractNumber: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `NIR#${nirDigest}#${contractNumber}`,
  }),
  /** GSI1: the company's insured sorted by name (Mes salariés). */
  insuredByName: (companyId: string, lastName: string, firstName: string, insuredId: string) => ({
    GSI1PK: `${companyPk(companyId)}#INSURED`,
    GSI1SK: `${sortableName(lastName, firstName)}#${insuredId}`,
  }),
  insuredByNamePartition: (companyId: string) => ({ GSI1PK: `${companyPk(companyId)}#INSURED` }),
  /** GSI2: the insured of one contract sorted by name (contract detail). */
  insuredByContract: (
    companyId: string,
    contractNumber: string,
    lastName: string,
    firstName: string,
    insuredId: string,
  ) => ({
    GSI2PK: `${companyPk(companyId)}#CONTRACT#${contractNumber}`,
    GSI2SK: `${sortableName(lastName, firstName)}#${insuredId}`,
  }),
  insuredByContractPartition: (companyId: string, contractNumber: string) => ({
    GSI2PK: `${companyPk(companyId)}#CONTRACT#${contractNumber}`,
  }),

  /** GSI3: the insured of one establishment sorted by name. */
  insuredByEstablishment: (
    companyId: string,
    siret: string,
    lastName: string,
    firstName: string,
    insuredId: string,
  ) => ({
    GSI3PK: `${companyPk(companyId)}#SIRET#${siret}`,
    GSI3SK: `${sortableName(lastName, firstName)}#${insuredId}`,
  }),
  insuredByEstablishmentPartition: (companyId: string, siret: string) => ({
    GSI3PK: `${companyPk(companyId)}#SIRET#${siret}`,
  }),
  /** GSI4: the active (no end date) or radiated insured of a company sorted by name. */
  insuredByState: (
    companyId: string,
    state: 'active' | 'radiated',
    lastName: string,
    firstName: string,
    insuredId: string,
  ) => ({
    GSI4PK: `${companyPk(companyId)}#STATE#${state}`,
    GSI4SK: `${sortableName(lastName, firstName)}#${insuredId}`,
  }),
  insuredByStatePartition: (companyId: string, state: 'active' | 'radiated') => ({
    GSI4PK: `${companyPk(companyId)}#STATE#${state}`,
  }),
  /** The insured's NIR lookups (any contract): `begins_with(SK, NIR#<digest>#)`. */
  insuredNirPrefix: (companyId: string, nirDigest: string) => ({
    PK: companyPk(companyId),
    SKPrefix: `NIR#${nirDigest}#`,
  }),

  // Demandes d'affiliation: pré-affiliation by the employer → the employee's BIA → an insured.
  affiliationRequest: (companyId: string, requestId: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `AFFREQ#${requestId}`,
  }),
  /** All requests of a company, newest first (ULID sort key). */
  affiliationRequestsPrefix: (companyId: string) => ({ PK: companyPk(companyId), SKPrefix: 'AFFREQ#' }),
  /** GSI2 on the request: a company's requests in one status, newest first. */
  affiliationRequestByStatus: (companyId: string, status: string, requestId: string) => ({
    GSI2PK: `${companyPk(companyId)}#AFFREQ#${status}`,
    GSI2SK: requestId,
  }),
  affiliationRequestByStatusPartition: (companyId: string, status: string) => ({
    GSI2PK: `${companyPk(companyId)}#AFFREQ#${status}`,
  }),
  /** GSI1 on the request (sparse, open requests only): due time of the next reminder or abandonment. */
  affiliationDue: (dueAt: string, companyId: string, requestId: string) => ({
    GSI1PK: 'AFFREQ#DUE',
    GSI1SK: `${dueAt}#${companyId}#${requestId}`,
  }),
  affiliationDuePartition: () => ({ GSI1PK: 'AFFREQ#DUE' }),
  /** GSI3 on the request (sparse): courriers waiting for the mail room, oldest first. */
  courrierQueue: (queuedAt: string, companyId: string, requestId: string) => ({
    GSI3PK: 'COURRIER#PENDING',
    GSI3SK: `${queuedAt}#${companyId}#${requestId}`,
  }),
  courrierQueuePartition: () => ({ GSI3PK: 'COURRIER#PENDING' }),
  /** Guard: at most one open request per NIR (digest) in a company; holds its requestId. */
  openAffiliationByNir: (companyId: string, nirDigest: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `AFFREQNIR#${nirDigest}`,
  }),
  /** Counters of the home page's focus, changed in the same transactions as what they count. */
  companyCounters: (companyId: string): ItemKey => ({ PK: companyPk(companyId), SK: 'COUNTERS' }),
  /** Idempotency-Key of a state-changing call: the first answer, replayed to a retry. */
  idempotency: (scope: string, key: string): ItemKey => ({
    PK: `IDEMPOTENCY#${scope}#${key}`,
    SK: 'IDEMPOTENCY',
  }),

  // DSN imports, the anomalies they raise, and dispenses d'adhésion.
  /** Guard: one DSN file (by content digest) is imported once per company; holds its month. */
  dsnImport: (companyId: string, digest: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `DSN#${digest}`,
  }),
  anomaly: (companyId: string, anomalyId: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `ANOMALY#${anomalyId}`,
  }),
  /** GSI2 on the anomaly: a company's open or resolved anomalies, newest first. */
  anomalyByState: (companyId: string, state: 'open' | 'resolved', anomalyId: string) => ({
    GSI2PK: `${companyPk(companyId)}#ANOMALY#${state}`,
    GSI2SK: anomalyId,
  }),
  anomalyByStatePartition: (companyId: string, state: 'open' | 'resolved') => ({
    GSI2PK: `${companyPk(companyId)}#ANOMALY#${state}`,
  }),
  /**
   * Guard: an anomaly (by its deterministic key, a digest: it derives from a NIR) is raised
   * once; kept after resolution so that the next DSN does not raise it again.
   */
  anomalyGuard: (companyId: string, anomalyKeyDigest: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `ANOMALYKEY#${anomalyKeyDigest}`,
  }),
  dispense: (companyId: string, dispenseId: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `DISPENSE#${dispenseId}`,
  }),
  /** GSI2 on the dispense: a company's dispenses in one state, newest first. */
  dispenseByState: (companyId: string, state: 'pending' | 'validated' | 'refused', dispenseId: string) => ({
    GSI2PK: `${companyPk(companyId)}#DISPENSE#${state}`,
    GSI2SK: dispenseId,
  }),
  dispenseByStatePartition: (companyId: string, state: 'pending' | 'validated' | 'refused') => ({
    GSI2PK: `${companyPk(companyId)}#DISPENSE#${state}`,
  }),
  /** GSI3 on a validated dispense with an end date (sparse): by end date, for the reminder job. */
  dispenseEnding: (endDate: string, companyId: string, dispenseId: string) => ({
    GSI3PK: 'DISPENSE#ENDING',
    GSI3SK: `${endDate}#${companyId}#${dispenseId}`,
  }),
  dispenseEndingPartition: () => ({ GSI3PK: 'DISPENSE#ENDING' }),
  /** GSI4 on a validated dispense: a company's validated dispenses ending by date (endingSoon list). */
  companyDispenseEnding: (companyId: string, endDate: string, dispenseId: string) => ({
    GSI4PK: `${companyPk(companyId)}#DISPENSE#ENDING`,
    GSI4SK: `${endDate}#${dispenseId}`,
  }),
  companyDispenseEndingPartition: (companyId: string) => ({
    GSI4PK: `${companyPk(companyId)}#DISPENSE#ENDING`,
  }),
  /** Lookup: a company's dispenses of one person (NIR digest) → dispenseId. */
  dispenseByNir: (companyId: string, nirDigest: string, dispenseId: string): ItemKey => ({
    PK: companyPk(companyId),
    SK: `DISPENSENIR#${nirDigest}#${dispenseId}`,
  }),
  dispenseByNirPrefix: (companyId: string, nirDigest: string) => ({
    PK: companyPk(companyId),
    SKPrefix: `DISPENSENIR#${nirDigest}#`,
  }),

  // Outbox: messages leaving the system (e-mail, SMS), written with the change that causes them.
  outbox: (messageId: string): ItemKey => ({ PK: `OUTBOX#${messageId}`, SK: 'OUTBOX' }),
  /** GSI1 (sparse): messages still to send, by next attempt time; removed once sent or parked. */
  outboxDue: (nextAttemptAt: string, messageId: string) => ({
    GSI1PK: 'OUTBOX#PENDING',
    GSI1SK: `${nextAttemptAt}#${messageId}`,
  }),
  outboxDuePartition: () => ({ GSI1PK: 'OUTBOX#PENDING' }),
  /** GSI2 (sparse): messages that failed for good, for people to look at. */
  outboxParked: (parkedAt: string, messageId: string) => ({
    GSI2PK: 'OUTBOX#PARKED',
    GSI2SK: `${parkedAt}#${messageId}`,
  }),

  // Users, their memberships (one per company, with the profile), devices and sessions.
  user: (userId: string): ItemKey => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** Guard + lookup: e-mail (lower case) → userId (unique). */
  userEmail: (email: string): ItemKey => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' }),
  membership: (userId: string, companyId: string): ItemKey => ({
    PK: `USER#${userId}`,
    SK: `MEMBER#${companyId}`,
  }),
  membershipsPrefix: (userId: string) => ({ PK: `USER#${userId}`, SKPrefix: 'MEMBER#' }),
  /** GSI1 on the membership: the members of a company (Gestion des habilitations). */
  companyMember: (companyId: string, userId: string) => ({
    GSI1PK: `${companyPk(companyId)}#MEMBERS`,
    GSI1SK: `USER#${userId}`,
  }),
  companyMembersPartition: (companyId: string) => ({ GSI1PK: `${companyPk(companyId)}#MEMBERS` }),
  /** A browser that completed the second factor (digest of the device cookie). */
  device: (userId: string, deviceDigest: string): ItemKey => ({
    PK: `USER#${userId}`,
    SK: `DEVICE#${deviceDigest}`,
  }),
  /** Session by digest of its secret; GSI1 lists a user's sessions (to end them all). */
  session: (sessionDigest: string): ItemKey => ({ PK: `SESSION#${sessionDigest}`, SK: 'SESSION' }),
  userSession: (userId: string, createdAt: string) => ({
    GSI1PK: `USER#${userId}#SESSIONS`,
    GSI1SK: createdAt,
  }),
  userSessionsPartition: (userId: string) => ({ GSI1PK: `USER#${userId}#SESSIONS` }),
  /** Password checked, second factor pending (digest of the login cookie). */
  loginAttempt: (attemptDigest: string): ItemKey => ({ PK: `LOGIN#${attemptDigest}`, SK: 'LOGIN' }),
  /** Single-use link tokens (e-mail confirmation, password reset, invitation), by digest. */
  linkToken: (tokenDigest: string): ItemKey => ({ PK: `TOKEN#${tokenDigest}`, SK: 'TOKEN' }),
  /** Fixed-window counters: `scope` names the limit, `subject` what is counted (digested when personal). */
  rateCounter: (scope: string, subject: string, window: string): ItemKey => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `WINDOW#${window}`,
  }),
  /** Audit trail of a company, newest first by ULID. */
  audit: (companyId: string, auditId: string): ItemKey => ({
    PK: `${companyPk(companyId)}#AUDIT`,
    SK: auditId,
  }),

  // Uploads (presigned POST, then checked) and "Nous contacter" messages.
  upload: (uploadId: string): ItemKey => ({ PK: `UPLOAD#${uploadId}`, SK: 'UPLOAD' }),
  /** A user's messages to the insurer about one company, newest first (ULID sort key). */
  contactMessage: (companyId: string, userId: string, messageId: string): ItemKey => ({
    PK: `${companyPk(companyId)}#CONTACT#${userId}`,
    SK: messageId,
  }),
  contactMessagesPartition: (companyId: string, userId: string) => ({
    PK: `${companyPk(companyId)}#CONTACT#${userId}`,
  }),
  /** Idempotency of "Envoyer": one message per browser-chosen request id. */
  contactRequest: (requestId: string): ItemKey => ({ PK: `CONTACTREQ#${requestId}`, SK: 'CONTACTREQ' }),

  // Back-office import reports.
  importRun: (fileKey: string, etag: string): ItemKey => ({ PK: `IMPORT#${fileKey}`, SK: `RUN#${etag}` }),
} as const;

/** Every item carries its entity type and schema version. */
export type EntityType =
  | 'Company'
  | 'CompanyNumber'
  | 'Establishment'
  | 'Contract'
  | 'Insured'
  | 'InsuredNir'
  | 'Outbox'
  | 'ImportRun'
  | 'User'
  | 'UserEmail'
  | 'Membership'
  | 'Device'
  | 'Session'
  | 'LoginAttempt'
  | 'LinkToken'
  | 'RateCounter'
  | 'Audit'
  | 'Upload'
  | 'ContactMessage'
  | 'ContactRequest'
  | 'AffiliationRequest'
  | 'OpenAffiliationNir'
  | 'CompanyCounters'
  | 'Idempotency'
  | 'DsnImport'
  | 'Anomaly'
  | 'AnomalyGuard'
  | 'Dispense'
  | 'DispenseNir';
