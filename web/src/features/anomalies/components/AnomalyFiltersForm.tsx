import { FilterSelect } from '../../../shared/forms/FilterSelect';
import { EstablishmentFilter } from '../../employees/components/EstablishmentFilter';
import { anomaliesCopy } from '../copy';
import { hasActiveFilters, TYPE_OPTIONS, type AnomalyFilters } from '../lib/filters';

interface AnomalyFiltersFormProps {
  companyId: string;
  filters: AnomalyFilters;
  onChange: (filters: AnomalyFilters) => void;
}

/**
 * Type and établissement, each applied as soon as it changes (as in Mes salariés). The
 * établissements are the company's, all of them (the profile's perimeter).
 */
export function AnomalyFiltersForm({ companyId, filters, onChange }: AnomalyFiltersFormProps) {
  return (
    <form
      className="emp-filters anm-filters"
      aria-label={anomaliesCopy.filtersLabel}
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="emp-filters__grid">
        <FilterSelect
          label={anomaliesCopy.typeLabel}
          all={anomaliesCopy.allTypes}
          value={filters.type}
          options={TYPE_OPTIONS}
          onChange={(type) => onChange({ ...filters, type: type as AnomalyFilters['type'] })}
        />
        <EstablishmentFilter
          companyId={companyId}
          label={anomaliesCopy.establishmentLabel}
          all={anomaliesCopy.allEstablishments}
          value={filters.siret}
          onChange={(siret) => onChange({ ...filters, siret })}
        />
      </div>
      {hasActiveFilters(filters) ? (
        <p className="emp-filters__reset">
          <button
            type="button"
            className="emp-link-button"
            onClick={() => onChange({ ...filters, type: '', siret: '' })}
          >
            {anomaliesCopy.resetFilters}
          </button>
        </p>
      ) : null}
    </form>
  );
}
