/**
 * The home page's French wording, in one place. Plain strings only: the page paints without
 * zod (its counters, which need the contracts, load in a chunk of their own).
 */
export const homeCopy = {
  tilesTitle: 'Vos rubriques',
  employeesGroup: 'Mes salariés',
  adminOnly: 'Réservé aux administrateurs.',
  focusTitle: 'Focus sur vos affiliations',
  focusCompany: (name: string) => `Pour l'entreprise ${name}.`,
  focusNoCompany:
    "Le focus sur vos affiliations s'affiche dès que votre compte est rattaché à une entreprise.",
  loading: 'Chargement du focus sur vos affiliations…',
  error: "Le focus sur vos affiliations n'a pas pu être chargé.",
  requestsTitle: "Demandes d'affiliation",
  anomaliesTitle: "Anomalies d'affiliation",
  dispensesTitle: "Dispenses d'adhésion",
  noRequests: "Aucune demande d'affiliation pour le moment.",
  requestsHint: 'Chaque statut mène à la liste des demandes concernées.',
  noAnomalies: 'Aucune anomalie à traiter : vos DSN concordent avec les affiliations.',
  anomaliesHint: 'Forcez l’affiliation ou la radiation, ou rattachez une dispense.',
  lastDsn: (month: string) => `Dernière DSN reçue : ${month}.`,
  noDsn: "Aucune DSN n'a encore été reçue.",
  noDispenses: 'Aucune dispense à valider ni arrivant à échéance.',
  dispensesHint: 'Un rappel vous est envoyé 30 jours avant la fin de chaque dispense.',
} as const;

/** How many counters each card shows, so the loading skeleton is as tall as the answer. */
export const FOCUS_ROWS = { requests: 4, anomalies: 1, dispenses: 2 } as const;
