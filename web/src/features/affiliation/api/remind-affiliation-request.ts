import '../../../shared/forms/zod';
import { remindAffiliationRequestResponse } from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import { requestPath, type RequestIds } from './keys';

/** POST …/affiliation-requests/{requestId}/reminder — route `remindAffiliationRequest` ("Relancer"). */
export const remindAffiliationRequest = (ids: RequestIds) =>
  api.post(`${requestPath(ids)}/reminder`, undefined, remindAffiliationRequestResponse);
