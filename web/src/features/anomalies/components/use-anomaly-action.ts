import { useState } from 'react';
import type { AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { isApiError } from '../../../shared/api';
import { formError, type FormError } from '../../../shared/forms/server-errors';
import { errorMessage } from '../../employees/components/feedback';
import { useResolveAnomaly } from '../api/resolve-anomaly';
import { anomaliesCopy } from '../copy';

export type ActionAlert = FormError & { conflict?: boolean };

/** How an action's dialog ends: the anomaly as the server answered it, or a list to reload. */
export interface ActionOutcome {
  resolved?: AnomalySummary;
  conflict?: boolean;
}

/**
 * Runs an action on one anomaly and keeps what the dialog must say about a refusal: a 409
 * (changed or resolved meanwhile) becomes the "rechargez" message, any other refusal the
 * server's own sentence — unless `onOtherError` places it (on a field).
 */
export function useAnomalyAction<Body>(
  companyId: string,
  anomaly: AnomalySummary,
  action: (ids: { companyId: string; anomalyId: string }, body: Body) => Promise<AnomalySummary>,
) {
  const mutation = useResolveAnomaly(companyId, action);
  const [alert, setAlert] = useState<ActionAlert | null>(null);

  const run = async (
    body: Body,
    onOtherError?: (error: unknown) => ActionAlert,
  ): Promise<AnomalySummary | undefined> => {
    setAlert(null);
    try {
      return await mutation.mutateAsync({ anomalyId: anomaly.anomalyId, body });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setAlert({ ...formError(anomaliesCopy.conflict), conflict: true });
      } else {
        setAlert(onOtherError ? onOtherError(error) : formError(errorMessage(error)));
      }
      return undefined;
    }
  };

  return { run, alert, pending: mutation.isPending };
}
