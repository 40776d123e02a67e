/** The facts about the scheme that several documents repeat, written once. */
export const SCHEME = {
  name: 'HCR Bien-Être',
  insurer: 'Malakoff Humanis',
  /** The creditor of SEPA debits and the sender of the documents. */
  legalName: 'HCR Bien-Être — Malakoff Humanis',
  street: '21 rue Laffitte',
  postalCode: '75009',
  city: 'Paris',
  portal: 'Espace Entreprise Santé',
  helpLine: '01 44 20 80 63',
  helpHours: 'du lundi au vendredi de 9h00 à 17h00',
  helpPricing: 'numéro non surtaxé',
} as const;

export const HELP_SENTENCE = `Nos conseillers vous répondent ${SCHEME.helpHours} au ${SCHEME.helpLine} (${SCHEME.helpPricing}).`;
