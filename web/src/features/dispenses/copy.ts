/** The dispenses feature's French wording, in one place. */
export const dispensesCopy = {
  listCaption: "Dispenses d'adhésion demandées par vos salariés",
  loadingList: 'Chargement des dispenses…',
  listError: "La liste des dispenses n'a pas pu être chargée.",
  moreError: "La suite de la liste n'a pas pu être chargée.",
  viewLabel: 'Afficher',
  noCompany: "Aucune entreprise n'est rattachée à votre compte : il n'y a pas de dispense à afficher.",
  intro:
    "Un salarié peut demander à être dispensé d'adhésion pour un motif prévu par la loi (bénéficiaire de la complémentaire santé solidaire, contrat individuel jusqu'à son échéance, autre couverture collective obligatoire…) depuis son formulaire d'affiliation. Vérifiez son motif et ses justificatifs, puis validez ou refusez sa demande : il en est prévenu.",
  noEndDate: 'Sans date de fin',
  noProof: 'Aucun justificatif',
  validate: 'Valider',
  refuse: 'Refuser',
  conflict:
    'Cette dispense a été modifiée entre-temps (peut-être déjà décidée par un autre utilisateur). Rechargez la liste puis réessayez.',
  reload: 'Fermer et recharger la liste',
  validateTitle: (name: string) => `Valider la dispense de ${name}`,
  refuseTitle: (name: string) => `Refuser la dispense de ${name}`,
  validateExplain: (name: string, until: string | null) =>
    `La dispense prend effet : pas d'affiliation au régime pour ${name}${until ? ` jusqu'au ${until}` : ''}. Votre décision lui est notifiée. Une anomalie « Déclaré en DSN mais non affilié » la concernant pourra ensuite être close en y rattachant cette dispense.`,
  validateReminder: (days: number) =>
    `Vous recevrez un rappel ${days} jours avant la fin de la dispense : l'affiliation devra alors être faite, sauf nouvelle dispense.`,
  refuseExplain: (name: string) =>
    `Votre refus et son motif sont notifiés à ${name}. Son affiliation au régime redevient obligatoire : sa demande d'affiliation repart sur un nouveau parcours (nouveau lien personnel, ou nouveau courrier, et relances habituelles), à suivre dans le suivi des affiliations.`,
  commentLabel: 'Motif du refus, adressé au salarié',
  commentHint: 'Par exemple : justificatif illisible, attestation expirée. 500 caractères au plus.',
  confirmValidate: 'Valider la dispense',
  confirmRefuse: 'Refuser la dispense',
  pendingValidate: 'Validation en cours…',
  pendingRefuse: 'Refus en cours…',
  cancel: 'Annuler',
  validated: (name: string) => `Dispense de ${name} validée.`,
  refused: (name: string) => `Dispense de ${name} refusée ; le salarié est prévenu.`,
} as const;
