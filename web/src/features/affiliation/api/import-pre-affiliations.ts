import '../../../shared/forms/zod';
import { importPreAffiliationsResponse } from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';
import { requestsPath } from './keys';

export interface ImportBody {
  /** Chosen once per file: the dry run and the creation share it, a re-sent creation does nothing twice. */
  importId: string;
  fileName: string;
  csv: string;
  dryRun: boolean;
}

/**
 * POST /companies/{companyId}/affiliation-requests/import — route `importPreAffiliations`.
 * Creating hundreds of requests (and their e-mails) takes longer than a single one.
 */
export const importPreAffiliations = (companyId: string, body: ImportBody) =>
  api.post(`${requestsPath(companyId)}/import`, body, importPreAffiliationsResponse, { timeoutMs: 60_000 });

export type ImportReport = Awaited<ReturnType<typeof importPreAffiliations>>;
