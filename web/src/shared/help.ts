/** The scheme's help line, as printed in the user guide ("Besoin d'aide ?"). */
export const HELP_LINE = {
  display: '01 44 20 80 63',
  href: 'tel:+33144208063',
  hours: 'du lundi au vendredi de 9h00 à 17h00',
  pricing: 'numéro non surtaxé',
} as const;
