/**
 * "Suivi des anomalies d'affiliation" (the list) and the home page's affiliation focus, read
 * from the counters the changes keep up to date in their own transactions.
 */
import { maskNir } from '../../domain/nir';
import { AFFILIATION_STATUS_VALUES } from '../../contracts/affiliation';
import type { AnomalySummary, HomeSummary, listAnomaliesQuery } from '../../contracts/anomalies';
import type { z } from 'zod';
import type { AnomaliesRepository, AnomalyItem } from '../../adapters/dynamodb/anomalies-repository';
import { affiliationCounter } from '../../adapters/dynamodb/affiliation-requests-repository';
import type { EmployeePorts } from '../employees/employees';

/** The anomaly use cases work on the insured too (forced affiliation and radiation). */
export interface AnomalyPorts extends EmployeePorts {
  anomalies: AnomaliesRepository;
}

/** Shown in the NIR column when the DSN declared a numéro technique temporaire only. */
export const NO_NIR = 'Non déclaré';

export function toAnomalySummary(item: AnomalyItem): AnomalySummary {
  return {
    anomalyId: item.anomalyId,
    type: item.type,
    state: item.state,
    siret: item.siret,
    establishmentName: item.establishmentName ?? '',
    firstName: item.firstName,
    lastName: item.lastName,
    maskedNir: item.nir ? maskNir(item.nir) : NO_NIR,
    detail: item.detail,
    affiliationDate: item.affiliationDate,
    dsnMonth: item.dsnMonth,
    detectedAt: item.detectedAt,
    dsn: {
      contractStartDate: item.dsn.contractStartDate,
      statut: item.dsn.statut,
      endDate: item.dsn.endDate,
      radiationReason: item.dsn.radiationReason,
    },
    employeeId: item.employeeId,
    resolution: item.resolution
      ? {
          how: item.resolution.how,
          at: item.resolution.at,
          by: item.resolution.by,
          dispenseId: item.resolution.dispenseId,
        }
      : null,
    version: item.version,
  };
}

export const listAnomalies =
  (ports: Pick<AnomalyPorts, 'anomalies'>) =>
  async (companyId: string, query: z.output<typeof listAnomaliesQuery>) => {
    const page = await ports.anomalies.list(
      companyId,
      { state: query.state, type: query.type, siret: query.siret },
      query.cursor,
      query.limit,
    );
    return { items: page.items.map(toAnomalySummary), cursor: page.cursor };
  };

/** A counter as stored (absent before its first change); never shown below zero. */
const count = (value: unknown): number => {
  const number = typeof value === 'number' ? Math.trunc(value) : 0;
  return Number.isFinite(number) && number > 0 ? number : 0;
};

/** One GetItem: the counters item of the company, kept by every change it counts. */
export const getHomeSummary =
  (ports: Pick<AnomalyPorts, 'anomalies'>) =>
  async (companyId: string): Promise<HomeSummary> => {
    const counters = (await ports.anomalies.counters(companyId)) ?? {};
    const read = counters as Record<string, unknown>;
    return {
      affiliationRequests: Object.fromEntries(
        AFFILIATION_STATUS_VALUES.map((status) => [status, count(read[affiliationCounter(status)])]),
      ) as HomeSummary['affiliationRequests'],
      openAnomalies: count(counters.anomalies_open),
      pendingDispenses: count(counters.dispenses_pending),
      dispensesEndingSoon: count(counters.dispenses_ending_soon),
      lastDsnMonth: counters.lastDsnMonth ?? null,
    };
  };
