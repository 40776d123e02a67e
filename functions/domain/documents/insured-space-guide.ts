import type { PracticalDocument } from './model';
import { SCHEME } from './scheme';

/**
 * For the insured employees: their personal space on the insurer's site. That site is not
 * this portal, so the guide stays generic (no address or screen names we do not control).
 */
export const insuredSpaceGuide: PracticalDocument = {
  id: 'guide-espace-assure',
  title: 'Guide utilisateur Espace Assuré',
  category: 'guides',
  description:
    'Pour vos salariés : créer leur espace personnel d’assuré et y suivre remboursements, attestation de tiers payant, ayants droit et coordonnées bancaires.',
  version: '2026-11-24',
  layout: 'guide',
  coverText:
    'Votre espace personnel sur le site de votre assureur : comment le créer, ce que vous y trouvez et comment suivre vos remboursements en toute sécurité.',
  subtitle: 'Votre espace personnel d’assuré HCR Bien-Être',
  blocks: [
    { kind: 'heading', level: 1, text: 'Votre espace assuré en bref' },
    {
      kind: 'paragraph',
      text: `En tant que salarié affilié au régime de complémentaire santé ${SCHEME.name}, géré avec ${SCHEME.insurer}, vous disposez d’un **espace personnel d’assuré** sur le site de votre assureur. Il est distinct de l’Espace Entreprise Santé de votre employeur : vous seul y accédez, avec vos propres identifiants.`,
    },
    { kind: 'paragraph', text: 'Vous pouvez notamment y :' },
    {
      kind: 'bullets',
      items: [
        'suivre vos **remboursements** et ceux de vos ayants droit ;',
        'télécharger votre **carte de tiers payant** et vos **attestations** ;',
        'consulter vos **garanties** ;',
        'gérer vos **ayants droit** et vos **coordonnées bancaires** ;',
        'envoyer un justificatif ou une question à votre assureur.',
      ],
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'Les services proposés et leur présentation dépendent du site de votre assureur ; ce guide en décrit l’essentiel.',
    },

    { kind: 'heading', level: 1, text: 'Créer votre espace' },
    {
      kind: 'paragraph',
      text: 'Votre espace peut être créé dès que votre affiliation est enregistrée, c’est-à-dire après le traitement de votre bulletin individuel d’affiliation (BIA). Vous recevez alors vos documents d’affiliation, dont votre carte de tiers payant.',
    },
    {
      kind: 'steps',
      items: [
        'Rendez-vous sur le site de votre assureur, rubrique de l’espace client des particuliers, puis choisissez de créer votre compte.',
        'Saisissez les informations demandées pour vous identifier, par exemple votre numéro de sécurité sociale ou le numéro figurant sur votre carte de tiers payant, votre date de naissance et votre adresse e-mail.',
        'Ouvrez l’e-mail de confirmation reçu et suivez le lien qu’il contient.',
        'Choisissez votre mot de passe. Un code de sécurité peut vous être envoyé par SMS ou par e-mail pour confirmer votre identité.',
      ],
    },
    {
      kind: 'callout',
      title: 'Gardez vos accès pour vous',
      paragraphs: [
        'Choisissez un mot de passe que vous n’utilisez nulle part ailleurs et ne le communiquez à personne, pas même à votre employeur. Votre assureur ne vous demandera jamais votre mot de passe par téléphone ou par e-mail.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Se connecter ensuite' },
    {
      kind: 'bullets',
      items: [
        'Connectez-vous depuis le site de votre assureur avec votre identifiant et votre mot de passe.',
        'Mot de passe oublié : utilisez le lien prévu sur la page de connexion ; un lien ou un code de réinitialisation vous est envoyé.',
        'Sur un ordinateur partagé, déconnectez-vous à la fin de votre visite.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Ce que vous y trouvez' },
    { kind: 'heading', level: 2, text: 'Vos remboursements' },
    {
      kind: 'paragraph',
      text: 'Pour chaque soin : la date, le bénéficiaire, le montant dépensé, la part remboursée par l’Assurance Maladie, la part remboursée par HCR Bien-Être et ce qui reste éventuellement à votre charge. Vous pouvez filtrer par période ou par bénéficiaire et télécharger vos relevés de remboursements.',
    },
    { kind: 'heading', level: 2, text: 'Votre carte de tiers payant et vos attestations' },
    {
      kind: 'paragraph',
      text: 'Téléchargez ou imprimez votre **carte de tiers payant** pour la présenter aux professionnels de santé : pharmacien, laboratoire, opticien, hôpital… Elle vous évite d’avancer tout ou partie des frais. Une nouvelle carte est mise à disposition à chaque renouvellement et en cas de changement de situation. Vous y trouvez aussi vos attestations d’affiliation.',
    },
    { kind: 'heading', level: 2, text: 'Vos garanties' },
    {
      kind: 'paragraph',
      text: 'Le tableau de garanties indique, pour chaque type de soin, le niveau de remboursement de votre contrat. Consultez-le avant une dépense importante (optique, dentaire, aides auditives, hospitalisation) et demandez un devis au professionnel de santé.',
    },
    { kind: 'heading', level: 2, text: 'Vos ayants droit' },
    {
      kind: 'paragraph',
      text: 'Consultez les personnes couvertes avec vous (conjoint, enfants) et déclarez-en de nouvelles en joignant les justificatifs demandés. La couverture des ayants droit peut donner lieu à une cotisation selon votre contrat.',
    },
    { kind: 'heading', level: 2, text: 'Vos coordonnées bancaires et personnelles' },
    {
      kind: 'paragraph',
      text: 'Modifiez le compte sur lequel vous recevez vos remboursements en joignant un **RIB** à votre nom, ainsi que votre adresse postale, votre adresse e-mail et votre téléphone. Si vous réglez des cotisations par prélèvement, un nouveau mandat de prélèvement SEPA signé est nécessaire en cas de changement de compte.',
    },
    { kind: 'heading', level: 2, text: 'Vos démarches' },
    {
      kind: 'bullets',
      items: [
        'envoyer une facture ou un décompte qui n’a pas été transmis automatiquement ;',
        'transmettre un devis (optique, dentaire, audition) avant d’engager la dépense ;',
        'demander une prise en charge en cas d’hospitalisation ;',
        'poser une question à votre assureur par la messagerie de l’espace.',
      ],
    },

    { kind: 'heading', level: 1, text: 'La télétransmission Noémie' },
    {
      kind: 'paragraph',
      text: 'Avec **Noémie**, l’Assurance Maladie transmet directement à HCR Bien-Être les informations de vos remboursements : la part complémentaire vous est versée sans que vous ayez à envoyer vos décomptes.',
    },
    {
      kind: 'bullets',
      items: [
        'Vérifiez dans votre espace que la télétransmission est active pour vous et pour chacun de vos ayants droit.',
        'Elle ne peut être active qu’avec une seule complémentaire par personne. Si vous êtes aussi couvert par un autre organisme, envoyez à l’autre vos décomptes de la Sécurité sociale.',
        'Si elle n’est pas active, joignez vos décomptes de la Sécurité sociale à vos demandes de remboursement.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Nous contacter' },
    {
      kind: 'bullets',
      items: [
        'Par la **messagerie** de votre espace assuré : votre demande est rattachée à votre dossier.',
        'Par téléphone, au numéro indiqué sur votre carte de tiers payant.',
        'Pour votre affiliation, un changement de statut ou une dispense d’adhésion : adressez-vous d’abord à votre employeur.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Pour toute demande, munissez-vous de votre numéro d’adhérent ou de votre carte de tiers payant. Le Guide pratique Assurés détaille le fonctionnement de vos remboursements et les démarches à chaque changement de situation.',
    },
    {
      kind: 'paragraph',
      tone: 'legal',
      text: 'Vos données personnelles et de santé sont traitées par votre assureur pour la gestion de votre contrat, dans le respect du secret médical et de la réglementation sur la protection des données. Vous pouvez exercer vos droits d’accès et de rectification auprès de votre assureur.',
    },
  ],
};
