import { describe, expect, it } from 'vitest';
import { getHomeSummaryResponse, type HomeSummary } from '../../../../functions/contracts/anomalies';
import { FOCUS_ROWS } from '../../../../web/src/features/home/copy';
import {
  affiliationTrackingPath,
  anomalyCounters,
  dispenseCounters,
  requestCounters,
  totalOf,
} from '../../../../web/src/features/home/lib/focus';

const summary: HomeSummary = getHomeSummaryResponse.parse({
  affiliationRequests: { sent: 3, started: 1, finalized: 0, abandoned: 2 },
  openAnomalies: 2,
  pendingDispenses: 1,
  dispensesEndingSoon: 0,
  lastDsnMonth: '2026-01',
});

describe('the focus on affiliations', () => {
  it('counts requests per status, in the guide order, each linking to its filtered list', () => {
    expect(requestCounters(summary).map(({ label, count, to }) => ({ label, count, to }))).toEqual([
      { label: 'Envoyé à l’employé', count: 3, to: '/salaries/suivi-affiliations?statut=sent' },
      { label: 'Démarré par le salarié', count: 1, to: '/salaries/suivi-affiliations?statut=started' },
      { label: 'Finalisé par le salarié', count: 0, to: '/salaries/suivi-affiliations?statut=finalized' },
      { label: 'Abandonné', count: 2, to: '/salaries/suivi-affiliations?statut=abandoned' },
    ]);
    expect(totalOf(requestCounters(summary))).toBe(6);
  });

  it('links open anomalies and dispenses to their lists', () => {
    expect(anomalyCounters(summary).map(({ count, to }) => ({ count, to }))).toEqual([
      { count: 2, to: '/salaries/anomalies' },
    ]);
    expect(dispenseCounters(summary).map(({ count, to }) => ({ count, to }))).toEqual([
      { count: 1, to: '/salaries/dispenses?etat=pending' },
      { count: 0, to: '/salaries/dispenses?echeance=30' },
    ]);
  });

  it('keeps the loading skeleton exactly as tall as the answer (same rows per card)', () => {
    expect(requestCounters(summary)).toHaveLength(FOCUS_ROWS.requests);
    expect(anomalyCounters(summary)).toHaveLength(FOCUS_ROWS.anomalies);
    expect(dispenseCounters(summary)).toHaveLength(FOCUS_ROWS.dispenses);
  });

  it('encodes the status in the address', () => {
    expect(affiliationTrackingPath('finalized')).toBe('/salaries/suivi-affiliations?statut=finalized');
  });
});
