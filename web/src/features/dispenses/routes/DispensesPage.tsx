import { lazy, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { todayIso } from '../../employees/lib/dates';
import { useReturnFocus } from '../../../shared/components/Modal';
import { LazyDialog, PagedResults, usePagedList } from '../../../shared/components/PagedList';
import { FilterSelect } from '../../../shared/forms/FilterSelect';
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
  const list = usePagedList(useDispenseList(companyId, toDispenseQuery(view)));
  const [today] = useState(todayIso);
  const [deciding, setDeciding] = useState<{ dispense: DispenseSummary; decision: Decision } | null>(null);
  const [notice, setNotice] = useState('');
  const returnFocus = useReturnFocus();

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
    if (conflict) void list.query.refetch();
    if (decided && target) {
      const name = dispenseHolder(decided);
      setNotice(decided.state === 'validated' ? dispensesCopy.validated(name) : dispensesCopy.refused(name));
    }
    // The buttons of a decided dispense are gone: its row heading takes the focus instead.
    returnFocus.restore(() => list.rowOrResults(target?.dispense.dispenseId));
  };

  return (
    <>
      <p className="dsp-intro">{dispensesCopy.intro}</p>

      <form
        className="emp-filters dsp-filters"
        aria-label="Filtrer les dispenses"
        noValidate
        onSubmit={(event) => event.preventDefault()}
      >
        <FilterSelect
          label={dispensesCopy.viewLabel}
          value={view}
          options={DISPENSE_VIEW_OPTIONS}
          onChange={(next) => changeView(next as DispenseView)}
        />
      </form>

      <PagedResults
        list={list}
        notice={notice}
        announcement={dispensesAnnouncement(list.items.length, list.more)}
        copy={dispensesCopy}
        subject="de dispenses"
        empty={emptyMessage(view)}
      >
        <DispensesTable dispenses={list.items} today={today} onDecide={open} />
      </PagedResults>

      {deciding ? (
        <LazyDialog>
          <LazyDecideDispenseDialog
            key={`${deciding.dispense.dispenseId}/${deciding.decision}`}
            companyId={companyId}
            dispense={deciding.dispense}
            decision={deciding.decision}
            onClose={close}
          />
        </LazyDialog>
      ) : null}
    </>
  );
}
