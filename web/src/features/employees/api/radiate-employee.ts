import '../../../shared/forms/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  radiateEmployeeResponse,
  type RADIATION_REASON_VALUES,
} from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import { contractKeys } from '../../contracts/api/keys';
import { employeeKeys } from './keys';

export interface RadiationBody {
  endDate: string;
  reason: (typeof RADIATION_REASON_VALUES)[number];
  /** The version the user saw: the API refuses the radiation if the employee changed since. */
  version: number;
}

/** POST /companies/{companyId}/employees/{employeeId}/radiation — route `radiateEmployee`. */
export const radiateEmployee = (ids: { companyId: string; employeeId: string }, body: RadiationBody) =>
  api.post(
    `/companies/${encodeURIComponent(ids.companyId)}/employees/${encodeURIComponent(ids.employeeId)}/radiation`,
    body,
    radiateEmployeeResponse,
  );

/** Radiates, then marks every list that shows the employee (Mes salariés, contract details) as stale. */
export function useRadiateEmployee(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ employeeId, body }: { employeeId: string; body: RadiationBody }) =>
      radiateEmployee({ companyId, employeeId }, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: employeeKeys.all(companyId) }),
        queryClient.invalidateQueries({ queryKey: contractKeys.details(companyId) }),
      ]),
  });
}
