import type { DispenseSummary } from '../../../../../functions/contracts/anomalies';
import { sections } from '../../../shared/sections';

/**
 * The addresses of Mes salariés › Dispenses and its filtered views, for the page itself and
 * for the links that lead to it (the home page's focus). Type imports only: the home page
 * stays free of zod.
 */
export type DispenseState = DispenseSummary['state'];

/** `?etat=pending`: the state shown (codes of the contract, no personal data in the URL). */
export const DISPENSE_STATE_PARAM = 'etat';
/** `?echeance=30`: validated dispenses that end within the next 30 days. */
export const ENDING_SOON_PARAM = 'echeance';
export const ENDING_SOON_DAYS = 30;

export type DispenseView = DispenseState | 'endingSoon' | 'all';

/** `/salaries/dispenses?etat=pending`, `/salaries/dispenses?echeance=30`, or the page itself. */
export function dispensesPath(view: DispenseView = 'all'): string {
  if (view === 'all') return sections.dispenses.path;
  const params = new URLSearchParams(
    view === 'endingSoon'
      ? { [ENDING_SOON_PARAM]: String(ENDING_SOON_DAYS) }
      : { [DISPENSE_STATE_PARAM]: view },
  );
  return `${sections.dispenses.path}?${params.toString()}`;
}
