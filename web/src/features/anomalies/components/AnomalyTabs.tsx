import { Link } from 'react-router';
import { sections } from '../../../shared/sections';
import { anomaliesCopy } from '../copy';
import { anomaliesSearch, type AnomalyFilters } from '../lib/filters';

/**
 * "Ouvertes" / "Historique (résolues)": two views of the same list, each its own address (a
 * link, so the back button and bookmarks work); the filters are kept from one to the other.
 */
export function AnomalyTabs({ filters }: { filters: AnomalyFilters }) {
  const tabs = [
    { state: 'open', label: anomaliesCopy.openTab },
    { state: 'resolved', label: anomaliesCopy.historyTab },
  ] as const;
  return (
    <nav className="anm-tabs" aria-label={anomaliesCopy.tabsLabel}>
      <ul className="anm-tabs__list">
        {tabs.map((tab) => {
          const current = filters.state === tab.state;
          return (
            <li key={tab.state}>
              <Link
                to={`${sections.anomalies.path}${anomaliesSearch({ ...filters, state: tab.state })}`}
                className={current ? 'anm-tabs__tab anm-tabs__tab--current' : 'anm-tabs__tab'}
                aria-current={current ? 'page' : undefined}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
