import { formatDate } from '../../../shared/format';

export interface PortabiliteView {
  eligible: boolean;
  months: number;
  from: string | null;
  to: string | null;
}

/**
 * One line for lists: "Portabilité : 12 mois, jusqu'au 30/11/2027" or "Pas de portabilité".
 * Null when the server does not know it (a radiation that came through the DSN or the
 * insurer's files): nothing is shown rather than a guess.
 */
export function portabiliteSummary(portabilite: PortabiliteView | null): string | null {
  if (!portabilite) return null;
  if (!portabilite.eligible || portabilite.months <= 0) return 'Pas de portabilité';
  const until = portabilite.to ? `, jusqu'au ${formatDate(portabilite.to)}` : '';
  return `Portabilité : ${portabilite.months} mois${until}`;
}

/** After a radiation: the period with both dates (shown strong), then what it means. */
export function portabiliteParts(
  portabilite: PortabiliteView | null,
): { headline: string; explanation: string } | null {
  if (!portabilite) return null;
  if (!portabilite.eligible || portabilite.months <= 0) {
    return {
      headline: 'Pas de portabilité.',
      explanation: "Le motif de départ n'ouvre pas droit au maintien des garanties.",
    };
  }
  const period =
    portabilite.from && portabilite.to
      ? `, du ${formatDate(portabilite.from)} au ${formatDate(portabilite.to)}`
      : '';
  return {
    headline: `Portabilité : ${portabilite.months} mois${period}.`,
    explanation:
      "Les garanties sont maintenues gratuitement tant que l'ancien salarié est indemnisé par l'assurance chômage ; il en est informé par e-mail si son adresse est connue.",
  };
}

/** The same as one sentence. */
export function portabiliteDetail(portabilite: PortabiliteView | null): string | null {
  const parts = portabiliteParts(portabilite);
  return parts ? `${parts.headline} ${parts.explanation}` : null;
}
