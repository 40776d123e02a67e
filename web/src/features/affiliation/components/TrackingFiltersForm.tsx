import type { AffiliationMode, AffiliationStatus } from '../../../../../functions/contracts/affiliation';
import { FilterSelect } from '../../../shared/forms/FilterSelect';
import { EstablishmentFilter } from '../../employees/components/EstablishmentFilter';
import { affiliationCopy as copy } from '../copy';
import { hasFilters, type ListFilters } from '../lib/tracking-filters';

interface TrackingFiltersFormProps {
  companyId: string;
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
}

/** Statut, mode, établissement: each applied as soon as it changes (and kept in the address). */
export function TrackingFiltersForm({ companyId, filters, onChange }: TrackingFiltersFormProps) {
  const set = (change: Partial<Record<keyof ListFilters, string>>) => {
    const next: Record<string, string | undefined> = { ...filters, ...change };
    onChange({
      ...(next.status ? { status: next.status as AffiliationStatus } : {}),
      ...(next.mode ? { mode: next.mode as AffiliationMode } : {}),
      ...(next.siret ? { siret: next.siret } : {}),
    });
  };
  return (
    <form
      role="search"
      aria-label={copy.filtersLabel}
      className="aff-filters"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <FilterSelect
        label={copy.statusLabel}
        all={copy.allStatuses}
        value={filters.status ?? ''}
        options={copy.statusOptions}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        label={copy.modeLabel}
        all={copy.allModes}
        value={filters.mode ?? ''}
        options={copy.modeOptions}
        onChange={(mode) => set({ mode })}
      />
      <EstablishmentFilter
        companyId={companyId}
        label={copy.establishmentLabel}
        all={copy.allEstablishments}
        value={filters.siret ?? ''}
        onChange={(siret) => set({ siret })}
      />
      {hasFilters(filters) ? (
        <p className="aff-filters__reset">
          <button type="button" className="emp-link-button" onClick={() => onChange({})}>
            {copy.resetFilters}
          </button>
        </p>
      ) : null}
    </form>
  );
}
