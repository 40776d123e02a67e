import { dispenseState } from '../../../../../functions/contracts/anomalies';
import { formatCount } from '../../../shared/format';
import {
  DISPENSE_STATE_PARAM,
  ENDING_SOON_DAYS,
  ENDING_SOON_PARAM,
  type DispenseState,
  type DispenseView,
} from './links';

const isDispenseState = (value: string | null): value is DispenseState =>
  dispenseState.safeParse(value).success;

/**
 * The view the address asks for. `?echeance=30` wins over `?etat=` (a dispense ending soon is
 * a validated one); an unknown value is ignored rather than refused, as an old bookmark would be.
 */
export function parseDispenseView(params: URLSearchParams): DispenseView {
  if (params.get(ENDING_SOON_PARAM) === String(ENDING_SOON_DAYS)) return 'endingSoon';
  const state = params.get(DISPENSE_STATE_PARAM);
  return isDispenseState(state) ? state : 'all';
}

/** The address's query for a view, every other parameter kept. */
export function withDispenseView(params: URLSearchParams, view: DispenseView): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(DISPENSE_STATE_PARAM);
  next.delete(ENDING_SOON_PARAM);
  if (view === 'endingSoon') next.set(ENDING_SOON_PARAM, String(ENDING_SOON_DAYS));
  else if (view !== 'all') next.set(DISPENSE_STATE_PARAM, view);
  return next;
}

/** The API's filters (route `listDispenses`): the contract's `endingSoon` already means "validated". */
export interface DispenseQuery {
  state?: DispenseState;
  endingSoon?: true;
}

export function toDispenseQuery(view: DispenseView): DispenseQuery {
  if (view === 'all') return {};
  if (view === 'endingSoon') return { endingSoon: true };
  return { state: view };
}

export const DISPENSE_VIEW_OPTIONS: readonly { value: DispenseView; label: string }[] = [
  { value: 'all', label: 'Toutes les dispenses' },
  { value: 'pending', label: 'À valider' },
  { value: 'validated', label: 'Validées' },
  { value: 'endingSoon', label: `Validées, arrivant à échéance (${ENDING_SOON_DAYS} jours)` },
  { value: 'refused', label: 'Refusées' },
];

const EMPTY_MESSAGES: Record<DispenseView, string> = {
  all: "Aucune dispense d'adhésion n'a été demandée par vos salariés.",
  pending: "Aucune dispense n'attend votre décision.",
  validated: 'Aucune dispense validée.',
  endingSoon: `Aucune dispense validée n'arrive à échéance dans les ${ENDING_SOON_DAYS} prochains jours.`,
  refused: 'Aucune dispense refusée.',
};

export const emptyMessage = (view: DispenseView): string => EMPTY_MESSAGES[view];

/** Read by the live region after each load. */
export function dispensesAnnouncement(shown: number, more: boolean): string {
  if (shown === 0) return more ? 'Aucune dispense sur cette page : chargez la suite.' : '';
  const count = formatCount(shown, 'dispense affichée', 'dispenses affichées');
  return more ? `${count}. D'autres dispenses peuvent être chargées.` : `${count}.`;
}

const DAY_MS = 86_400_000;

/**
 * Whole days from `today` to `endDate` (ISO days), negative once past; null without an end
 * date. Used to say "échéance dans 12 jours" next to a validated dispense.
 */
export function daysUntil(endDate: string | null, today: string): number | null {
  if (!endDate) return null;
  const end = Date.parse(`${endDate}T00:00:00Z`);
  const start = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(end) || Number.isNaN(start)) return null;
  return Math.round((end - start) / DAY_MS);
}

/** "Échéance aujourd'hui", "Échéance dans 1 jour", "… dans 12 jours"; null outside the 30-day window. */
export function endingSoonNote(endDate: string | null, today: string): string | null {
  const days = daysUntil(endDate, today);
  if (days === null || days < 0 || days > ENDING_SOON_DAYS) return null;
  if (days === 0) return "Échéance aujourd'hui";
  return `Échéance dans ${formatCount(days, 'jour')}`;
}
