import { FilterSelect } from '../../../shared/forms/FilterSelect';
import { formatSiret } from '../../../shared/format';
import { useCompanyEstablishments } from '../api/get-profile';

interface EstablishmentFilterProps {
  companyId: string;
  label: string;
  /** The empty option: every establishment. */
  all: string;
  value: string;
  onChange: (siret: string) => void;
}

/** The company's établissements (all of them: the profile's perimeter), as a list filter. */
export function EstablishmentFilter({ companyId, label, all, value, onChange }: EstablishmentFilterProps) {
  const establishments = useCompanyEstablishments(companyId);
  const options = (establishments.data ?? []).map((establishment) => ({
    value: establishment.siret,
    label: `${establishment.name} — ${establishment.city} (${formatSiret(establishment.siret)})`,
  }));
  // A SIRET from the address that is not (or not yet, or no longer) in the list still shows as chosen.
  const known = options.some((option) => option.value === value);
  return (
    <FilterSelect label={label} all={all} value={value} onChange={onChange} options={options}>
      {value && !known ? <option value={value}>SIRET {formatSiret(value)}</option> : null}
    </FilterSelect>
  );
}
