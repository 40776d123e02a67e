import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AffiliationRequestSummary } from '../../../../../functions/contracts/affiliation';
import { Page } from '../../../shared/components/Page';
import { useReturnFocus } from '../../../shared/components/Modal';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { LoadingMessage, QueryError } from '../../employees/components/feedback';
import { useLoadMoreFocus } from '../../employees/components/use-load-more-focus';
import { affiliationKeys } from '../api/keys';
import { useAffiliationRequests } from '../api/list-affiliation-requests';
import { RequestsTable } from '../components/RequestsTable';
import { RestartDialog } from '../components/RestartDialog';
import { TrackingFiltersForm } from '../components/TrackingFiltersForm';
import { requestName } from '../components/RequestActions';
import { affiliationCopy as copy } from '../copy';
import { filtersFromSearch, hasFilters, searchFromFilters, type ListFilters } from '../lib/tracking-filters';
import '../../../shared/forms/forms.css';
import '../../employees/employees.css';
import '../affiliation.css';

/** Mes salariés › Suivi des affiliations: every request, its status and dates; relancer, télécharger, recommencer. */
export function AffiliationTrackingPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.affiliationTracking.title} lead={sections.affiliationTracking.summary}>
      {current ? (
        <RequestsList key={current.companyId} companyId={current.companyId} />
      ) : (
        <p className="notice">{copy.noCompany}</p>
      )}
    </Page>
  );
}

function RequestsList({ companyId }: { companyId: string }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const list = useAffiliationRequests(companyId, filters);
  const [announcement, setAnnouncement] = useState('');
  const [restarting, setRestarting] = useState<AffiliationRequestSummary | null>(null);
  const returnFocus = useReturnFocus();
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const requests = list.data?.pages.flatMap((page) => page.items) ?? [];
  const more = Boolean(list.hasNextPage);
  const searching = list.isFetching && !list.isFetchingNextPage && (list.isPlaceholderData || !list.data);
  const focusNewRows = useLoadMoreFocus(tableRef, requests.length, list.isFetchingNextPage, resultsRef);

  const onFiltersChange = (next: ListFilters) => {
    setAnnouncement('');
    setSearch(searchFromFilters(next));
  };

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: affiliationKeys.all(companyId) }),
    [queryClient, companyId],
  );

  const onDone = useCallback(
    (message: string) => {
      setAnnouncement(message);
      void refresh();
    },
    [refresh],
  );

  let status = '';
  if (searching && list.data) status = 'Recherche en cours…';
  else if (list.data) status = copy.results(requests.length, more);

  return (
    <>
      <p className="aff-intro">
        Pour envoyer une nouvelle demande :{' '}
        <Link to={sections.preAffiliation.path}>{sections.preAffiliation.title}</Link>.
      </p>
      <TrackingFiltersForm companyId={companyId} filters={filters} onChange={onFiltersChange} />

      <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
        {status}
      </p>
      {announcement ? (
        <p className="aff-announcement" role="status">
          {announcement}
        </p>
      ) : null}

      {list.isError && !list.data ? (
        <QueryError title={copy.listError} error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending ? <LoadingMessage>{copy.loadingList}</LoadingMessage> : null}

      {list.data ? (
        requests.length > 0 ? (
          <div
            ref={tableRef}
            className={searching ? 'emp-stale' : undefined}
            aria-busy={searching || undefined}
          >
            <RequestsTable
              companyId={companyId}
              requests={requests}
              onDone={onDone}
              onRestart={(request) => {
                returnFocus.remember();
                setRestarting(request);
              }}
            />
          </div>
        ) : more ? null : (
          <div className="emp-empty">
            <p>{hasFilters(filters) ? copy.emptyFiltered : copy.empty}</p>
          </div>
        )
      ) : null}

      {list.isError && list.data ? (
        <QueryError title="La suite de la liste n'a pas pu être chargée." error={list.error} />
      ) : null}
      {more ? (
        <div className="emp-load-more">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={list.isFetchingNextPage || undefined}
            onClick={() => {
              if (list.isFetchingNextPage) return;
              focusNewRows();
              void list.fetchNextPage();
            }}
          >
            {list.isFetchingNextPage ? 'Chargement…' : copy.loadMore}
            <span className="visually-hidden"> {copy.loadMoreSubject}</span>
          </button>
        </div>
      ) : null}

      {restarting ? (
        <RestartDialog
          companyId={companyId}
          request={restarting}
          onClose={(done) => {
            const request = restarting;
            setRestarting(null);
            if (done) onDone(copy.restarted(requestName(request)));
            returnFocus.restore(() =>
              document.querySelector<HTMLElement>(`[data-employee-row="${CSS.escape(request.requestId)}"]`),
            );
          }}
        />
      ) : null}
    </>
  );
}
