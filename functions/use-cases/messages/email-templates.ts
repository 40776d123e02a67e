/**
 * The e-mails the portal sends, in French, as text + simple accessible HTML. Personal data
 * stays out of them (never a NIR); links carry single-use tokens in the URL fragment so
 * they never reach a server log.
 */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

const HELP_LINE =
  'Besoin d’aide ? Nos conseillers vous répondent du lundi au vendredi de 9h00 à 17h00 au 01 44 20 80 63 (numéro non surtaxé).';
const SIGNATURE = 'L’équipe HCR Bien-Être — Espace Entreprise Santé';

interface Block {
  paragraphs: string[];
  action?: { label: string; url: string };
  afterAction?: string[];
}

function compose(subject: string, greeting: string, block: Block): EmailContent {
  const textParts = [greeting, '', ...block.paragraphs.flatMap((p) => [p, ''])];
  if (block.action) textParts.push(`${block.action.label} : ${block.action.url}`, '');
  for (const line of block.afterAction ?? []) textParts.push(line, '');
  textParts.push(HELP_LINE, '', SIGNATURE);
  const html = [
    '<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1b1b1b;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    block.action
      ? `<p><a href="${escapeHtml(block.action.url)}" style="background:#0b4f8a;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(block.action.label)}</a></p>` +
        `<p style="font-size:13px">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>${escapeHtml(block.action.url)}</p>`
      : '',
    ...(block.afterAction ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p style="font-size:13px;color:#444">${escapeHtml(HELP_LINE)}</p>`,
    `<p style="font-size:13px;color:#444">${escapeHtml(SIGNATURE)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text: textParts.join('\n'), html };
}

const hello = (firstName: string) => `Bonjour ${firstName},`;

export const emailTemplates = {
  confirmEmail: (p: { firstName: string; companyName: string; url: string; validHours: number }) =>
    compose('Confirmez votre adresse e-mail — Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: [
        `Vous venez d’activer l’Espace Entreprise Santé de ${p.companyName}. Vous en êtes l’administrateur.`,
        'Pour terminer, confirmez votre adresse e-mail. Vous pourrez ensuite vous connecter avec cette adresse et le mot de passe choisi.',
      ],
      action: { label: 'Confirmer mon adresse e-mail', url: p.url },
      afterAction: [
        `Ce lien est valable ${p.validHours} heures et ne peut servir qu’une fois.`,
        'Si vous n’êtes pas à l’origine de cette activation, ignorez ce message et contactez-nous.',
      ],
    }),

  resetPassword: (p: { firstName: string; url: string; validMinutes: number }) =>
    compose('Réinitialisation de votre mot de passe — Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: ['Vous avez demandé à réinitialiser le mot de passe de votre Espace Entreprise Santé.'],
      action: { label: 'Choisir un nouveau mot de passe', url: p.url },
      afterAction: [
        `Ce lien est valable ${p.validMinutes} minutes et ne peut servir qu’une fois.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.',
      ],
    }),

  passwordChanged: (p: { firstName: string; at: string }) =>
    compose('Votre mot de passe a été modifié — Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: [
        `Le mot de passe de votre Espace Entreprise Santé a été modifié le ${p.at}. Vos autres sessions ont été fermées.`,
        'Si vous n’êtes pas à l’origine de ce changement, contactez-nous immédiatement.',
      ],
    }),

  invitation: (p: {
    firstName: string;
    inviterName: string;
    companyNames: string[];
    url: string;
    validDays: number;
  }) =>
    compose('Votre accès à l’Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: [
        `${p.inviterName} vous a donné accès à l’Espace Entreprise Santé pour : ${p.companyNames.join(', ')}.`,
        'Créez votre mot de passe pour activer votre accès. Lors de votre première connexion, un code de sécurité vous sera envoyé par SMS.',
      ],
      action: { label: 'Créer mon mot de passe', url: p.url },
      afterAction: [`Ce lien est valable ${p.validDays} jours et ne peut servir qu’une fois.`],
    }),

  rightsGranted: (p: { firstName: string; inviterName: string; companyNames: string[]; url: string }) =>
    compose('Nouveaux droits sur votre Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: [
        `${p.inviterName} vous a donné accès, dans votre Espace Entreprise Santé, à : ${p.companyNames.join(', ')}.`,
        'Connectez-vous avec votre adresse e-mail et votre mot de passe habituels, puis choisissez l’entreprise dans l’en-tête.',
      ],
      action: { label: 'Se connecter', url: p.url },
    }),

  radiationNotice: (p: {
    firstName: string;
    companyName: string;
    endDate: string;
    portabilite: { eligible: boolean; months: number; from: string | null; to: string | null };
  }) => {
    const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
    return compose('Fin de votre couverture santé collective', hello(p.firstName), {
      paragraphs: [
        `Votre employeur ${p.companyName} nous a informés de la fin de votre contrat. Votre affiliation au régime santé collectif prend fin le ${date(p.endDate)}.`,
        p.portabilite.eligible
          ? `Vous bénéficiez de la portabilité : vos garanties sont maintenues gratuitement pendant ${p.portabilite.months} mois, du ${date(p.portabilite.from)} au ${date(p.portabilite.to)}, tant que vous êtes indemnisé par l’assurance chômage. Pensez à nous transmettre vos justificatifs France Travail.`
          : 'Le motif de fin de votre contrat n’ouvre pas droit à la portabilité de vos garanties. Nos conseillers peuvent vous présenter une couverture individuelle.',
      ],
    });
  },

  contactToInsurer: (p: {
    reference: string;
    motif: string;
    subject: string;
    message: string;
    companyName: string;
    siret: string;
    senderName: string;
    senderEmail: string;
    attachments: { fileName: string; size: number; url: string }[];
    linkDays: number;
  }) =>
    compose(`[Espace Entreprise] ${p.motif} — ${p.companyName} — ${p.reference}`, 'Bonjour,', {
      paragraphs: [
        `Nouveau message reçu par l’Espace Entreprise Santé (référence ${p.reference}).`,
        `Entreprise : ${p.companyName} (SIRET ${p.siret}). Expéditeur : ${p.senderName} <${p.senderEmail}> — répondez directement à ce message.`,
        `Motif : ${p.motif}. Objet : ${p.subject}`,
        ...p.message.split(/\n{2,}/),
        p.attachments.length === 0
          ? 'Aucune pièce jointe.'
          : `Pièces jointes (liens valables ${p.linkDays} jours) : ${p.attachments
              .map((file) => `${file.fileName} (${Math.ceil(file.size / 1024)} Ko) : ${file.url}`)
              .join(' ; ')}`,
      ],
    }),

  contactAcknowledgement: (p: {
    firstName: string;
    reference: string;
    motif: string;
    subject: string;
    attachments: string[];
  }) =>
    compose(`Votre message a bien été envoyé — référence ${p.reference}`, hello(p.firstName), {
      paragraphs: [
        `Nous avons bien reçu votre message « ${p.subject} » (motif : ${p.motif}). Sa référence est ${p.reference} : rappelez-la si vous nous contactez à son sujet.`,
        p.attachments.length
          ? `Pièces jointes transmises : ${p.attachments.join(', ')}.`
          : 'Votre message ne comportait pas de pièce jointe.',
        'Nos équipes vous répondront dans les meilleurs délais. Vous retrouvez vos messages dans la rubrique « Nous contacter » de votre espace.',
      ],
    }),

  newBrowserLogin: (p: { firstName: string; at: string; browser: string }) =>
    compose('Nouvelle connexion à votre Espace Entreprise Santé', hello(p.firstName), {
      paragraphs: [
        `Une connexion à votre Espace Entreprise Santé a eu lieu le ${p.at} depuis un nouveau navigateur (${p.browser}).`,
        'Si c’était vous, il n’y a rien à faire. Sinon, changez votre mot de passe et contactez-nous.',
      ],
    }),

  // Pré-affiliation (employer side): the employee's personal BIA link, its reminders, abandonment.
  biaInvitation: (p: {
    firstName: string;
    companyName: string;
    contractStartDate: string;
    url: string;
    validUntil: string;
    reminder: boolean;
  }) =>
    compose(
      `${p.reminder ? 'Rappel : ' : ''}${p.companyName} — Votre affiliation à la complémentaire santé HCR Bien-Être`,
      hello(p.firstName),
      {
        paragraphs: [
          ...(p.reminder
            ? [
                'Votre bulletin individuel d’affiliation n’est pas encore finalisé. Il ne vous faut que quelques minutes pour le terminer.',
              ]
            : []),
          `Votre employeur, ${p.companyName}, vous a pré-affilié(e) au régime de complémentaire santé HCR Bien-Être, géré avec Malakoff Humanis, à compter du ${p.contractStartDate.split('-').reverse().join('/')}.`,
          'Complétez en ligne votre bulletin individuel d’affiliation (BIA) à partir de votre lien personnel : identité, adresse, ayants droit (conjoint, enfants), télétransmission Noémie, IBAN pour vos remboursements.',
          'Préparez votre RIB et votre attestation de droits à l’Assurance Maladie (téléchargeable depuis votre compte ameli) : vous les joindrez au formulaire.',
        ],
        action: { label: 'Compléter mon affiliation', url: p.url },
        afterAction: [
          `Ce lien vous est réservé : ne le transmettez à personne. Il est valable jusqu’au ${p.validUntil.slice(0, 10).split('-').reverse().join('/')}. Vous pouvez enregistrer un brouillon et revenir plus tard par le même lien.`,
        ],
      },
    ),

  affiliationAbandoned: (p: {
    firstName: string;
    employeeName: string;
    establishmentName: string;
    companyName: string;
    days: number;
    url: string;
  }) =>
    compose(`Demande d’affiliation abandonnée — ${p.employeeName}`, hello(p.firstName), {
      paragraphs: [
        `${p.employeeName} (${p.establishmentName}, ${p.companyName}) n’a pas finalisé son bulletin individuel d’affiliation dans les ${p.days} jours malgré nos relances : la demande est passée au statut « Abandonné » et son lien personnel ne fonctionne plus.`,
        'Si ce salarié doit toujours être affilié, relancez un nouveau parcours depuis le suivi des affiliations : il recevra un nouveau lien (ou un nouveau courrier).',
      ],
      action: { label: 'Voir le suivi des affiliations', url: p.url },
    }),

  // BIA salarié: the finalized BIA (online or paper) and the insured it became.
  affiliationFinalized: (p: {
    firstName: string;
    employeeName: string;
    establishmentName: string;
    companyName: string;
    product: string;
    effectiveDate: string;
    paper: boolean;
    url: string;
  }) =>
    compose(`Affiliation finalisée — ${p.employeeName}`, hello(p.firstName), {
      paragraphs: [
        p.paper
          ? `Le bulletin individuel d’affiliation papier de ${p.employeeName} (${p.establishmentName}, ${p.companyName}) a été reçu et enregistré par nos services.`
          : `${p.employeeName} (${p.establishmentName}, ${p.companyName}) a finalisé en ligne son bulletin individuel d’affiliation.`,
        `Son affiliation au contrat ${p.product} prend effet le ${p.effectiveDate.split('-').reverse().join('/')}. Ce salarié figure désormais dans « Mes salariés » et dans le détail du contrat.`,
      ],
      action: { label: 'Voir mes salariés', url: p.url },
    }),

  biaConfirmation: (p: { firstName: string; companyName: string; product: string; effectiveDate: string }) =>
    compose('Votre affiliation à la complémentaire santé est enregistrée', hello(p.firstName), {
      paragraphs: [
        `Nous avons bien reçu votre bulletin individuel d’affiliation. Vous êtes affilié(e) au régime de complémentaire santé de ${p.companyName} (contrat ${p.product}) à compter du ${p.effectiveDate.split('-').reverse().join('/')}.`,
        'Les ayants droit que vous avez déclarés sont couverts avec vous ; la télétransmission Noémie est mise en place selon vos choix.',
        'Votre lien personnel ne sert plus : il cessera de fonctionner dans quelques minutes.',
      ],
    }),

  // Dispenses d'adhésion: asked for in the BIA, decided by the employer, reminded before they end.
  dispenseRequested: (p: {
    firstName: string;
    employeeName: string;
    establishmentName: string;
    companyName: string;
    reasonLabel: string;
    endDate: string | null;
    url: string;
  }) =>
    compose(`Demande de dispense à valider — ${p.employeeName}`, hello(p.firstName), {
      paragraphs: [
        `${p.employeeName} (${p.establishmentName}, ${p.companyName}) demande à être dispensé(e) d’adhésion au régime de complémentaire santé, pour le motif suivant : « ${p.reasonLabel} »${p.endDate ? `, jusqu’au ${frenchDate(p.endDate)}` : ''}.`,
        'Vérifiez ce motif et les justificatifs joints, puis validez ou refusez la demande depuis « Dispenses d’adhésion » : le salarié est prévenu de votre décision. Tant que vous n’avez pas décidé, il n’est pas affilié.',
      ],
      action: { label: 'Voir les dispenses à valider', url: p.url },
    }),

  dispenseReceived: (p: { firstName: string; companyName: string }) =>
    compose('Votre demande de dispense d’adhésion est transmise', hello(p.firstName), {
      paragraphs: [
        `Votre demande de dispense d’adhésion à la complémentaire santé de ${p.companyName} a bien été transmise à votre employeur, avec vos justificatifs.`,
        'Vous recevrez un e-mail dès qu’il l’aura validée ou refusée. Votre lien personnel ne sert plus : il cessera de fonctionner dans quelques minutes.',
      ],
    }),

  dispenseValidated: (p: {
    firstName: string;
    companyName: string;
    reasonLabel: string;
    endDate: string | null;
    annualProof: boolean;
  }) =>
    compose('Votre dispense d’adhésion est acceptée', hello(p.firstName), {
      paragraphs: [
        `${p.companyName} a validé votre demande de dispense d’adhésion à la complémentaire santé collective (motif : « ${p.reasonLabel} »). Vous n’êtes donc pas affilié(e) au régime.`,
        p.endDate
          ? `Cette dispense prend fin le ${frenchDate(p.endDate)} : à cette date, votre affiliation deviendra obligatoire, sauf nouvelle dispense justifiée.`
          : 'Si votre situation change (fin de l’autre couverture, par exemple), prévenez votre employeur : votre affiliation deviendra obligatoire.',
        ...(p.annualProof
          ? ['Votre employeur vous demandera chaque année une attestation à jour de votre autre couverture.']
          : []),
      ],
    }),

  dispenseRefused: (p: { firstName: string; companyName: string; comment: string; newLink: boolean }) =>
    compose('Votre demande de dispense d’adhésion n’est pas acceptée', hello(p.firstName), {
      paragraphs: [
        `${p.companyName} n’a pas accepté votre demande de dispense d’adhésion à la complémentaire santé collective. Son explication : « ${p.comment} »`,
        p.newLink
          ? 'Votre affiliation au régime est donc obligatoire : vous recevez, dans un autre e-mail, un nouveau lien personnel pour compléter votre bulletin individuel d’affiliation (ou une nouvelle demande de dispense, si vous avez le justificatif demandé).'
          : 'Votre affiliation au régime est donc obligatoire : votre employeur vous indiquera comment la compléter.',
      ],
    }),

  dispenseEndingSoon: (p: {
    firstName: string;
    employeeName: string;
    establishmentName: string;
    reasonLabel: string;
    endDate: string;
    url: string;
  }) =>
    compose(`Dispense d’adhésion bientôt échue — ${p.employeeName}`, hello(p.firstName), {
      paragraphs: [
        `La dispense d’adhésion de ${p.employeeName} (${p.establishmentName}), accordée pour le motif « ${p.reasonLabel} », prend fin le ${frenchDate(p.endDate)}.`,
        'À cette date, ce salarié doit être affilié au régime, sauf nouvelle dispense justifiée : pensez à le pré-affilier à temps depuis « Mes salariés ».',
      ],
      action: { label: 'Voir les dispenses arrivant à échéance', url: p.url },
    }),
};

/** "2026-12-31" → "31/12/2026". */
const frenchDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

/** "26/11/2026 à 15:04" in Paris time, for e-mails. */
export const frenchDateTime = (iso: string): string => {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} à ${get('hour')}:${get('minute')}`;
};

/** "Chrome sur Linux" from a User-Agent, coarse on purpose. */
export function describeBrowser(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'navigateur inconnu';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'système inconnu';
  return `${browser} sur ${os}`;
}
