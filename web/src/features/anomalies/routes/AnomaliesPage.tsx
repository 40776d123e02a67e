import { lazy, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { useReturnFocus } from '../../../shared/components/Modal';
import { LazyDialog, PagedResults, usePagedList } from '../../../shared/components/PagedList';
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
  const list = usePagedList(useAnomalyList(companyId, toAnomalyQuery(filters)));
  const [acting, setActing] = useState<{ anomaly: AnomalySummary; action: AnomalyAction } | null>(null);
  const [notice, setNotice] = useState('');
  const returnFocus = useReturnFocus();

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
    if (conflict) void list.query.refetch();
    if (resolved && target) setNotice(anomaliesCopy.resolved[target.action](anomalyHolder(resolved)));
    // A resolved anomaly leaves the open list: the focus goes to the line that says so.
    returnFocus.restore(() => list.rowOrResults(target?.anomaly.anomalyId));
  };

  return (
    <>
      <p className="anm-intro">{anomaliesCopy.intro}</p>
      <AnomalyTabs filters={filters} />
      <AnomalyFiltersForm companyId={companyId} filters={filters} onChange={changeFilters} />

      <PagedResults
        list={list}
        notice={notice}
        announcement={anomaliesAnnouncement(filters.state, list.items.length, list.more)}
        copy={anomaliesCopy}
        subject="d'anomalies"
        empty={emptyMessage(filters)}
      >
        <AnomaliesTable anomalies={list.items} state={filters.state} onAction={open} />
      </PagedResults>

      {acting ? (
        <LazyDialog>
          <LazyAnomalyActionDialog
            key={`${acting.anomaly.anomalyId}/${acting.action}`}
            companyId={companyId}
            anomaly={acting.anomaly}
            action={acting.action}
            onClose={close}
          />
        </LazyDialog>
      ) : null}
    </>
  );
}
