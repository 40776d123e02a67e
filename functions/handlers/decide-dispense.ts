import { httpRoute } from '../runtime/http';
import { decideDispenseRequest, dispenseParams } from '../contracts/anomalies';
import { dispensePorts } from '../adapters/dispense-ports';
import { decideDispense } from '../use-cases/dispenses/dispenses';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('decideDispense', {
  params: dispenseParams,
  body: decideDispenseRequest,
  run: ({ params, body, principal }) =>
    decideDispense(dispensePorts())({ ...params, ...body, actor: actorOf(principal) }),
});
