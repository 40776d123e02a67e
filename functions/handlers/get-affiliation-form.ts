import { httpRoute } from '../runtime/http';
import { affiliationRequestParams } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { getAffiliationForm } from '../use-cases/affiliation/courrier';

export const handler = httpRoute('getAffiliationForm', {
  params: affiliationRequestParams,
  run: ({ params }) => getAffiliationForm(affiliationPorts())(params),
});
