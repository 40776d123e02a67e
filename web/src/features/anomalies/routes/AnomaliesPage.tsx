import { lazy, Suspense, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { LoadingMessage, LoadMoreButton, QueryError } from '../../employees/components/feedback';
import { useLoadMoreFocus } from '../../employees/components/use-load-more-focus';
import { useReturnFocus } from '../../../shared/components/Modal';
import { useAnomalyList, type AnomalySummary } from '../api/list-anomalies';
import { AnomaliesTable } from '../components/AnomaliesTable';
import { AnomalyFiltersForm } from '../components/AnomalyFiltersForm';
import { AnomalyTabs } from '../components/AnomalyTabs';
import type { ActionOutcome } from '../components/use-anomaly-action';
import { anomaliesCopy } from '../copy';
import { anomalyHolder, type AnomalyAction } from '../lib/actions';
import {
  anomaliesAnnouncement,
  emptyMessage,
  parseAnomalyFilters,
  toAnomalyQuery,
  withAnomalyFilters,
  type AnomalyFilters,
} from '../lib/filters';
import '../../../shared/forms/forms.css';
import '../anomalies.css';

// The actions' dialogs (forms, resolver, the dispenses picker) load on the first click, not with the list.
const loadDialog = () => import('../components/AnomalyActionDialog');
const LazyAnomalyActionDialog = lazy(async () => ({ default: (await loadDialog()).AnomalyActionDialog }));

/** Mes salariés › Suivi des anomalies d'affiliation: the DSN compared with the affiliations. */
export function AnomaliesPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.anomalies.title} lead={sections.anomalies.summary}>
      {current ? (
        // A new company starts from a clean slate (pages loaded, open dialog, messages).
        <Anomalies key={current.companyId} companyId={current.companyId} />
      ) : (
        <p className="notice">{anomaliesCopy.noCompany}</p>
      )}
    </Page>
  );
}

function Anomalies({ companyId }: { companyId: string }) {
  const [params, setParams] = useSearchParams();
  const filters = parseAnomalyFilters(params);
  const list = useAnomalyList(companyId, toAnomalyQuery(filters));
  const [acting, setActing] = useState<{ anomaly: AnomalySummary; action: AnomalyAction } | null>(null);
  const [notice, setNotice] = useState('');
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const returnFocus = useReturnFocus();

  const anomalies = list.data?.pages.flatMap((page) => page.items) ?? [];
  const more = Boolean(list.hasNextPage);
  const switching = list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData;
  const focusNewRows = useLoadMoreFocus(tableRef, anomalies.length, list.isFetchingNextPage, resultsRef);

  const changeFilters = (next: AnomalyFilters) => {
    setNotice('');
    // Replaces the entry: the back button leaves the page rather than stepping through filters.
    setParams(withAnomalyFilters(params, next), { replace: true });
  };

  const open = (anomaly: AnomalySummary, action: AnomalyAction) => {
    void loadDialog();
    returnFocus.remember();
    setNotice('');
    setActing({ anomaly, action });
  };

  const close = ({ resolved, conflict }: ActionOutcome) => {
    const target = acting;
    setActing(null);
    if (conflict) void list.refetch();
    if (resolved && target) setNotice(anomaliesCopy.resolved[target.action](anomalyHolder(resolved)));
    // A resolved anomaly leaves the open list: the focus goes to the line that says so.
    returnFocus.restore(
      () =>
        (target
          ? document.querySelector<HTMLElement>(
              `[data-employee-row="${CSS.escape(target.anomaly.anomalyId)}"]`,
            )
          : null) ?? resultsRef.current,
    );
  };

  let status = '';
  if (switching) status = 'Chargement…';
  else if (list.data) status = anomaliesAnnouncement(filters.state, anomalies.length, more);

  return (
    <>
      <p className="anm-intro">{anomaliesCopy.intro}</p>
      <AnomalyTabs filters={filters} />
      <AnomalyFiltersForm companyId={companyId} filters={filters} onChange={changeFilters} />

      <p className="anm-notice" role="status">
        {notice}
      </p>
      <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
        {status}
      </p>

      {list.isError && !list.data ? (
        <QueryError title={anomaliesCopy.listError} error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending ? <LoadingMessage>{anomaliesCopy.loadingList}</LoadingMessage> : null}

      {list.data ? (
        anomalies.length > 0 ? (
          <div
            ref={tableRef}
            className={switching ? 'emp-stale' : undefined}
            aria-busy={switching || undefined}
          >
            <AnomaliesTable anomalies={anomalies} state={filters.state} onAction={open} />
          </div>
        ) : more ? null : (
          <div className="emp-empty">
            <p>{emptyMessage(filters)}</p>
          </div>
        )
      ) : null}

      {list.isError && list.data ? <QueryError title={anomaliesCopy.moreError} error={list.error} /> : null}
      {more ? (
        <LoadMoreButton
          subject="d'anomalies"
          pending={list.isFetchingNextPage}
          onLoad={() => {
            focusNewRows();
            void list.fetchNextPage();
          }}
        />
      ) : null}

      {acting ? (
        <Suspense
          fallback={
            <span className="visually-hidden" role="status">
              Ouverture…
            </span>
          }
        >
          <LazyAnomalyActionDialog
            key={`${acting.anomaly.anomalyId}/${acting.action}`}
            companyId={companyId}
            anomaly={acting.anomaly}
            action={acting.action}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
