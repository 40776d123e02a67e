import { useEffect, useId, useState } from 'react';
import { RISQUE_LABELS, STATUT_LABELS } from '../../../../../functions/contracts/common';
import { IconChevronDown } from '../../../shared/components/icons';
import { FilterSelect } from '../../../shared/forms/FilterSelect';
import { useContracts } from '../../contracts/api/list-contracts';
import { employeesCopy } from '../copy';
import { EstablishmentFilter } from './EstablishmentFilter';
import { hasActiveFilters, NO_FILTERS, parseSearch, type EmployeeFilters } from '../lib/filters';
import '../../../shared/forms/forms.css';
import '../employees.css';

/** Typing pauses this long before the search runs (one request per word, not per letter). */
export const SEARCH_DEBOUNCE_MS = 350;

const WIDE_SCREEN = '(min-width: 44em)';

interface EmployeeFiltersFormProps {
  companyId: string;
  filters: EmployeeFilters;
  onChange: (filters: EmployeeFilters) => void;
}

/**
 * Search (name prefix or full NIR, debounced; Enter searches at once) and the filters, each
 * applied as soon as it changes. Options come from the company's data: its establishments
 * (the profile's perimeter, all of them) and its contracts.
 */
export function EmployeeFiltersForm({ companyId, filters, onChange }: EmployeeFiltersFormProps) {
  const [search, setSearch] = useState(filters.q);
  const contracts = useContracts(companyId);
  const id = useId();
  // Open on wide screens; on phones the list comes first and the filters are one tap away.
  const [open, setOpen] = useState(() => window.matchMedia(WIDE_SCREEN).matches);
  const activeCount = [filters.siret, filters.contractNumber, filters.statut, filters.state].filter(
    Boolean,
  ).length;

  // The search box follows outside changes (reset), without fighting the user's typing.
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setSearch(filters.q);
  }

  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: search }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search, filters, onChange]);

  const set = <K extends keyof EmployeeFilters>(key: K, value: EmployeeFilters[K]) =>
    onChange({ ...filters, q: search, [key]: value });

  const term = parseSearch(search);
  const searchHintId = `${id}-aide`;
  const searchErrorId = `${id}-erreur`;
  return (
    <form
      role="search"
      aria-label="Rechercher et filtrer les salariés"
      className="emp-filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, q: search });
      }}
    >
      <div className="field emp-filters__search">
        <label htmlFor={`${id}-q`} className="field__label">
          {employeesCopy.searchLabel}
        </label>
        <p id={searchHintId} className="field__hint">
          {employeesCopy.searchHint}
        </p>
        <div className="emp-search">
          <input
            id={`${id}-q`}
            type="search"
            className="field__input"
            autoComplete="off"
            spellCheck={false}
            value={search}
            aria-describedby={term.kind === 'invalid-nir' ? `${searchHintId} ${searchErrorId}` : searchHintId}
            aria-invalid={
              term.kind === 'invalid-nir' && search.replace(/\D/g, '').length >= 13 ? true : undefined
            }
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="submit" className="button">
            Rechercher
          </button>
        </div>
        {term.kind === 'invalid-nir' ? (
          <p id={searchErrorId} className="emp-filters__nir-hint">
            {term.message}
          </p>
        ) : null}
      </div>

      <details
        className="emp-filters__details"
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary className="emp-filters__summary">
          <IconChevronDown className="emp-filters__chevron" />
          Filtres
          {activeCount > 0 ? (
            <span className="emp-filters__count">
              {activeCount}
              <span className="visually-hidden"> {activeCount > 1 ? 'filtres actifs' : 'filtre actif'}</span>
            </span>
          ) : null}
        </summary>
        <div className="emp-filters__grid">
          <EstablishmentFilter
            companyId={companyId}
            label={employeesCopy.establishmentLabel}
            all={employeesCopy.allEstablishments}
            value={filters.siret}
            onChange={(siret) => set('siret', siret)}
          />
          <FilterSelect
            label={employeesCopy.statutLabel}
            all={employeesCopy.allStatuts}
            value={filters.statut}
            options={Object.entries(STATUT_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(statut) => set('statut', statut as EmployeeFilters['statut'])}
          />
          <FilterSelect
            label={employeesCopy.contractLabel}
            all={employeesCopy.allContracts}
            value={filters.contractNumber}
            options={(contracts.data?.items ?? []).map((contract) => ({
              value: contract.contractNumber,
              label: `${contract.contractNumber} — ${contract.product} (${STATUT_LABELS[contract.statut]}, ${RISQUE_LABELS[contract.risque].toLowerCase()})`,
            }))}
            onChange={(contractNumber) => set('contractNumber', contractNumber)}
          />
          <FilterSelect
            label={employeesCopy.stateLabel}
            all={employeesCopy.allStates}
            value={filters.state}
            options={employeesCopy.stateOptions}
            onChange={(state) => set('state', state as EmployeeFilters['state'])}
          />
        </div>
      </details>

      {hasActiveFilters({ ...filters, q: search }) ? (
        <p className="emp-filters__reset">
          <button
            type="button"
            className="emp-link-button"
            onClick={() => {
              setSearch('');
              onChange({ ...NO_FILTERS, order: filters.order });
            }}
          >
            {employeesCopy.resetFilters}
          </button>
        </p>
      ) : null}
    </form>
  );
}
