import { z } from 'zod';
import { httpRoute, respond } from '../runtime/http';
import { HttpError } from '../runtime/error-responses';
import { companyParams } from '../contracts/users';
import { preAffiliateEmployeeRequest } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { preAffiliateEmployee } from '../use-cases/affiliation/pre-affiliate';
import { actorOf } from '../use-cases/affiliation/ports';

const idempotencyKey = z.uuid().optional();

export const handler = httpRoute('preAffiliateEmployee', {
  params: companyParams,
  body: preAffiliateEmployeeRequest,
  run: async ({ params, body, headers, principal }) => {
    const key = idempotencyKey.safeParse(headers['idempotency-key']);
    if (!key.success) {
      throw new HttpError(400, 'VALIDATION_FAILED', {
        'Idempotency-Key': 'L’en-tête Idempotency-Key doit être un UUID.',
      });
    }
    const summary = await preAffiliateEmployee(affiliationPorts())({
      companyId: params.companyId,
      actor: actorOf(principal),
      idempotencyKey: key.data,
      request: body,
    });
    return respond({ status: 201, body: summary });
  },
});
