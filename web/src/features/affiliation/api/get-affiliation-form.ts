import '../../../shared/forms/zod';
import { getAffiliationFormResponse } from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import { requestPath, type RequestIds } from './keys';

/**
 * POST …/affiliation-requests/{requestId}/form — route `getAffiliationForm`: a short-lived link
 * to the PDF (letter and blank BIA for a courrier, or the BIA as the employee filled it so far).
 */
export const getAffiliationForm = (ids: RequestIds) =>
  api.post(`${requestPath(ids)}/form`, undefined, getAffiliationFormResponse);
