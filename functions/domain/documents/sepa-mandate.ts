import type { PracticalDocument } from './model';
import { SCHEME } from './scheme';

/**
 * A SEPA Direct Debit (Core) mandate for the contributions an insured pays directly. The
 * rulebook requires on the form: the authorisation given to the creditor and to the bank,
 * the refund right (8 weeks after the debit for an authorised debit), the mention that the
 * debtor's rights are explained in a statement from their bank, the creditor's name, address
 * and identifier (ICS), the mandate reference (RUM), the debtor's name, address and account
 * (IBAN, BIC), the payment type, the place, date and signature.
 */
export const EXAMPLE_CREDITOR_ID = 'FR00ZZZ000000';

export const sepaMandate: PracticalDocument = {
  id: 'mandat-sepa',
  title: 'Mandat de prélèvement SEPA',
  category: 'salaries',
  description:
    'Le formulaire à compléter et signer par le salarié pour le prélèvement des cotisations qu’il règle lui-même, à retourner avec un RIB.',
  version: '2026-11-23',
  layout: 'form',
  subtitle: 'Prélèvement SEPA — paiement récurrent',
  blocks: [
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'À compléter en capitales, à signer et à retourner avec un **RIB**. Le cadre grisé est réservé au créancier.',
    },
    {
      kind: 'fields',
      fields: [
        { label: 'Référence unique du mandat (RUM) — attribuée par le créancier', width: 1, reserved: true },
      ],
    },
    {
      kind: 'callout',
      title: 'Votre autorisation',
      paragraphs: [
        `En signant ce mandat, vous autorisez ${SCHEME.legalName} à transmettre à votre banque des instructions de débit de votre compte, et vous autorisez votre banque à débiter votre compte selon ces instructions.`,
        'Vous pouvez obtenir de votre banque le remboursement d’un prélèvement dans les conditions prévues par la convention de compte qui vous lie à elle. Pour un prélèvement que vous avez autorisé, la demande de remboursement doit être présentée **dans les 8 semaines** suivant la date à laquelle votre compte a été débité.',
        'Vos droits concernant le présent mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque.',
      ],
    },
    { kind: 'band', text: 'Créancier' },
    {
      kind: 'panel',
      rows: [
        { label: 'Nom', value: SCHEME.legalName },
        { label: 'Adresse', value: `${SCHEME.street}, ${SCHEME.postalCode} ${SCHEME.city}, France` },
        {
          label: 'Identifiant créancier SEPA (ICS)',
          value: `${EXAMPLE_CREDITOR_ID} (identifiant donné à titre d’exemple)`,
        },
      ],
    },
    { kind: 'band', text: 'Débiteur — titulaire du compte à débiter' },
    {
      kind: 'fields',
      fields: [
        { label: 'Nom', width: 0.5 },
        { label: 'Prénom', width: 0.5 },
      ],
    },
    { kind: 'fields', fields: [{ label: 'Adresse', width: 1 }] },
    {
      kind: 'fields',
      fields: [
        { label: 'Code postal', width: 0.22 },
        { label: 'Ville', width: 0.5 },
        { label: 'Pays', width: 0.28 },
      ],
    },
    {
      kind: 'charBoxes',
      label: 'IBAN — numéro d’identification international du compte',
      count: 34,
      groupOf: 4,
      hint: 'Un IBAN français compte 27 caractères et commence par FR : laissez les dernières cases vides.',
    },
    {
      kind: 'columns',
      columns: [
        {
          width: 0.5,
          blocks: [
            {
              kind: 'charBoxes',
              label: 'BIC — code international d’identification de votre banque',
              count: 11,
              groupOf: 4,
              hint: '8 ou 11 caractères, indiqués sur votre RIB.',
            },
          ],
        },
        {
          width: 0.5,
          blocks: [
            {
              kind: 'checkboxes',
              label: 'Type de paiement',
              options: [
                { label: 'Paiement récurrent / répétitif', checked: true },
                { label: 'Paiement ponctuel', checked: false },
              ],
            },
          ],
        },
      ],
    },
    {
      kind: 'signature',
      label: 'Signature du titulaire du compte à débiter (obligatoire)',
      placeAndDate: true,
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'Notice' },
    {
      kind: 'callout',
      title: 'Pièce à joindre au mandat',
      paragraphs: [
        'Un **relevé d’identité bancaire (RIB)** du compte à débiter, au nom du titulaire qui signe ce mandat. Le compte doit être tenu par une banque de la zone SEPA.',
      ],
    },
    { kind: 'heading', level: 2, text: 'À quoi sert ce mandat ?' },
    {
      kind: 'paragraph',
      text: 'La part salariale de la cotisation du régime obligatoire est retenue sur votre salaire par votre employeur : elle n’est pas concernée par ce mandat. Le mandat sert au prélèvement des cotisations que vous réglez **directement** à HCR Bien-Être, lorsque votre contrat le prévoit : par exemple une option facultative ou l’extension de la couverture à vos ayants droit.',
    },
    { kind: 'heading', level: 2, text: 'Comment le remplir' },
    {
      kind: 'steps',
      items: [
        'Indiquez le nom, le prénom et l’adresse du **titulaire du compte** à débiter (qui peut être différent de l’assuré).',
        'Recopiez l’IBAN et le BIC tels qu’ils figurent sur le RIB, une lettre ou un chiffre par case.',
        'Datez et signez. Un mandat non signé ne peut pas être utilisé.',
        'Retournez le mandat signé et le RIB à HCR Bien-Être, par courrier ou avec votre formulaire d’affiliation.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Ce qui se passe ensuite' },
    {
      kind: 'bullets',
      items: [
        'HCR Bien-Être attribue au mandat sa **référence unique (RUM)** et vous la communique : elle figure ensuite sur vos relevés de compte avec l’identifiant créancier.',
        'Vous êtes informé du montant et de la date des prélèvements avant le premier d’entre eux (échéancier ou avis de prélèvement).',
        'Un changement de compte bancaire nécessite un nouveau mandat signé, accompagné du nouveau RIB.',
        'Un mandat pour lequel aucun prélèvement n’a été présenté pendant 36 mois devient caduc.',
      ],
    },
    { kind: 'heading', level: 2, text: 'Vos droits' },
    {
      kind: 'bullets',
      items: [
        'Prélèvement autorisé : remboursement sur demande à votre banque dans les 8 semaines suivant le débit, sans avoir à le justifier.',
        'Prélèvement non autorisé : vous pouvez le contester auprès de votre banque dans les 13 mois suivant le débit.',
        'Vous pouvez révoquer ce mandat en prévenant HCR Bien-Être ; pensez à régler autrement les cotisations restant dues.',
      ],
    },
    {
      kind: 'paragraph',
      tone: 'legal',
      text: 'Les informations de ce mandat sont utilisées par HCR Bien-Être et Malakoff Humanis pour la gestion de vos cotisations et de vos prélèvements ; elles sont conservées le temps nécessaire à cette gestion et aux obligations légales. Vous pouvez y accéder, les faire rectifier ou exercer vos autres droits sur vos données personnelles en écrivant à HCR Bien-Être.',
    },
  ],
};
