import { ROLE_LABELS } from '../../../../functions/contracts/auth';
import { identityLabels } from '../../shared/forms/person-copy';

/** The French wording of "Mes habilitations" and of the invitation page, in one place. */
export const habilitationsCopy = {
  civilites: identityLabels.civilites,
  roleOptions: [
    { value: 'admin', label: ROLE_LABELS.admin },
    { value: 'user', label: ROLE_LABELS.user },
  ],
  profilesHelp:
    'Administrateur : accède à « Mes habilitations » et gère les accès des autres utilisateurs et des tiers déclarants. Utilisateur : accède à toutes les autres rubriques.',
  selfEditNote:
    'Il s’agit de votre propre accès : si vous ne gardez pas le profil Administrateur, vous n’aurez plus accès à cette rubrique.',
  adminOnlyTitle: 'Rubrique réservée aux administrateurs',
  adminOnly: (company: string) =>
    `La gestion des habilitations est réservée aux administrateurs de l’entreprise ${company}. Pour ajouter un utilisateur ou modifier des droits, adressez-vous à l’un d’eux.`,
  inviteTitle: 'Ajouter un utilisateur à mon espace entreprise',
  inviteIntro:
    'Le nouvel utilisateur recevra un e-mail avec un lien pour créer son mot de passe. Tous les champs sont obligatoires.',
  invitationSent: 'Invitation envoyée',
  deactivation: {
    temporary: {
      title: (name: string) => `Désactiver temporairement l’accès de ${name} ?`,
      confirm: 'Désactiver temporairement',
      explain: (name: string, company: string) =>
        `${name} ne pourra plus accéder à l’espace de ${company} : ses sessions en cours sont fermées immédiatement. Vous pourrez réactiver cet accès à tout moment.`,
    },
    permanent: {
      title: (name: string) => `Désactiver définitivement l’accès de ${name} ?`,
      confirm: 'Désactiver définitivement',
      explain: (name: string, company: string) =>
        `${name} ne pourra plus accéder à l’espace de ${company} : ses sessions en cours sont fermées immédiatement.`,
      irreversible:
        'Cette désactivation est irréversible : cet accès ne pourra plus être réactivé ni modifié.',
    },
    self: 'Il s’agit de votre propre accès : vous serez déconnecté(e) immédiatement.',
  },
  invitation: {
    title: 'Créer mon mot de passe',
    lead: 'Vous avez été invité(e) à rejoindre l’Espace Entreprise Santé : choisissez votre mot de passe pour activer votre accès.',
    incompleteLink: 'Ce lien est incomplet. Ouvrez-le directement depuis l’e-mail d’invitation reçu.',
    deadLinkAdvice:
      'Demandez à l’administrateur qui vous a invité(e) de vous renvoyer le lien depuis « Gestion des habilitations ».',
  },
} as const;
