import {
  AFFILIATION_STATUS_LABELS,
  AFFILIATION_STATUS_VALUES,
  type AffiliationStatus,
} from '../../../../../functions/contracts/affiliation';
import type { HomeSummary } from '../../../../../functions/contracts/anomalies';
import { sections } from '../../../shared/sections';
import { FILTER_PARAMS } from '../../affiliation/lib/tracking-filters';
import { dispensesPath, ENDING_SOON_DAYS } from '../../dispenses/lib/links';

/** Suivi des affiliations filtered by status: `?statut=sent` (the page's own parameter and codes). */
export const affiliationTrackingPath = (status: AffiliationStatus) =>
  `${sections.affiliationTracking.path}?${new URLSearchParams({ [FILTER_PARAMS.status]: status }).toString()}`;

/** One counter of the focus: what it counts, how many, and the list that shows them. */
export interface FocusCounter {
  id: string;
  label: string;
  count: number;
  /** Read after the number by screen readers ("3 demandes"), singular for 0 and 1 as French does. */
  unit: readonly [singular: string, plural: string];
  to: string;
}

/** The four request statuses, in the guide's order, each leading to its filtered list. */
export function requestCounters(summary: HomeSummary): FocusCounter[] {
  return AFFILIATION_STATUS_VALUES.map((status) => ({
    id: status,
    label: AFFILIATION_STATUS_LABELS[status],
    count: summary.affiliationRequests[status],
    unit: ['demande', 'demandes'],
    to: affiliationTrackingPath(status),
  }));
}

export function anomalyCounters(summary: HomeSummary): FocusCounter[] {
  return [
    {
      id: 'open-anomalies',
      label: 'Anomalies à traiter',
      count: summary.openAnomalies,
      unit: ['anomalie ouverte', 'anomalies ouvertes'],
      to: sections.anomalies.path,
    },
  ];
}

export function dispenseCounters(summary: HomeSummary): FocusCounter[] {
  return [
    {
      id: 'pending-dispenses',
      label: 'À valider',
      count: summary.pendingDispenses,
      unit: ['dispense', 'dispenses'],
      to: dispensesPath('pending'),
    },
    {
      id: 'dispenses-ending-soon',
      label: `Finissant sous ${ENDING_SOON_DAYS} jours`,
      count: summary.dispensesEndingSoon,
      unit: ['dispense', 'dispenses'],
      to: dispensesPath('endingSoon'),
    },
  ];
}

export const totalOf = (counters: readonly FocusCounter[]) =>
  counters.reduce((sum, counter) => sum + counter.count, 0);
