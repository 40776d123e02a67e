import { useId } from 'react';
import { formatSiret } from '../../../shared/format';
import { useCompanyEstablishments } from '../../employees/api/get-profile';
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
  const id = useId();
  const establishments = useCompanyEstablishments(companyId);
  // A SIRET from the address that is not (or not yet) in the list still shows as chosen.
  const known = (establishments.data ?? []).some((establishment) => establishment.siret === filters.siret);
  return (
    <form
      className="emp-filters anm-filters"
      aria-label={anomaliesCopy.filtersLabel}
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="emp-filters__grid">
        <div className="field">
          <label htmlFor={`${id}-type`} className="field__label">
            {anomaliesCopy.typeLabel}
          </label>
          <select
            id={`${id}-type`}
            className="field__input emp-select"
            value={filters.type}
            onChange={(event) => onChange({ ...filters, type: event.target.value as AnomalyFilters['type'] })}
          >
            <option value="">{anomaliesCopy.allTypes}</option>
            {TYPE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-siret`} className="field__label">
            {anomaliesCopy.establishmentLabel}
          </label>
          <select
            id={`${id}-siret`}
            className="field__input emp-select"
            value={filters.siret}
            onChange={(event) => onChange({ ...filters, siret: event.target.value })}
          >
            <option value="">{anomaliesCopy.allEstablishments}</option>
            {filters.siret && !known ? (
              <option value={filters.siret}>SIRET {formatSiret(filters.siret)}</option>
            ) : null}
            {(establishments.data ?? []).map((establishment) => (
              <option key={establishment.siret} value={establishment.siret}>
                {establishment.name} — {establishment.city} ({formatSiret(establishment.siret)})
              </option>
            ))}
          </select>
        </div>
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
