import { useId } from 'react';
import type { AffiliationMode, AffiliationStatus } from '../../../../../functions/contracts/affiliation';
import { formatSiret } from '../../../shared/format';
import { useCompanyEstablishments } from '../../employees/api/get-profile';
import { affiliationCopy as copy } from '../copy';
import { hasFilters, type ListFilters } from '../lib/tracking-filters';

interface TrackingFiltersFormProps {
  companyId: string;
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
}

/** Statut, mode, établissement: each applied as soon as it changes (and kept in the address). */
export function TrackingFiltersForm({ companyId, filters, onChange }: TrackingFiltersFormProps) {
  const establishments = useCompanyEstablishments(companyId);
  const id = useId();
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
      <div className="field">
        <label htmlFor={`${id}-statut`} className="field__label">
          {copy.statusLabel}
        </label>
        <select
          id={`${id}-statut`}
          className="field__input emp-select"
          value={filters.status ?? ''}
          onChange={(event) => set({ status: event.target.value })}
        >
          <option value="">{copy.allStatuses}</option>
          {copy.statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mode`} className="field__label">
          {copy.modeLabel}
        </label>
        <select
          id={`${id}-mode`}
          className="field__input emp-select"
          value={filters.mode ?? ''}
          onChange={(event) => set({ mode: event.target.value })}
        >
          <option value="">{copy.allModes}</option>
          {copy.modeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-siret`} className="field__label">
          {copy.establishmentLabel}
        </label>
        <select
          id={`${id}-siret`}
          className="field__input emp-select"
          value={filters.siret ?? ''}
          onChange={(event) => set({ siret: event.target.value })}
        >
          <option value="">{copy.allEstablishments}</option>
          {(establishments.data ?? []).map((establishment) => (
            <option key={establishment.siret} value={establishment.siret}>
              {establishment.name} — {establishment.city} ({formatSiret(establishment.siret)})
            </option>
          ))}
          {/* A SIRET from a link, before the list has loaded (or no longer followed): still shown as chosen. */}
          {filters.siret && !establishments.data?.some((candidate) => candidate.siret === filters.siret) ? (
            <option value={filters.siret}>SIRET {formatSiret(filters.siret)}</option>
          ) : null}
        </select>
      </div>
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
