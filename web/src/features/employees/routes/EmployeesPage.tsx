import { useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { exportEmployees } from '../api/export-employees';
import { useEmployeeList } from '../api/list-employees';
import { DownloadButton } from '../components/DownloadButton';
import { EmployeeFiltersForm } from '../components/EmployeeFiltersForm';
import { EmployeesTable } from '../components/EmployeesTable';
import { LoadingMessage, LoadMoreButton, QueryError } from '../components/feedback';
import { useRadiationDialog } from '../components/use-radiation-dialog';
import { useLoadMoreFocus } from '../components/use-load-more-focus';
import { employeesCopy } from '../copy';
import {
  exportAnnouncement,
  hasActiveFilters,
  NO_FILTERS,
  parseSearch,
  resultsAnnouncement,
  toEmployeeQuery,
  type EmployeeFilters,
} from '../lib/filters';
import '../employees.css';

/** Mes salariés › Salariés affiliés: search, filters, sort, pages, CSV export, row actions. */
export function EmployeesPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.employees.title} lead={sections.employees.summary}>
      {current ? (
        // A new company starts from a clean slate (filters, pages, revealed numbers).
        <EmployeesList key={current.companyId} companyId={current.companyId} />
      ) : (
        <p className="notice">{employeesCopy.noCompany}</p>
      )}
    </Page>
  );
}

/** Sorting by name, also offered by the table's "Nom" header (hidden on phones, where rows are cards). */
function SortSelect({
  order,
  onChange,
}: {
  order: EmployeeFilters['order'];
  onChange: (order: EmployeeFilters['order']) => void;
}) {
  const id = useId();
  return (
    <div className="emp-sort-select">
      <label htmlFor={id}>{employeesCopy.orderLabel}</label>
      <select
        id={id}
        className="field__input emp-select"
        value={order}
        onChange={(event) => onChange(event.target.value as EmployeeFilters['order'])}
      >
        {employeesCopy.orderOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function EmployeesList({ companyId }: { companyId: string }) {
  const [filters, setFilters] = useState<EmployeeFilters>(NO_FILTERS);
  const query = toEmployeeQuery(filters);
  const list = useEmployeeList(companyId, query);
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const radiation = useRadiationDialog({ companyId, fallbackFocus: () => resultsRef.current });

  const employees = list.data?.pages.flatMap((page) => page.items) ?? [];
  const more = Boolean(list.hasNextPage);
  const searching = list.isFetching && !list.isFetchingNextPage && (list.isPlaceholderData || !list.data);

  const focusNewRows = useLoadMoreFocus(tableRef, employees.length, list.isFetchingNextPage, resultsRef);

  const onFiltersChange = useCallback((next: EmployeeFilters) => setFilters(next), []);
  const term = parseSearch(filters.q);

  let status: string;
  if (term.kind === 'invalid-nir') status = term.message;
  else if (searching) status = 'Recherche en cours…';
  else if (list.isError && !list.data) status = '';
  else if (!list.data)
    status = ''; // the loading message below says it
  else status = resultsAnnouncement(employees.length, more);

  return (
    <>
      <EmployeeFiltersForm companyId={companyId} filters={filters} onChange={onFiltersChange} />

      <div className="emp-list-bar">
        <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
          {status}
        </p>
        <div className="emp-list-bar__tools">
          <SortSelect
            order={filters.order}
            onChange={(order) => setFilters((previous) => ({ ...previous, order }))}
          />
          {query ? (
            <DownloadButton
              request={() => exportEmployees(companyId, query)}
              pendingLabel={employeesCopy.exportPending}
              announce={(file) => exportAnnouncement(file.rows)}
              showFallback
            >
              {employeesCopy.exportCsv}
            </DownloadButton>
          ) : null}
        </div>
      </div>

      {list.isError && !list.data ? (
        <QueryError title={employeesCopy.listError} error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending && query ? <LoadingMessage>{employeesCopy.loadingList}</LoadingMessage> : null}

      {list.data && term.kind !== 'invalid-nir' ? (
        employees.length > 0 ? (
          <div
            ref={tableRef}
            className={searching ? 'emp-stale' : undefined}
            aria-busy={searching || undefined}
          >
            <EmployeesTable
              companyId={companyId}
              employees={employees}
              order={filters.order}
              onOrderChange={(order) => setFilters((previous) => ({ ...previous, order }))}
              onRadiate={radiation.open}
            />
          </div>
        ) : more ? null : (
          <div className="emp-empty">
            <p>
              {hasActiveFilters(filters)
                ? 'Aucun salarié ne correspond à votre recherche. Modifiez ou effacez les filtres.'
                : "Aucun salarié affilié n'est enregistré pour cette entreprise."}
            </p>
            {hasActiveFilters(filters) ? null : (
              <p>
                Pour affilier un salarié :{' '}
                <Link to={sections.preAffiliation.path}>{sections.preAffiliation.title}</Link>.
              </p>
            )}
          </div>
        )
      ) : null}

      {list.isError && list.data ? (
        <QueryError title="La suite de la liste n'a pas pu être chargée." error={list.error} />
      ) : null}
      {more && term.kind !== 'invalid-nir' ? (
        <LoadMoreButton
          subject="de salariés"
          pending={list.isFetchingNextPage}
          onLoad={() => {
            focusNewRows();
            void list.fetchNextPage();
          }}
        />
      ) : null}
      {radiation.dialog}
    </>
  );
}
