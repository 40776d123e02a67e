import {
  AFFILIATION_MODE_LABELS,
  AFFILIATION_STATUS_LABELS,
} from '../../../../functions/contracts/affiliation';
import { formatCount } from '../../shared/format';
import { addressLabels, identityLabels } from '../../shared/forms/person-copy';

/** The wording of Pré-affilier un salarié and Suivi des affiliations, in one place. */
export const affiliationCopy = {
  noCompany: "Aucune entreprise n'est rattachée à votre compte : vous ne pouvez pas pré-affilier de salarié.",
  requiredNote: 'Tous les champs sont obligatoires, sauf mention « facultatif ».',

  // Pré-affilier: the choice between one employee and a CSV file.
  modes: { single: 'Un salarié', bulk: 'Plusieurs salariés (CSV)' },
  modesLabel: 'Mode de pré-affiliation',

  wizardLabel: 'Étapes de la pré-affiliation',
  cancel: 'Annuler',
  validate: 'Valider',
  back: 'Étape précédente',
  edit: 'Modifier',
  cancelled: 'Pré-affiliation annulée : rien n’a été enregistré ni envoyé.',

  establishmentLegend: 'Établissement du salarié',
  establishmentIntro: 'Choisissez l’établissement où le salarié est embauché.',
  loadingEstablishments: 'Chargement des établissements…',
  establishmentsError: 'La liste de vos établissements n’a pas pu être chargée.',
  noEstablishment:
    'Aucun établissement n’est rattaché à cette entreprise : contactez-nous pour le faire ajouter.',

  statutLegend: 'Statut professionnel du salarié',
  statutIntro:
    'Le statut détermine le contrat santé sur lequel le salarié sera affilié : celui de sa catégorie (cadre ou non cadre).',

  employeeIntro: 'Les informations du salarié, telles qu’elles figurent sur ses documents d’identité.',
  ...identityLabels,
  birthNameHint: 'S’il diffère du nom d’usage.',
  nirHint: '15 caractères : 13 chiffres et la clé (2A ou 2B pour la Corse). Exemple : 1 85 05 78 006 084 36.',
  email: 'Adresse e-mail personnelle (facultatif)',
  emailHint:
    'Le salarié y recevra son lien personnel pour s’affilier en ligne. Sans e-mail, un courrier est préparé pour lui être envoyé par la poste.',
  addressLegend: 'Adresse postale du salarié',
  ...addressLabels,
  hireDate: 'Date d’embauche',
  contractStartDate: 'Date de début du contrat',
  contractStartHint: 'Date à laquelle la couverture santé du salarié commence.',

  summaryIntro: 'Vérifiez les informations avant d’envoyer la demande d’affiliation au salarié.',
  submit: 'Envoyer la demande',
  submitting: 'Envoi de la demande en cours…',
  sendingByEmail: (email: string) => `Par e-mail, à ${email}`,
  sendingByMail: 'Par courrier (aucun e-mail renseigné)',

  sentByEmailTitle: 'Envoyé à l’employé par e-mail',
  sentByMailTitle: 'Courrier à envoyer',
  downloadForm: 'Télécharger le formulaire (PDF)',
  another: 'Pré-affilier un autre salarié',

  // Bulk import.
  bulkTitle: 'Pré-affiliation en masse (CSV)',
  bulkIntro:
    'Pré-affiliez plusieurs salariés à partir d’un fichier CSV : il est d’abord vérifié en entier, et rien n’est créé tant qu’une ligne est en erreur.',
  bulkFileLabel: 'Fichier CSV des salariés',
  bulkFileHint: 'Encodé en UTF-8, colonnes séparées par « ; » ou « , », 500 lignes au plus.',
  bulkTemplate: 'Télécharger le modèle CSV',
  bulkColumns: 'Colonnes attendues, dans cet ordre',
  bulkChecking: 'Vérification du fichier en cours…',
  bulkCreating: 'Création des demandes en cours…',
  bulkReportTitle: 'Rapport de vérification',
  bulkReportCaption: 'Erreurs du fichier, par ligne',
  bulkNoLines: 'Ce fichier ne contient aucune ligne de salarié sous la ligne des noms de colonnes.',
  bulkFix:
    'Corrigez ces lignes dans votre fichier, puis choisissez-le à nouveau. Aucune demande n’a été créée.',
  bulkCreate: (count: number) =>
    count === 1 ? 'Créer la demande' : `Créer les ${formatCount(count, 'demande')}`,
  bulkCreated: (count: number) =>
    `${formatCount(count, 'demande d’affiliation créée', 'demandes d’affiliation créées')}`,
  bulkAnother: 'Importer un autre fichier',

  // Suivi des affiliations.
  filtersLabel: 'Filtrer les demandes d’affiliation',
  statusLabel: 'Statut',
  allStatuses: 'Tous les statuts',
  statusOptions: Object.entries(AFFILIATION_STATUS_LABELS).map(([value, label]) => ({ value, label })),
  modeLabel: 'Mode d’envoi',
  allModes: 'E-mail et courrier',
  modeOptions: Object.entries(AFFILIATION_MODE_LABELS).map(([value, label]) => ({ value, label })),
  establishmentLabel: 'Établissement',
  allEstablishments: 'Tous les établissements',
  resetFilters: 'Effacer les filtres',
  loadingList: 'Chargement des demandes d’affiliation…',
  listError: 'La liste des demandes d’affiliation n’a pas pu être chargée.',
  listCaption: 'Demandes d’affiliation, de la plus récente à la plus ancienne',
  empty: 'Aucune demande d’affiliation n’a encore été faite pour cette entreprise.',
  emptyFiltered: 'Aucune demande ne correspond à ces filtres. Modifiez-les ou effacez-les.',
  loadMore: 'Afficher plus',
  loadMoreSubject: 'de demandes',
  results: (count: number, more: boolean) =>
    `${formatCount(count, 'demande affichée', 'demandes affichées')}${more ? ". D'autres demandes peuvent être affichées." : '.'}`,

  remind: 'Relancer',
  reminding: 'Relance en cours…',
  reminderTooSoon: (when: string) => `Une relance par 24 heures : nouvelle relance possible le ${when}.`,
  reminded: (name: string) => `Relance envoyée à ${name}.`,
  restart: 'Relancer un nouveau parcours',
  restarting: 'Envoi du nouveau lien en cours…',
  restartTitle: (name: string) => `Relancer un nouveau parcours pour ${name} ?`,
  restartExplain:
    'Le salarié reçoit un nouveau lien personnel (ou un nouveau courrier) pour compléter son affiliation. L’ancien lien ne fonctionnera plus et ce qu’il avait déjà saisi est effacé.',
  restarted: (name: string) => `Nouveau parcours envoyé à ${name}.`,
  form: 'Formulaire (PDF)',
  dispenseOutcome: 'Dispense d’adhésion demandée',
  /** Under the next due date when it is the abandonment, not a reminder. */
  abandonDue: 'Abandon de la demande si le BIA n’est pas finalisé',
} as const;
