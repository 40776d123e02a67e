import type { PracticalDocument } from './model';
import { SCHEME } from './scheme';

/**
 * The insured's practical guide: how reimbursement works, tiers payant, Noémie,
 * beneficiaries, changes of situation, portabilité (Code de la sécurité sociale, L. 911-8)
 * and the legal dispenses d'adhésion (L. 911-7, D. 911-2 ; loi Évin, art. 11), as listed in
 * PRODUCT.md.
 */
export const insuredPracticalGuide: PracticalDocument = {
  id: 'guide-pratique-assures',
  title: 'Guide pratique Assurés',
  category: 'guides',
  description:
    'Pour vos salariés : remboursements, tiers payant, Noémie, ayants droit, changements de situation, portabilité et dispenses d’adhésion.',
  version: '2026-11-24',
  layout: 'guide',
  coverText:
    'Tout ce qu’il faut savoir pour utiliser votre complémentaire santé : remboursements, tiers payant, Noémie, ayants droit, changements de situation, départ de l’entreprise et dispenses d’adhésion.',
  subtitle: 'Votre complémentaire santé HCR Bien-Être au quotidien',
  blocks: [
    { kind: 'heading', level: 1, text: 'Votre complémentaire santé d’entreprise' },
    {
      kind: 'paragraph',
      text: `Votre employeur a mis en place pour ses salariés le régime de complémentaire santé **${SCHEME.name}**, géré avec ${SCHEME.insurer}. Dans les hôtels, cafés et restaurants, ce régime est **collectif et obligatoire** : chaque salarié y est affilié, sauf cas de dispense prévus par la loi (voir « Les dispenses d’adhésion »).`,
    },
    {
      kind: 'bullets',
      items: [
        'Votre employeur finance au moins la moitié de la cotisation ; votre part est retenue sur votre salaire.',
        'Le régime complète les remboursements de l’Assurance Maladie pour vos dépenses de santé : consultations, pharmacie, hospitalisation, optique, dentaire, aides auditives…',
        'Vos ayants droit (conjoint, enfants) peuvent être couverts avec vous, dans les conditions de votre contrat.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Votre affiliation se fait à partir du bulletin individuel d’affiliation (BIA), que vous complétez en ligne avec le lien reçu par e-mail, ou sur papier. Gardez votre carte de tiers payant et créez votre espace assuré (voir le Guide utilisateur Espace Assuré).',
    },

    { kind: 'heading', level: 1, text: 'Comment fonctionnent vos remboursements' },
    {
      kind: 'paragraph',
      text: 'Un soin est remboursé en deux temps : **d’abord par l’Assurance Maladie**, ensuite par votre **complémentaire santé**.',
    },
    {
      kind: 'steps',
      items: [
        'Vous présentez votre carte Vitale au professionnel de santé.',
        'L’Assurance Maladie rembourse sa part, calculée sur la base de remboursement de la Sécurité sociale.',
        'Avec la télétransmission Noémie, elle informe directement HCR Bien-Être de ce remboursement.',
        'HCR Bien-Être rembourse la part complémentaire, selon les garanties de votre contrat, sur le compte bancaire que vous avez indiqué.',
      ],
    },
    {
      kind: 'bullets',
      items: [
        '**Parcours de soins** : déclarez un médecin traitant et consultez-le en premier ; en dehors du parcours de soins coordonnés, vos remboursements sont réduits.',
        '**Ce qui reste à votre charge** : la participation forfaitaire et les franchises médicales ne sont pas remboursées par les contrats dits « responsables », comme le vôtre ; les dépassements d’honoraires le sont dans les limites de vos garanties.',
        '**100 % Santé** : pour certaines lunettes, prothèses dentaires et aides auditives des paniers « 100 % Santé », vous n’avez rien à payer après les remboursements de l’Assurance Maladie et de votre complémentaire. Demandez un devis.',
        '**Dépense importante** : consultez votre tableau de garanties et faites établir un devis avant d’engager les soins.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Le tiers payant' },
    {
      kind: 'paragraph',
      text: 'Avec le tiers payant, vous n’avancez pas tout ou partie des frais : le professionnel de santé est payé directement par l’Assurance Maladie et par votre complémentaire.',
    },
    {
      kind: 'bullets',
      items: [
        'Présentez votre **carte Vitale** et votre **carte de tiers payant** HCR Bien-Être (sur papier ou depuis votre espace assuré).',
        'Le tiers payant est couramment pratiqué par les pharmacies, les laboratoires, les radiologues, les opticiens et les hôpitaux ; il dépend des professionnels.',
        'Vérifiez que votre carte est à jour : une nouvelle carte est mise à disposition à chaque renouvellement et après un changement de situation.',
      ],
    },

    { kind: 'heading', level: 1, text: 'La télétransmission Noémie' },
    {
      kind: 'paragraph',
      text: '**Noémie** relie votre caisse d’Assurance Maladie à HCR Bien-Être : vos remboursements de la Sécurité sociale sont transmis automatiquement, et vous recevez la part complémentaire sans rien envoyer.',
    },
    {
      kind: 'bullets',
      items: [
        'Vous l’acceptez lors de votre affiliation, pour vous et pour chacun de vos ayants droit.',
        'Une personne ne peut avoir la télétransmission qu’avec une seule complémentaire. Si un ayant droit est aussi couvert ailleurs (par exemple par le contrat de son employeur), choisissez l’organisme qui la reçoit ; pour l’autre, envoyez les décomptes.',
        'Sans Noémie, envoyez vos décomptes de la Sécurité sociale à HCR Bien-Être, par votre espace assuré ou par courrier.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Déclarer vos ayants droit' },
    {
      kind: 'paragraph',
      text: 'Peuvent être couverts avec vous, dans les conditions fixées par votre contrat : votre **conjoint**, votre partenaire de PACS ou votre concubin, et vos **enfants à charge** (selon leur âge et leur situation : études, apprentissage, recherche d’emploi…).',
    },
    {
      kind: 'bullets',
      items: [
        'Déclarez-les dans votre bulletin d’affiliation, puis à tout moment depuis votre espace assuré.',
        'Justificatifs habituels : l’attestation de droits à l’Assurance Maladie sur laquelle figure l’ayant droit, et selon le cas un acte de naissance, une attestation de PACS ou un certificat de scolarité.',
        'Indiquez pour chacun si vous acceptez la télétransmission Noémie.',
        'La couverture des ayants droit peut donner lieu à une cotisation à votre charge : elle est précisée dans votre contrat.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Vos changements de situation' },
    {
      kind: 'paragraph',
      text: 'Signalez tout changement dans les meilleurs délais, pour que vos remboursements restent exacts et versés sur le bon compte.',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Situation', width: 0.26 },
        { header: 'Ce que vous faites', width: 0.44 },
        { header: 'Justificatif', width: 0.3 },
      ],
      rows: [
        [
          'Mariage, PACS, vie en couple',
          'Déclarez votre conjoint comme ayant droit si vous souhaitez le couvrir.',
          'Acte de mariage, attestation de PACS ou de vie commune ; attestation de droits',
        ],
        [
          'Naissance, adoption',
          'Déclarez l’enfant ; il pourra être couvert dès sa naissance ou son arrivée.',
          'Acte de naissance ou jugement d’adoption ; attestation de droits',
        ],
        [
          'Divorce, séparation',
          'Demandez la radiation de l’ancien conjoint.',
          'Jugement ou déclaration de rupture',
        ],
        [
          'Enfant qui poursuit ses études ou cesse d’être à charge',
          'Transmettez sa situation à chaque rentrée, ou demandez sa radiation.',
          'Certificat de scolarité, contrat d’apprentissage…',
        ],
        [
          'Déménagement',
          'Mettez à jour votre adresse dans votre espace assuré et prévenez votre employeur.',
          'Aucun, en général',
        ],
        [
          'Nouveau compte bancaire',
          'Indiquez votre nouvel IBAN ; en cas de prélèvement, signez un nouveau mandat SEPA.',
          'RIB à votre nom',
        ],
        [
          'Changement de caisse d’Assurance Maladie',
          'Signalez-le pour que la télétransmission Noémie soit rétablie.',
          'Nouvelle attestation de droits',
        ],
      ],
    },

    { kind: 'heading', level: 1, text: 'Quand vous quittez l’entreprise : la portabilité' },
    {
      kind: 'paragraph',
      text: 'Lorsque votre contrat de travail prend fin, votre employeur met fin à votre affiliation (radiation). Si cette fin de contrat vous ouvre droit à l’**assurance chômage**, vous conservez votre complémentaire santé au titre de la **portabilité**.',
    },
    {
      kind: 'bullets',
      items: [
        '**Qui ?** Les anciens salariés dont le contrat de travail a pris fin et qui sont indemnisés par l’assurance chômage : licenciement (sauf pour faute lourde), fin de CDD, rupture conventionnelle… La démission n’y donne en principe pas droit.',
        '**Combien de temps ?** Autant de mois que la durée de votre dernier contrat de travail dans l’entreprise, arrondie au mois supérieur, **dans la limite de 12 mois**.',
        '**À quel prix ?** Sans cotisation : la portabilité est financée par le régime.',
        '**Quelles garanties ?** Les mêmes que celles des salariés en activité, pour vous et pour vos ayants droit couverts au moment du départ.',
        '**Ce que vous faites :** transmettez à HCR Bien-Être le justificatif de votre indemnisation par France Travail, et signalez une reprise d’emploi.',
        '**Fin de la portabilité :** au terme de la durée prévue, ou plus tôt si vous retrouvez un emploi ou cessez d’être indemnisé.',
      ],
    },
    {
      kind: 'callout',
      title: 'Après la portabilité',
      paragraphs: [
        'Vous pouvez demander à conserver une couverture à titre individuel (article 4 de la loi Évin) : adressez votre demande à l’assureur dans les six mois qui suivent la fin de votre contrat de travail ou de la période de portabilité. Cette couverture est alors à votre charge.',
      ],
    },

    { kind: 'heading', level: 1, text: 'Les dispenses d’adhésion' },
    {
      kind: 'paragraph',
      text: 'L’affiliation est obligatoire. La loi permet toutefois à un salarié de la refuser dans les cas suivants, à sa demande :',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Votre situation', width: 0.5 },
        { header: 'Durée de la dispense', width: 0.5 },
      ],
      rows: [
        [
          'Vous bénéficiez de la Complémentaire santé solidaire (CSS).',
          'Jusqu’à la fin de vos droits à la CSS.',
        ],
        [
          'Vous étiez couvert par un contrat individuel lors de votre embauche ou de la mise en place du régime.',
          'Jusqu’à l’échéance annuelle de ce contrat individuel.',
        ],
        [
          'Vous êtes déjà couvert par un autre régime collectif obligatoire, y compris comme ayant droit (par exemple par le contrat de l’employeur de votre conjoint).',
          'Tant que cette autre couverture dure ; un justificatif peut vous être redemandé chaque année.',
        ],
        [
          'Vous êtes en CDD ou en contrat de mission de moins de 3 mois et vous bénéficiez d’une autre couverture santé.',
          'Jusqu’à la fin de ce contrat.',
        ],
        [
          'Vous étiez déjà salarié lorsque le régime a été mis en place par décision unilatérale de l’employeur (DUE) avec une cotisation à votre charge.',
          'Tant que vous restez dans l’entreprise, sauf si vous demandez à être affilié.',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Comment demander une dispense' },
    {
      kind: 'steps',
      items: [
        'Adressez à votre employeur une **demande écrite** de dispense, indiquant le cas qui vous concerne, de préférence avant de compléter votre bulletin d’affiliation.',
        'Joignez le **justificatif** de votre situation (attestation de CSS, de votre contrat individuel ou de l’autre régime collectif…) et, le cas échéant, une déclaration sur l’honneur.',
        'Votre employeur enregistre la dispense et sa date de fin ; vous êtes prévenu avant son échéance.',
      ],
    },
    {
      kind: 'paragraph',
      text: 'Une dispense n’est pas définitive : vous pouvez demander à être affilié à tout moment, et vous devez l’être dès que votre situation ne justifie plus la dispense. Pendant la dispense, vous ne bénéficiez ni des garanties du régime ni de la participation de votre employeur.',
    },

    { kind: 'heading', level: 1, text: 'Contacts utiles' },
    {
      kind: 'table',
      columns: [
        { header: 'Pour…', width: 0.5 },
        { header: 'Contactez', width: 0.5 },
      ],
      rows: [
        [
          'Vos remboursements, votre carte de tiers payant, vos ayants droit, vos coordonnées bancaires',
          'HCR Bien-Être : messagerie de votre espace assuré, ou le numéro indiqué sur votre carte de tiers payant',
        ],
        [
          'Votre affiliation, une dispense d’adhésion, un changement de statut ou d’établissement',
          'Votre employeur (service du personnel)',
        ],
        [
          'Votre carte Vitale, votre attestation de droits, votre médecin traitant',
          'Votre caisse d’Assurance Maladie, par votre compte ameli',
        ],
        ['Votre indemnisation chômage (justificatif pour la portabilité)', 'France Travail'],
      ],
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: `Votre employeur peut joindre les conseillers HCR Bien-Être sur sa ligne dédiée, ${SCHEME.helpHours} au ${SCHEME.helpLine} (${SCHEME.helpPricing}).`,
    },
  ],
};
