/**
 * The labels of a person's identity and postal address, the same wherever the person is entered
 * (the employer's pré-affiliation, the employee's BIA); hints, which address someone, stay with
 * each form.
 */
export const identityLabels = {
  civilite: 'Civilité',
  civilites: [
    { value: 'MME', label: 'Madame' },
    { value: 'M', label: 'Monsieur' },
  ],
  lastName: 'Nom',
  birthName: 'Nom de naissance (facultatif)',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  nir: 'Numéro de sécurité sociale',
} as const;

export const addressLabels = {
  line1: 'Numéro et voie',
  line2: 'Complément d’adresse (facultatif)',
  postalCode: 'Code postal',
  city: 'Ville',
} as const;
