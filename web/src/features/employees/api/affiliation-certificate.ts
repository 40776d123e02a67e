import '../../../shared/forms/zod';
import { downloadResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';

/** POST …/employees/{employeeId}/affiliation-certificate — route `getAffiliationCertificate` (a PDF link). */
export const getAffiliationCertificate = (ids: { companyId: string; employeeId: string }) =>
  api.post(
    `/companies/${encodeURIComponent(ids.companyId)}/employees/${encodeURIComponent(ids.employeeId)}/affiliation-certificate`,
    undefined,
    downloadResponse,
  );
