import { QueryError } from '../../employees/components/feedback';
import { formatDsnMonth } from '../../anomalies/lib/month';
import { sections } from '../../../shared/sections';
import { dispensesPath } from '../../dispenses/lib/links';
import { useHomeSummary } from '../api/get-home-summary';
import { homeCopy } from '../copy';
import { anomalyCounters, dispenseCounters, requestCounters, totalOf } from '../lib/focus';
import { CardLink, CounterList, FocusCard, FocusSkeleton } from './FocusFrame';

/**
 * "Focus sur vos affiliations" for the selected company: requests per status, open anomalies,
 * dispenses to decide or ending soon — counters kept by the API in the same transactions as
 * the changes — each leading to the list it counts.
 */
export function AffiliationFocus({ companyId }: { companyId: string }) {
  const summary = useHomeSummary(companyId);

  if (summary.isPending) return <FocusSkeleton />;
  if (summary.isError) {
    return (
      <div className="focus__error">
        <QueryError title={homeCopy.error} error={summary.error} onRetry={() => void summary.refetch()} />
      </div>
    );
  }

  const data = summary.data;
  const requests = requestCounters(data);
  const anomalies = anomalyCounters(data);
  const dispenses = dispenseCounters(data);
  return (
    <div className="focus__grid">
      <FocusCard
        title={homeCopy.requestsTitle}
        note={totalOf(requests) > 0 ? homeCopy.requestsHint : homeCopy.noRequests}
        action={
          totalOf(requests) > 0 ? (
            <CardLink to={sections.affiliationTracking.path}>{sections.affiliationTracking.title}</CardLink>
          ) : (
            <CardLink to={sections.preAffiliation.path}>{sections.preAffiliation.title}</CardLink>
          )
        }
      >
        <CounterList counters={requests} />
      </FocusCard>
      <FocusCard
        title={homeCopy.anomaliesTitle}
        note={
          <>
            {totalOf(anomalies) > 0 ? homeCopy.anomaliesHint : homeCopy.noAnomalies}{' '}
            {data.lastDsnMonth ? homeCopy.lastDsn(formatDsnMonth(data.lastDsnMonth)) : homeCopy.noDsn}
          </>
        }
        action={<CardLink to={sections.anomalies.path}>{sections.anomalies.title}</CardLink>}
      >
        <CounterList counters={anomalies} />
      </FocusCard>
      <FocusCard
        title={homeCopy.dispensesTitle}
        note={totalOf(dispenses) > 0 ? homeCopy.dispensesHint : homeCopy.noDispenses}
        action={<CardLink to={dispensesPath()}>Toutes les dispenses</CardLink>}
      >
        <CounterList counters={dispenses} />
      </FocusCard>
    </div>
  );
}
