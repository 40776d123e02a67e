import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { LoadingMessage, LoadMoreButton, QueryError } from '../../employees/components/feedback';
import { useLoadMoreFocus } from '../../employees/components/use-load-more-focus';
import { todayIso } from '../../employees/lib/dates';
import { useReturnFocus } from '../../../shared/components/Modal';
import { useDispenseList, type DispenseSummary } from '../api/list-dispenses';
import type { Decision } from '../components/DecideDispenseDialog';
import { DispensesTable } from '../components/DispensesTable';
import { dispensesCopy } from '../copy';
import {
  DISPENSE_VIEW_OPTIONS,
  dispensesAnnouncement,
  emptyMessage,
  parseDispenseView,
  toDispenseQuery,
  withDispenseView,
} from '../lib/filters';
import { dispenseHolder } from '../lib/holder';
import type { DispenseView } from '../lib/links';
import '../../../shared/forms/forms.css';
import '../dispenses.css';

// The decision form (react-hook-form, its resolver, the dialog) loads on the first "Valider"
// or "Refuser", not with the list.
const loadDialog = () => import('../components/DecideDispenseDialog');
const LazyDecideDispenseDialog = lazy(async () => ({ default: (await loadDialog()).DecideDispenseDialog }));

/** Mes salariés › Dispenses d'adhésion: the employees' requests, to validate or refuse. */
export function DispensesPage() {
  const { current } = useCompanies();
  return (
    <Page title={sections.dispenses.title} lead={sections.dispenses.summary}>
      {current ? (
        // A new company starts from a clean slate (pages loaded, open dialog, messages).
        <Dispenses key={current.companyId} companyId={current.companyId} />
      ) : (
        <p className="notice">{dispensesCopy.noCompany}</p>
      )}
    </Page>
  );
}

function Dispenses({ companyId }: { companyId: string }) {
  const [params, setParams] = useSearchParams();
  const view = parseDispenseView(params);
  const list = useDispenseList(companyId, toDispenseQuery(view));
  const [today] = useState(todayIso);
  const [deciding, setDeciding] = useState<{ dispense: DispenseSummary; decision: Decision } | null>(null);
  const [notice, setNotice] = useState('');
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const returnFocus = useReturnFocus();
  const selectId = useId();

  const dispenses = list.data?.pages.flatMap((page) => page.items) ?? [];
  const more = Boolean(list.hasNextPage);
  const switching = list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData;
  const focusNewRows = useLoadMoreFocus(tableRef, dispenses.length, list.isFetchingNextPage, resultsRef);

  const changeView = (next: DispenseView) => {
    setNotice('');
    // Replaces the entry: the back button leaves the page rather than stepping through filters.
    setParams(withDispenseView(params, next), { replace: true });
  };

  const open = (dispense: DispenseSummary, decision: Decision) => {
    void loadDialog();
    returnFocus.remember();
    setNotice('');
    setDeciding({ dispense, decision });
  };

  const close = ({ decided, conflict }: { decided?: DispenseSummary; conflict?: boolean }) => {
    const target = deciding;
    setDeciding(null);
    if (conflict) void list.refetch();
    if (decided && target) {
      const name = dispenseHolder(decided);
      setNotice(decided.state === 'validated' ? dispensesCopy.validated(name) : dispensesCopy.refused(name));
    }
    // The buttons of a decided dispense are gone: its row heading takes the focus instead.
    returnFocus.restore(
      () =>
        (target
          ? document.querySelector<HTMLElement>(
              `[data-employee-row="${CSS.escape(target.dispense.dispenseId)}"]`,
            )
          : null) ?? resultsRef.current,
    );
  };

  let status = '';
  if (switching) status = 'Chargement…';
  else if (list.data) status = dispensesAnnouncement(dispenses.length, more);

  return (
    <>
      <p className="dsp-intro">{dispensesCopy.intro}</p>

      <form
        className="emp-filters dsp-filters"
        aria-label="Filtrer les dispenses"
        noValidate
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={selectId} className="field__label">
            {dispensesCopy.viewLabel}
          </label>
          <select
            id={selectId}
            className="field__input emp-select"
            value={view}
            onChange={(event) => changeView(event.target.value as DispenseView)}
          >
            {DISPENSE_VIEW_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p className="dsp-notice" role="status">
        {notice}
      </p>

      <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
        {status}
      </p>

      {list.isError && !list.data ? (
        <QueryError title={dispensesCopy.listError} error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending ? <LoadingMessage>{dispensesCopy.loadingList}</LoadingMessage> : null}

      {list.data ? (
        dispenses.length > 0 ? (
          <div
            ref={tableRef}
            className={switching ? 'emp-stale' : undefined}
            aria-busy={switching || undefined}
          >
            <DispensesTable dispenses={dispenses} today={today} onDecide={open} />
          </div>
        ) : more ? null : (
          <div className="emp-empty">
            <p>{emptyMessage(view)}</p>
          </div>
        )
      ) : null}

      {list.isError && list.data ? <QueryError title={dispensesCopy.moreError} error={list.error} /> : null}
      {more ? (
        <LoadMoreButton
          subject="de dispenses"
          pending={list.isFetchingNextPage}
          onLoad={() => {
            focusNewRows();
            void list.fetchNextPage();
          }}
        />
      ) : null}

      {deciding ? (
        <Suspense
          fallback={
            <span className="visually-hidden" role="status">
              Ouverture…
            </span>
          }
        >
          <LazyDecideDispenseDialog
            key={`${deciding.dispense.dispenseId}/${deciding.decision}`}
            companyId={companyId}
            dispense={deciding.dispense}
            decision={deciding.decision}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
