import { httpRoute } from '../runtime/http';
import { affiliationRequestParams, recordPaperBiaRequest } from '../contracts/affiliation';
import { biaPorts } from '../adapters/bia-ports';
import { recordPaperBia } from '../use-cases/affiliation/bia';

export const handler = httpRoute('recordPaperBia', {
  params: affiliationRequestParams,
  body: recordPaperBiaRequest,
  run: ({ params, body }) => recordPaperBia(biaPorts())({ ...params, ...body }),
});
