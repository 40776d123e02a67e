import { ROLE_LABELS } from '../../../../../functions/contracts/auth';
import { CONTACT_MOTIFS } from '../../../../../functions/contracts/contact';
import { RADIATION_REASON_LABELS } from '../../../../../functions/contracts/employees';
import { AUDIT_ACTION_LABELS, MEMBERSHIP_STATUS_LABELS } from '../../../../../functions/contracts/users';
import { formatDate } from '../../../shared/format';

/** The journal's filters as the API takes them (ISO dates, ids); empty ones are left out. */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Actions the journal may show that the filter list does not offer (recorded by other features). */
const OTHER_ACTION_LABELS: Record<string, string> = {
  'contact.message-sent': 'Message envoyé à nos équipes',
};

export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? OTHER_ACTION_LABELS[action] ?? action;
}

const FIELD_LABELS: Record<string, string> = {
  role: 'Profil',
  status: 'Statut',
  civilite: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  motif: 'Motif',
  attachments: 'Pièces jointes',
  endDate: 'Date de fin',
  reason: 'Motif de radiation',
  portabiliteMonths: 'Portabilité',
};

const CIVILITE_LABELS: Record<string, string> = { M: 'Monsieur', MME: 'Madame' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One value in words: labels for codes, French dates; null means "none". */
function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'aucun';
  const text = String(value);
  switch (field) {
    case 'role':
      return (ROLE_LABELS as Record<string, string>)[text] ?? text;
    case 'status':
      return (MEMBERSHIP_STATUS_LABELS as Record<string, string>)[text] ?? text;
    case 'civilite':
      return CIVILITE_LABELS[text] ?? text;
    case 'motif': {
      const motif = (CONTACT_MOTIFS as Record<string, { group: string; label: string }>)[text];
      return motif ? `${motif.group} › ${motif.label}` : text;
    }
    case 'reason':
      return (RADIATION_REASON_LABELS as Record<string, string>)[text] ?? text;
    case 'endDate':
      return formatDate(text) || text;
    case 'portabiliteMonths':
      return typeof value === 'number' ? (value === 0 ? 'aucune' : `${value} mois`) : text;
    case 'attachments':
      return typeof value === 'number' ? String(value) : text;
    default:
      return isRecord(value) || Array.isArray(value) ? JSON.stringify(value) : text;
  }
}

/**
 * The journal's "Détail" column: what changed, one line per field, in words
 * ("Profil : Utilisateur → Administrateur"). Only what the entry records — nothing inferred.
 */
export function describeChanges(changes: Record<string, unknown>): string[] {
  return Object.entries(changes).map(([field, change]) => {
    const label = FIELD_LABELS[field] ?? field;
    if (isRecord(change) && ('from' in change || 'to' in change)) {
      if (change.from === null || change.from === undefined)
        return `${label} : ${valueText(field, change.to)}`;
      return `${label} : ${valueText(field, change.from)} → ${valueText(field, change.to)}`;
    }
    return `${label} : ${valueText(field, change)}`;
  });
}

/** `{ actorId: '', action: 'user.invited' }` → `{ action: 'user.invited' }`: the key stays stable. */
export function cleanFilters(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as AuditFilters;
}

/** A French sentence when the period is impossible; undefined when it is fine. */
export function periodError(from: string | undefined, to: string | undefined): string | undefined {
  if (from && to && from > to) return 'La date de début doit précéder la date de fin.';
  return undefined;
}
