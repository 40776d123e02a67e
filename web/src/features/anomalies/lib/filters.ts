import { ANOMALY_TYPES, type AnomalyType } from '../../../../../functions/contracts/anomalies';
import { formatCount } from '../../../shared/format';

/**
 * The list's state lives in the address (tab, type, établissement), so a link — from the home
 * page, a bookmark, the back button — reopens the same view. Only codes and SIRETs: no name
 * or NIR ever goes into a URL.
 */
export const TAB_PARAM = 'onglet';
export const HISTORY_TAB = 'historique';
export const TYPE_PARAM = 'type';
/** The same name as in Suivi des affiliations. */
export const SIRET_PARAM = 'etablissement';

export type AnomalyState = 'open' | 'resolved';

export interface AnomalyFilters {
  state: AnomalyState;
  /** '' for every type. */
  type: AnomalyType | '';
  /** '' for every établissement. */
  siret: string;
}

const isAnomalyType = (value: string | null): value is AnomalyType =>
  value !== null && Object.hasOwn(ANOMALY_TYPES, value);

const isSiret = (value: string | null): value is string => value !== null && /^\d{14}$/.test(value);

/** What the address asks for; anything unknown (an old bookmark, a typo) is ignored. */
export function parseAnomalyFilters(params: URLSearchParams): AnomalyFilters {
  const type = params.get(TYPE_PARAM);
  const siret = params.get(SIRET_PARAM);
  return {
    state: params.get(TAB_PARAM) === HISTORY_TAB ? 'resolved' : 'open',
    type: isAnomalyType(type) ? type : '',
    siret: isSiret(siret) ? siret : '',
  };
}

/** The address's query for these filters; parameters that are not the list's are kept. */
export function withAnomalyFilters(params: URLSearchParams, filters: AnomalyFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [TAB_PARAM, TYPE_PARAM, SIRET_PARAM]) next.delete(key);
  if (filters.state === 'resolved') next.set(TAB_PARAM, HISTORY_TAB);
  if (filters.type) next.set(TYPE_PARAM, filters.type);
  if (filters.siret) next.set(SIRET_PARAM, filters.siret);
  return next;
}

/** `?onglet=historique&type=…`, or '' — for links. */
export function anomaliesSearch(filters: AnomalyFilters): string {
  const text = withAnomalyFilters(new URLSearchParams(), filters).toString();
  return text ? `?${text}` : '';
}

/** The API's filters (route `listAnomalies`): only those in use. */
export interface AnomalyQuery {
  state: AnomalyState;
  type?: AnomalyType;
  siret?: string;
}

export function toAnomalyQuery(filters: AnomalyFilters): AnomalyQuery {
  const query: AnomalyQuery = { state: filters.state };
  if (filters.type) query.type = filters.type;
  if (filters.siret) query.siret = filters.siret;
  return query;
}

export const hasActiveFilters = (filters: AnomalyFilters): boolean => Boolean(filters.type || filters.siret);

export const TYPE_OPTIONS = (Object.entries(ANOMALY_TYPES) as [AnomalyType, string][]).map(
  ([value, label]) => ({ value, label }),
);

/** Read by the live region after each load. */
export function anomaliesAnnouncement(state: AnomalyState, shown: number, more: boolean): string {
  if (shown === 0) return more ? 'Aucune anomalie sur cette page : chargez la suite.' : '';
  const count =
    state === 'open'
      ? formatCount(shown, 'anomalie ouverte affichée', 'anomalies ouvertes affichées')
      : formatCount(shown, 'anomalie résolue affichée', 'anomalies résolues affichées');
  return more ? `${count}. D'autres anomalies peuvent être chargées.` : `${count}.`;
}

/** When the list is empty: why, in the words of the tab and the filters. */
export function emptyMessage(filters: AnomalyFilters): string {
  if (hasActiveFilters(filters)) {
    return filters.state === 'open'
      ? 'Aucune anomalie ouverte ne correspond à ces filtres.'
      : 'Aucune anomalie résolue ne correspond à ces filtres.';
  }
  return filters.state === 'open'
    ? 'Aucune anomalie à traiter : vos déclarations sociales (DSN) concordent avec les affiliations.'
    : "Aucune anomalie n'a encore été résolue.";
}
