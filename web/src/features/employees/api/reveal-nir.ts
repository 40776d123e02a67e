import '../../../shared/forms/zod';
import { revealNirResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';

/**
 * POST /companies/{companyId}/employees/{employeeId}/nir-reveal — route `revealNir`. Audited on
 * the server; deliberately a plain call, not a query or a mutation: the full number lives only
 * in the component that shows it, never in TanStack's caches.
 */
export const revealNir = (ids: { companyId: string; employeeId: string }) =>
  api.post(
    `/companies/${encodeURIComponent(ids.companyId)}/employees/${encodeURIComponent(ids.employeeId)}/nir-reveal`,
    undefined,
    revealNirResponse,
  );
