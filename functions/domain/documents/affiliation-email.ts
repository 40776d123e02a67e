import type { PracticalDocument } from './model';
import { SCHEME } from './scheme';

/**
 * What a pre-affiliated employee receives by e-mail, shown to the employer so they can tell
 * the employee what to expect. The words in brackets are filled in when the e-mail is sent.
 */
export const affiliationEmail: PracticalDocument = {
  id: 'email-affiliation',
  title: 'E-mail d’affiliation',
  category: 'salaries',
  description:
    'Le message que reçoit le salarié pré-affilié pour compléter son affiliation en ligne, à lui présenter pour qu’il le repère.',
  version: '2026-11-23',
  layout: 'form',
  subtitle: 'Modèle du message envoyé au salarié pré-affilié',
  blocks: [
    {
      kind: 'paragraph',
      text: 'Lorsque vous pré-affiliez un salarié dans votre Espace Entreprise Santé (**Mes salariés › Pré-affilier un salarié**) en indiquant son adresse e-mail, HCR Bien-Être lui envoie le message ci-dessous. Prévenez-le de son arrivée : ce message contient le lien personnel qui lui permet de finaliser son affiliation.',
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'Les éléments entre crochets, comme « [Prénom] » ou « [Entreprise] », sont remplacés par les informations du salarié et de votre entreprise au moment de l’envoi.',
    },
    { kind: 'heading', level: 1, text: 'Le message' },
    {
      kind: 'panel',
      rows: [
        { label: 'De', value: `${SCHEME.name} (adresse d’envoi du régime)` },
        { label: 'À', value: '[Adresse e-mail du salarié]' },
        { label: 'Objet', value: '[Entreprise] — Votre affiliation à la complémentaire santé HCR Bien-Être' },
      ],
    },
    {
      kind: 'message',
      blocks: [
        { kind: 'paragraph', text: 'Bonjour [Prénom],' },
        {
          kind: 'paragraph',
          text: 'Votre employeur, **[Entreprise]**, vous a pré-affilié(e) au régime de complémentaire santé **HCR Bien-Être**, géré avec Malakoff Humanis, à compter du **[Date d’effet]**.',
        },
        {
          kind: 'paragraph',
          text: 'Dans les hôtels, cafés et restaurants, la complémentaire santé d’entreprise est **collective et obligatoire** : elle est mise en place par votre employeur, qui en finance au moins la moitié, et elle complète les remboursements de la Sécurité sociale pour vos dépenses de santé.',
        },
        { kind: 'heading', level: 2, text: 'Ce que nous vous demandons' },
        {
          kind: 'paragraph',
          text: 'Complétez en ligne votre **bulletin individuel d’affiliation (BIA)** à partir de votre lien personnel :',
        },
        { kind: 'paragraph', text: '**[Lien personnel sécurisé]**' },
        {
          kind: 'paragraph',
          tone: 'small',
          text: 'Ce lien est valable [N] jours. Il vous est réservé : ne le transmettez à personne. Vous pouvez enregistrer un brouillon et revenir plus tard par le même lien.',
        },
        {
          kind: 'steps',
          items: [
            'Vérifiez et complétez votre identité et votre adresse.',
            'Déclarez, si vous souhaitez les faire bénéficier de la couverture, vos **ayants droit** : conjoint (ou partenaire de PACS, concubin), enfants à charge. Le formulaire précise les conditions et la cotisation éventuelle.',
            'Indiquez pour vous et pour chacun de vos ayants droit si vous acceptez la **télétransmission Noémie** : l’Assurance Maladie transmet alors directement vos remboursements à HCR Bien-Être, sans que vous ayez à envoyer vos décomptes.',
            'Saisissez l’**IBAN** du compte sur lequel vous souhaitez recevoir vos remboursements.',
            'Joignez les pièces demandées, puis validez pour finaliser votre affiliation.',
          ],
        },
        { kind: 'heading', level: 2, text: 'Préparez avant de commencer' },
        {
          kind: 'bullets',
          items: [
            'votre **RIB** (relevé d’identité bancaire) ;',
            'votre **attestation de droits à l’Assurance Maladie** (téléchargeable depuis votre compte ameli ou à demander à votre caisse), sur laquelle figurent aussi vos ayants droit rattachés ;',
            'le numéro de sécurité sociale et la date de naissance des ayants droit que vous déclarez.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'D’autres justificatifs peuvent être demandés selon votre situation (par exemple pour un enfant étudiant) : le formulaire vous l’indiquera.',
        },
        { kind: 'heading', level: 2, text: 'Vous êtes déjà couvert(e) par ailleurs ?' },
        {
          kind: 'paragraph',
          text: 'Dans certains cas prévus par la loi, vous pouvez demander à être dispensé(e) d’adhésion : bénéficiaire de la Complémentaire santé solidaire, contrat individuel en cours jusqu’à son échéance, couverture par un autre régime collectif obligatoire (y compris comme ayant droit de votre conjoint), contrat court de moins de 3 mois avec une autre couverture. Adressez votre demande écrite à votre employeur avec un justificatif, avant de compléter ce formulaire.',
        },
        { kind: 'heading', level: 2, text: 'Une question ?' },
        {
          kind: 'paragraph',
          text: `Nos conseillers vous répondent ${SCHEME.helpHours} au ${SCHEME.helpLine} (${SCHEME.helpPricing}).`,
        },
        { kind: 'paragraph', text: 'Bien cordialement,' },
        { kind: 'paragraph', text: 'L’équipe HCR Bien-Être' },
        {
          kind: 'paragraph',
          tone: 'legal',
          text: 'Ce message vous est adressé à la demande de votre employeur, pour votre affiliation au régime de complémentaire santé de votre entreprise. Merci de ne pas y répondre directement. HCR Bien-Être ne vous demandera jamais votre mot de passe ni vos codes bancaires par e-mail.',
        },
      ],
    },
    { kind: 'heading', level: 1, text: 'Bon à savoir pour l’employeur' },
    {
      kind: 'bullets',
      items: [
        '**Sans adresse e-mail**, le formulaire d’affiliation est envoyé au salarié **par courrier**, à l’adresse postale saisie lors de la pré-affiliation. Il le retourne complété et signé à HCR Bien-Être avec son RIB et son attestation de droits.',
        'Le formulaire peut aussi être téléchargé depuis **Mes salariés › Suivi des affiliations**, pour le remettre en main propre.',
        'Suivez l’avancement dans **Suivi des affiliations** : Envoyé à l’employé, Démarré par le salarié, Finalisé par le salarié ou Abandonné.',
        'Un salarié qui n’a pas terminé reçoit des **relances automatiques** ; vous pouvez aussi le relancer vous-même (action **Relancer**). Sans réponse dans le délai prévu, la demande passe au statut Abandonné et une nouvelle pré-affiliation est nécessaire.',
        'Demandez au salarié de vérifier ses courriers indésirables s’il ne trouve pas le message.',
      ],
    },
  ],
};
