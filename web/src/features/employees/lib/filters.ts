import { nir as nirSchema } from '../../../../../functions/contracts/common';
import { formatCount } from '../../../shared/format';

/** What the Mes salariés form holds: every value a string, '' meaning "no filter". */
export interface EmployeeFilters {
  q: string;
  siret: string;
  contractNumber: string;
  statut: '' | 'cadre' | 'non_cadre';
  state: '' | 'active' | 'radiated';
  order: 'asc' | 'desc';
}

export const NO_FILTERS: EmployeeFilters = {
  q: '',
  siret: '',
  contractNumber: '',
  statut: '',
  state: '',
  order: 'asc',
};

/**
 * The search box takes a last-name prefix or a full NIR. A name never starts with a digit,
 * so digits mean a NIR: sent only once complete and valid (a partial one would be read as a
 * name by the API and find nobody).
 */
export type SearchTerm =
  | { kind: 'none' }
  | { kind: 'name'; value: string }
  | { kind: 'nir'; value: string }
  | { kind: 'invalid-nir'; message: string };

export const PARTIAL_NIR_MESSAGE =
  'Pour retrouver un salarié par son numéro de sécurité sociale, saisissez ses 15 caractères (13 + clé).';

export function parseSearch(raw: string): SearchTerm {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'none' };
  if (!/^\d/.test(text)) return { kind: 'name', value: text.slice(0, 80) };
  const compact = text.replace(/[\s.-]/g, '').toUpperCase();
  if (compact.length < 15) return { kind: 'invalid-nir', message: PARTIAL_NIR_MESSAGE };
  const checked = nirSchema.safeParse(compact);
  if (!checked.success) {
    return { kind: 'invalid-nir', message: checked.error.issues[0]?.message ?? PARTIAL_NIR_MESSAGE };
  }
  return { kind: 'nir', value: checked.data };
}

/** The API's query (and export body): only the filters in use. */
export interface EmployeeQuery {
  q?: string;
  siret?: string;
  contractNumber?: string;
  statut?: 'cadre' | 'non_cadre';
  state?: 'active' | 'radiated';
  order: 'asc' | 'desc';
}

/** Undefined while the search box holds something the API cannot look up. */
export function toEmployeeQuery(filters: EmployeeFilters): EmployeeQuery | undefined {
  const search = parseSearch(filters.q);
  if (search.kind === 'invalid-nir') return undefined;
  const query: EmployeeQuery = { order: filters.order };
  if (search.kind === 'name' || search.kind === 'nir') query.q = search.value;
  if (filters.siret) query.siret = filters.siret;
  if (filters.contractNumber) query.contractNumber = filters.contractNumber;
  if (filters.statut) query.statut = filters.statut;
  if (filters.state) query.state = filters.state;
  return query;
}

export const hasActiveFilters = (filters: EmployeeFilters): boolean =>
  Boolean(filters.q.trim() || filters.siret || filters.contractNumber || filters.statut || filters.state);

/** Read by the live region after each load: how many rows the table shows now. */
export function resultsAnnouncement(shown: number, more: boolean): string {
  if (shown === 0) {
    return more
      ? 'Aucun salarié sur cette page de résultats : chargez la suite pour continuer.'
      : 'Aucun salarié ne correspond à votre recherche.';
  }
  const count = `${formatCount(shown, 'salarié affiché', 'salariés affichés')}`;
  return more ? `${count}. D'autres salariés peuvent être chargés.` : `${count}.`;
}

export const exportAnnouncement = (rows: number) => `Export de ${formatCount(rows, 'salarié')} prêt.`;
