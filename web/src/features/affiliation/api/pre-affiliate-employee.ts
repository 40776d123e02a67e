import '../../../shared/forms/zod';
import {
  preAffiliateEmployeeResponse,
  type PreAffiliateEmployeeRequest,
} from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import { requestsPath } from './keys';

/** The header the API keys its replay on: the same key and body answer the first result again. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * POST /companies/{companyId}/affiliation-requests — route `preAffiliateEmployee`. The key is
 * chosen once per submission attempt: a retry or a double click sends the same one, so the
 * employee receives one e-mail (or one courrier), not two.
 */
export const preAffiliateEmployee = (
  companyId: string,
  body: PreAffiliateEmployeeRequest,
  idempotencyKey: string,
) =>
  api.post(requestsPath(companyId), body, preAffiliateEmployeeResponse, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
