import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { EmployeeSummary } from '../../../../../functions/contracts/employees';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { Page } from '../../../shared/components/Page';
import { formatSiret } from '../../../shared/format';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { useEmployeeList } from '../api/list-employees';
import { DateValue, LoadingMessage, LoadMoreButton, QueryError } from '../components/feedback';
import { RadiationForm } from '../components/RadiationForm';
import { SEARCH_DEBOUNCE_MS } from '../components/EmployeeFiltersForm';
import { employeesCopy } from '../copy';
import { fullName } from '../lib/beneficiaries';
import { parseSearch, resultsAnnouncement, toEmployeeQuery, NO_FILTERS } from '../lib/filters';
import '../../../shared/forms/forms.css';
import '../employees.css';

/** Radiation (contexte sans DSN): choose an active employee, then the radiation form. */
export function RadiationPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.radiation.title} lead={sections.radiation.summary}>
      {current ? (
        <RadiationJourney key={current.companyId} companyId={current.companyId} />
      ) : (
        <p className="notice">{employeesCopy.noCompany}</p>
      )}
    </Page>
  );
}

const PICKER_PAGE_SIZE = 10;

function RadiationJourney({ companyId }: { companyId: string }) {
  const [selected, setSelected] = useState<EmployeeSummary | null>(null);
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<'search' | 'form' | null>(null);
  const titleId = useId();

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'form') formHeading.current?.focus();
    if (target === 'search') searchRef.current?.focus();
  }, [selected]);

  if (selected) {
    return (
      <section className="emp-step" aria-labelledby={titleId}>
        <p className="emp-step__count">Étape 2 sur 2</p>
        <h2 id={titleId} ref={formHeading} tabIndex={-1}>
          Radiation de {fullName(selected)}
        </h2>
        <div className="form-card emp-step__card">
          <RadiationForm
            companyId={companyId}
            employee={selected}
            titleId={titleId}
            cancelLabel="Changer de salarié"
            onCancel={() => {
              focusNext.current = 'search';
              setSelected(null);
            }}
            onConflict={() => {
              focusNext.current = 'search';
              setSelected(null);
            }}
            finishLabel="Radier un autre salarié"
            onFinished={() => {
              focusNext.current = 'search';
              setSearch('');
              setSelected(null);
            }}
          />
        </div>
      </section>
    );
  }

  return (
    <EmployeePicker
      companyId={companyId}
      search={search}
      onSearchChange={setSearch}
      searchRef={searchRef}
      onPick={(employee) => {
        focusNext.current = 'form';
        setSelected(employee);
      }}
    />
  );
}

interface EmployeePickerProps {
  companyId: string;
  search: string;
  onSearchChange: (value: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onPick: (employee: EmployeeSummary) => void;
}

/** Step 1: find the employee among those still covered, by name or NIR. */
function EmployeePicker({ companyId, search, onSearchChange, searchRef, onPick }: EmployeePickerProps) {
  const [applied, setApplied] = useState(search);
  const id = useId();

  useEffect(() => {
    if (search === applied) return;
    const timer = window.setTimeout(() => setApplied(search), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search, applied]);

  const query = toEmployeeQuery({ ...NO_FILTERS, q: applied, state: 'active' });
  const list = useEmployeeList(companyId, query, PICKER_PAGE_SIZE);
  const employees = list.data?.pages.flatMap((page) => page.items) ?? [];
  const term = parseSearch(applied);
  const searching = list.isFetching && !list.isFetchingNextPage && (list.isPlaceholderData || !list.data);

  let status = '';
  if (term.kind === 'invalid-nir') status = term.message;
  else if (searching && list.data) status = 'Recherche en cours…';
  else if (list.data) status = resultsAnnouncement(employees.length, Boolean(list.hasNextPage));

  return (
    <section className="emp-step" aria-labelledby={`${id}-titre`}>
      <p className="emp-step__count">Étape 1 sur 2</p>
      <h2 id={`${id}-titre`}>Choisissez le salarié à radier</h2>
      <form
        role="search"
        aria-labelledby={`${id}-titre`}
        className="emp-filters emp-filters--picker"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(search);
        }}
      >
        <div className="field emp-filters__search">
          <label htmlFor={`${id}-q`} className="field__label">
            Nom ou numéro de sécurité sociale
          </label>
          <p id={`${id}-aide`} className="field__hint">
            Début du nom de famille, ou numéro de sécurité sociale complet. Seuls les salariés encore couverts
            sont proposés.
          </p>
          <div className="emp-search">
            <input
              ref={searchRef}
              id={`${id}-q`}
              type="search"
              className="field__input"
              autoComplete="off"
              spellCheck={false}
              value={search}
              aria-describedby={`${id}-aide`}
              onChange={(event) => onSearchChange(event.target.value)}
            />
            <button type="submit" className="button">
              Rechercher
            </button>
          </div>
        </div>
      </form>

      <p className="emp-results" role="status">
        {status}
      </p>
      {list.isError && !list.data ? (
        <QueryError title={employeesCopy.listError} error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending && query ? <LoadingMessage>{employeesCopy.loadingList}</LoadingMessage> : null}

      {employees.length > 0 && term.kind !== 'invalid-nir' ? (
        <div className="emp-table-wrap">
          <table className="emp-table emp-table--picker">
            <caption className="visually-hidden">Salariés couverts correspondant à la recherche</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Prénom</th>
                <th scope="col">Établissement</th>
                <th scope="col">Contrat</th>
                <th scope="col">Date d'effet</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {employees.map((employee) => (
                <tr key={employee.employeeId}>
                  <th scope="row" className="emp-table__name" data-label="Nom">
                    {employee.lastName}
                  </th>
                  <td data-label="Prénom">{employee.firstName}</td>
                  <td data-label="Établissement">
                    {employee.establishmentName}
                    <span className="emp-cell-detail nowrap">SIRET {formatSiret(employee.siret)}</span>
                  </td>
                  <td data-label="Contrat">
                    <span className="nowrap">{employee.contractNumber}</span>
                    <span className="emp-cell-detail">
                      {employee.product} · {STATUT_LABELS[employee.statut]}
                    </span>
                  </td>
                  <td data-label="Date d'effet">
                    <DateValue iso={employee.effectiveDate} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary emp-pick"
                      aria-label={`Choisir ${fullName(employee)}`}
                      onClick={() => onPick(employee)}
                    >
                      Choisir
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage && term.kind !== 'invalid-nir' ? (
        <LoadMoreButton
          subject="de salariés"
          pending={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      ) : null}
    </section>
  );
}
