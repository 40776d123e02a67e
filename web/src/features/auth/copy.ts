import { PASSWORD_MIN_LENGTH } from '../../../../functions/contracts/auth';
import { HELP_LINE } from '../../shared/help';

/** The French wording of the authentication screens, in one place (the user guide's terms). */
export const authCopy = {
  requiredNote: 'Tous les champs sont obligatoires.',
  passwordRule: `${PASSWORD_MIN_LENGTH} caractères minimum, sans autre contrainte ; évitez les mots de passe courants. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`,
  passwordMismatch: 'Les deux mots de passe ne sont pas identiques.',
  phoneHint: 'Un mobile français (06 ou 07), par exemple 06 12 34 56 78.',

  securityWhy: [
    'La double authentification protège votre espace et les données de vos salariés : en plus de votre mot de passe, un code de sécurité vous est envoyé par SMS.',
    'Elle est demandée :',
  ],
  securityWhen: [
    "lors d'un changement de navigateur internet ;",
    "lors d'un changement d'adresse IP (changement de box ou de réseau wifi) ;",
    "lors d'une longue période sans connexion (à partir de 3 mois) ;",
    "tant que votre numéro de téléphone mobile n'a pas été vérifié.",
  ],
  verifiedPhoneLocked: `Ce numéro ne peut pas être modifié depuis cet écran. S'il n'est plus le bon, appelez-nous au ${HELP_LINE.display} (${HELP_LINE.hours}).`,

  identifierHelpTitle: 'Comment retrouver votre identifiant entreprise ?',
} as const;
