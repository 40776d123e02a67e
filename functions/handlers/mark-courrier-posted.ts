import { httpRoute } from '../runtime/http';
import { affiliationRequestParams } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { markCourrierPosted } from '../use-cases/affiliation/courrier';

export const handler = httpRoute('markCourrierPosted', {
  params: affiliationRequestParams,
  run: ({ params }) => markCourrierPosted(affiliationPorts())(params),
});
