import '../../../shared/forms/zod';
import { restartAffiliationRequestResponse } from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import { requestPath, type RequestIds } from './keys';

/** POST …/affiliation-requests/{requestId}/restart — route `restartAffiliationRequest` (new journey, new link). */
export const restartAffiliationRequest = (ids: RequestIds) =>
  api.post(`${requestPath(ids)}/restart`, undefined, restartAffiliationRequestResponse);
