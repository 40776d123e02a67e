import { httpRoute } from '../runtime/http';
import { companyParams } from '../contracts/users';
import { importPreAffiliationsRequest } from '../contracts/affiliation';
import { affiliationPorts } from '../adapters/affiliation-ports';
import { importPreAffiliations } from '../use-cases/affiliation/import-pre-affiliations';
import { actorOf } from '../use-cases/affiliation/ports';

export const handler = httpRoute('importPreAffiliations', {
  params: companyParams,
  body: importPreAffiliationsRequest,
  run: ({ params, body, principal }) =>
    importPreAffiliations(affiliationPorts())({
      companyId: params.companyId,
      actor: actorOf(principal),
      importId: body.importId,
      csv: body.csv,
      dryRun: body.dryRun,
    }),
});
