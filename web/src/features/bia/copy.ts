import { BIA_DOCUMENT_KINDS, type BiaDocumentKind } from '../../../../functions/contracts/affiliation';
import { addressLabels, identityLabels } from '../../shared/forms/person-copy';

/** The wording of the employee's BIA (bulletin individuel d'affiliation), in one place. */
export const biaCopy = {
  loading: 'Chargement de votre bulletin d’affiliation…',
  loadError: 'Votre bulletin d’affiliation n’a pas pu être chargé.',
  retry: 'Réessayer',

  invalidTitle: 'Ce lien n’est plus valable',
  invalidLead: 'Le lien d’affiliation a expiré, a été remplacé par un lien plus récent, ou il est incomplet.',
  invalidWhat: [
    'Ouvrez le lien du dernier e-mail d’affiliation reçu, directement depuis l’e-mail, sans le recopier.',
    'Votre lien a expiré ? Demandez à votre employeur de vous envoyer un nouveau parcours d’affiliation.',
    'Vous avez déjà finalisé votre affiliation ? Vous n’avez plus rien à faire : votre employeur en a été informé.',
  ],

  abandonedTitle: 'Ce parcours d’affiliation a été interrompu',
  abandonedLead:
    'Le délai pour compléter ce bulletin est dépassé. Demandez à votre employeur de vous ouvrir un nouveau parcours : vous recevrez un nouveau lien.',

  finalizedTitle: 'Votre affiliation est finalisée',
  finalizedStatus: 'Finalisé par le salarié',
  finalizedLead:
    'Votre bulletin d’affiliation a été transmis. Votre employeur en est informé ; votre couverture santé démarre à la date de début de votre contrat.',

  intro: (company: string, establishment: string) =>
    `${company} (${establishment}) vous affilie à la complémentaire santé collective HCR Bien-Être. Vérifiez et complétez vos informations, joignez vos justificatifs, puis finalisez votre affiliation.`,
  contractStart: 'Début de la couverture',
  statut: 'Catégorie',
  status: 'État de votre bulletin',
  linkValidUntil: 'Lien valable jusqu’au',
  draftNote:
    'Vous pouvez enregistrer votre bulletin en brouillon à tout moment et revenir le compléter plus tard avec le même lien.',

  identityTitle: 'Votre identité',
  identityIntro: 'Pré-remplie par votre employeur : corrigez-la si besoin.',
  ...identityLabels,
  birthNameHint: 'S’il diffère de votre nom d’usage.',
  nirHint:
    'Renseigné par votre employeur et masqué pour votre sécurité. S’il est inexact, contactez votre employeur.',

  addressTitle: 'Votre adresse',
  ...addressLabels,
  email: 'Adresse e-mail (facultatif)',
  emailHint: 'Pour recevoir la confirmation de votre affiliation.',

  situationTitle: 'Votre situation',
  situation: 'Situation de famille',
  situationPlaceholder: 'Choisissez votre situation',
  noemie: 'Télétransmission Noémie',
  noemieHint:
    'Vos remboursements de la Sécurité sociale sont transmis automatiquement à votre complémentaire santé : plus de feuille de soins à envoyer.',
  yesNo: [
    { value: 'oui', label: 'Oui' },
    { value: 'non', label: 'Non' },
  ],

  beneficiariesTitle: 'Vos bénéficiaires',
  beneficiariesIntro:
    'Votre conjoint et vos enfants à charge peuvent être couverts avec vous. Sans bénéficiaire, passez à la suite.',
  addConjoint: 'Ajouter mon conjoint',
  addChild: 'Ajouter un enfant',
  conjoint: 'Conjoint',
  child: (rank: number) => `Enfant ${rank}`,
  removeConjoint: 'Retirer le conjoint',
  removeChild: (rank: number) => `Retirer l’enfant ${rank}`,
  nirChoice: 'Numéro de sécurité sociale',
  nirChoices: [
    { value: 'own', label: 'Son propre numéro' },
    { value: 'attached', label: 'Rattaché au numéro d’un parent' },
  ],
  beneficiaryNir: 'Son numéro de sécurité sociale',
  attachedToNir: 'Rattaché au numéro de sécurité sociale de',
  attachedToNirHint: 'Le vôtre ou celui de l’autre parent : 15 caractères, clé comprise.',
  nirInputHint: '15 caractères : 13 chiffres et la clé.',
  beneficiaryNoemie: 'Télétransmission Noémie pour ce bénéficiaire',
  added: (name: string) => `${name} ajouté. Complétez ses informations.`,
  removed: (name: string) => `${name} retiré.`,

  bankTitle: 'Vos coordonnées bancaires',
  bankIntro: 'Pour le versement de vos remboursements.',
  holder: 'Titulaire du compte',
  iban: 'IBAN',
  ibanHint: '27 caractères pour un compte en France, commençant par FR. Espaces acceptés.',
  bic: 'BIC',
  bicHint: '8 ou 11 caractères, indiqué sur votre RIB.',

  documentsTitle: 'Vos justificatifs',
  documentsIntro: (formats: string, size: string) =>
    `Formats ${formats}, ${size} au plus par fichier, 2 fichiers au plus par justificatif (une attestation en deux pages, par exemple).`,
  documentLabels: BIA_DOCUMENT_KINDS,
  documentHint: (kind: BiaDocumentKind) =>
    kind === 'other'
      ? 'Facultatif : tout autre document utile à votre affiliation (livret de famille, certificat de scolarité…).'
      : 'Obligatoire pour finaliser votre affiliation.',
  uploaded: 'Envoyé',

  // "Je demande une dispense d'adhésion", instead of the affiliation (components/DispenseSection.tsx).
  dispenseTitle: 'Affiliation ou dispense',
  dispenseIntro:
    'L’affiliation au régime est obligatoire. La loi permet toutefois d’en être dispensé dans quelques situations : si c’est votre cas, demandez-le ici avec le justificatif demandé. Votre employeur validera ou refusera votre demande, et vous en serez informé.',
  dispenseRequested: 'Je demande une dispense d’adhésion',
  dispenseReason: 'Motif de la dispense',
  dispenseReasonPlaceholder: 'Choisissez votre situation',
  dispenseLegalBasis: (basis: string) => `Fondement : ${basis}.`,
  dispenseEndDateHint: (months: number | null) =>
    months === null ? '' : `Au plus tard dans ${months} mois pour ce motif.`,
  dispenseProofHint: (annual: boolean) =>
    `Obligatoire pour ce motif.${annual ? ' Vous devrez en fournir une nouvelle chaque année à votre employeur.' : ''}`,
  dispenseSworn:
    'Je certifie sur l’honneur l’exactitude de ces informations et je préviendrai mon employeur si ma situation change.',
  dispenseOthersHidden:
    'Pour une demande de dispense, les rubriques de l’affiliation (situation, bénéficiaires, coordonnées bancaires, justificatifs) n’ont pas à être remplies.',
  sendDispense: 'Envoyer ma demande de dispense',
  sendingDispense: 'Envoi de la demande en cours…',
  dispenseSentTitle: 'Votre demande de dispense est envoyée',
  dispenseSentLead:
    'Votre employeur va examiner votre demande et vos justificatifs ; vous serez informé de sa décision par e-mail si vous avez indiqué votre adresse. S’il la refuse, votre affiliation sera obligatoire : vous recevrez un nouveau lien pour la compléter.',

  consentTitle: 'Vos engagements',
  consent:
    'J’accepte que les informations de ce bulletin, les miennes et celles de mes bénéficiaires, soient utilisées par HCR Bien-Être pour gérer mon affiliation et mes remboursements.',
  swornStatement: 'Je certifie sur l’honneur l’exactitude des informations fournies.',

  saveDraft: 'Enregistrer le brouillon',
  savingDraft: 'Enregistrement en cours…',
  savedAt: (time: string) => `Brouillon enregistré à ${time}.`,
  finalize: 'Finaliser mon affiliation',
  finalizing: 'Finalisation en cours…',

  summaryTitle: 'Votre bulletin contient des erreurs',
  clientInvalid: 'Certaines informations sont à corriger avant d’enregistrer.',
  uploadsNotReady:
    'Un justificatif n’a pas pu être envoyé ou a été refusé : retirez-le, ou réessayez son envoi, avant d’enregistrer.',
} as const;
