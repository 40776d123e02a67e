import '../../../shared/forms/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { decideDispenseResponse } from '../../../../../functions/contracts/anomalies';
import { api } from '../../../shared/api';
import { anomalyKeys } from '../../anomalies/api/keys';
import { homeKeys } from '../../home/api/keys';
import { dispenseKeys } from './keys';

export interface DecisionBody {
  decision: 'validated' | 'refused';
  /** Required (5 characters at least) for a refusal: the employee is told why. */
  comment?: string | undefined;
  /** The version the user saw: a dispense changed meanwhile is refused (409). */
  version: number;
}

/** POST /companies/{companyId}/dispenses/{dispenseId}/decision — route `decideDispense`. */
export const decideDispense = (ids: { companyId: string; dispenseId: string }, body: DecisionBody) =>
  api.post(
    `/companies/${encodeURIComponent(ids.companyId)}/dispenses/${encodeURIComponent(ids.dispenseId)}/decision`,
    body,
    decideDispenseResponse,
  );

/**
 * Decides, then marks stale what the decision changes: the dispenses lists, the home page's
 * counters, and the anomalies (a validated dispense can now resolve one).
 */
export function useDecideDispense(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dispenseId, body }: { dispenseId: string; body: DecisionBody }) =>
      decideDispense({ companyId, dispenseId }, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dispenseKeys.all(companyId) }),
        queryClient.invalidateQueries({ queryKey: anomalyKeys.all(companyId) }),
        queryClient.invalidateQueries({ queryKey: homeKeys.summary(companyId) }),
      ]),
  });
}
