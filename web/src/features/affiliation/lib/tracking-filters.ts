import {
  AFFILIATION_STATUS_VALUES,
  type AffiliationMode,
  type AffiliationStatus,
} from '../../../../../functions/contracts/affiliation';

/**
 * The filters of "Suivi des affiliations" live in the address, so the home page can link to
 * "the requests started by employees" and a filtered list survives a reload or a bookmark.
 * Only codes go there (a status, a mode, an establishment's SIRET): never a name or a NIR.
 */
export const FILTER_PARAMS = { status: 'statut', mode: 'mode', siret: 'etablissement' } as const;

/** What the API's list accepts: only the filters in use. */
export interface ListFilters {
  status?: AffiliationStatus;
  mode?: AffiliationMode;
  siret?: string;
}

const MODES: readonly AffiliationMode[] = ['email', 'courrier'];

const isStatus = (value: string | null): value is AffiliationStatus =>
  (AFFILIATION_STATUS_VALUES as readonly (string | null)[]).includes(value);
const isMode = (value: string | null): value is AffiliationMode =>
  (MODES as readonly (string | null)[]).includes(value);

/** Reads the address's filters; an unknown value (an old or mistyped link) is ignored, not an error. */
export function filtersFromSearch(search: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  const status = search.get(FILTER_PARAMS.status);
  const mode = search.get(FILTER_PARAMS.mode);
  const siret = search.get(FILTER_PARAMS.siret)?.replace(/\s/g, '') ?? '';
  if (isStatus(status)) filters.status = status;
  if (isMode(mode)) filters.mode = mode;
  if (/^\d{14}$/.test(siret)) filters.siret = siret;
  return filters;
}

/** The query string of these filters, in a stable order (`statut`, `mode`, `etablissement`). */
export function searchFromFilters(filters: ListFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set(FILTER_PARAMS.status, filters.status);
  if (filters.mode) search.set(FILTER_PARAMS.mode, filters.mode);
  if (filters.siret) search.set(FILTER_PARAMS.siret, filters.siret);
  return search;
}

/** `/salaries/suivi-affiliations?statut=started`: a link to the list already filtered. */
export function trackingHref(basePath: string, filters: ListFilters): string {
  const search = searchFromFilters(filters).toString();
  return search ? `${basePath}?${search}` : basePath;
}

export const hasFilters = (filters: ListFilters): boolean =>
  Boolean(filters.status || filters.mode || filters.siret);
