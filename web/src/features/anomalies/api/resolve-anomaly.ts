import '../../../shared/forms/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { anomalyActionResponse, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import type { RADIATION_REASON_VALUES } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import { contractKeys } from '../../contracts/api/keys';
import { dispenseKeys } from '../../dispenses/api/keys';
import { employeeKeys } from '../../employees/api/keys';
import { homeKeys } from '../../home/api/keys';
import { anomalyKeys } from './keys';

const anomalyPath = (ids: { companyId: string; anomalyId: string }, action: string) =>
  `/companies/${encodeURIComponent(ids.companyId)}/anomalies/${encodeURIComponent(ids.anomalyId)}/${action}`;

type AnomalyIds = { companyId: string; anomalyId: string };
type RadiationReason = (typeof RADIATION_REASON_VALUES)[number];

/** The version the user saw: an anomaly changed (or resolved) meanwhile is refused with a 409. */
interface Versioned {
  version: number;
}

/** POST …/anomalies/{anomalyId}/force-affiliation — route `forceAffiliation`. */
export const forceAffiliation = (ids: AnomalyIds, body: Versioned) =>
  api.post(anomalyPath(ids, 'force-affiliation'), body, anomalyActionResponse);

/** POST …/anomalies/{anomalyId}/force-radiation — route `forceRadiation` (DSN date and reason unless corrected). */
export const forceRadiation = (
  ids: AnomalyIds,
  body: Versioned & { endDate?: string; reason?: RadiationReason },
) => api.post(anomalyPath(ids, 'force-radiation'), body, anomalyActionResponse);

/** POST …/anomalies/{anomalyId}/dispensed — route `resolveAnomalyAsDispensed`. */
export const resolveAnomalyAsDispensed = (ids: AnomalyIds, body: Versioned & { dispenseId: string }) =>
  api.post(anomalyPath(ids, 'dispensed'), body, anomalyActionResponse);

/**
 * Runs one of the three actions, then marks stale everything it may change: the anomalies,
 * the home page's counters, the insured lists (an affiliation created or radiated) and the
 * dispenses (one now linked). The promise settles once the lists are fresh again.
 */
export function useResolveAnomaly<Body>(
  companyId: string,
  action: (ids: AnomalyIds, body: Body) => Promise<AnomalySummary>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ anomalyId, body }: { anomalyId: string; body: Body }) =>
      action({ companyId, anomalyId }, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: anomalyKeys.all(companyId) }),
        queryClient.invalidateQueries({ queryKey: homeKeys.summary(companyId) }),
        queryClient.invalidateQueries({ queryKey: employeeKeys.all(companyId) }),
        queryClient.invalidateQueries({ queryKey: contractKeys.details(companyId) }),
        queryClient.invalidateQueries({ queryKey: dispenseKeys.all(companyId) }),
      ]),
  });
}
