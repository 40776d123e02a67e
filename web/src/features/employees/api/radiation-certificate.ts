import '../../../shared/forms/zod';
import { downloadResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';

/** POST …/employees/{employeeId}/radiation-certificate — route `getRadiationCertificate` (a PDF link). */
export const getRadiationCertificate = (ids: { companyId: string; employeeId: string }) =>
  api.post(
    `/companies/${encodeURIComponent(ids.companyId)}/employees/${encodeURIComponent(ids.employeeId)}/radiation-certificate`,
    undefined,
    downloadResponse,
  );
