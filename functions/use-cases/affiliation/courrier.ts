/**
 * The paper side of a request: the PDF pack (letter + BIA) the employer downloads, and the
 * mail room's queue of courriers to print and post (back office, insurer key).
 */
import { DomainError, unprocessable } from '../../domain/errors';
import type { Company } from '../../domain/users';
import type { AffiliationRequestItem } from '../../adapters/dynamodb/affiliation-requests-repository';
import { affiliationRequestUpdate } from '../../adapters/dynamodb/affiliation-requests-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { inParallel, transact } from '../../adapters/dynamodb/transact';
import { downloadUrl, objectExists, putFile } from '../../adapters/s3/files';
import { renderPracticalDocument } from '../../adapters/pdf/documents';
import { affiliationFormDocument } from './affiliation-form';
import { cancellationCodes, requestOf } from './journey';
import type { AffiliationPorts } from './ports';

const asciiFileName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .toLowerCase();

/**
 * The request's PDF in the generated-files bucket, keyed by its version: rendered once per
 * version (a draft saved, a reminder, a restart give a new file), then served as is.
 */
export async function ensureAffiliationForm(
  ports: Pick<AffiliationPorts, 'generatedBucket'>,
  request: AffiliationRequestItem,
  companyName: string,
): Promise<{ key: string; fileName: string }> {
  const key = `affiliation-forms/${request.companyId}/${request.requestId}/v${request.version}.pdf`;
  const fileName = asciiFileName(
    `bulletin-affiliation-${request.employee.lastName}-${request.employee.firstName}.pdf`,
  );
  if (!(await objectExists(ports.generatedBucket, key))) {
    const pdf = await renderPracticalDocument(affiliationFormDocument({ request, companyName }));
    await putFile(ports.generatedBucket, key, pdf, 'application/pdf');
  }
  return { key, fileName };
}

/** "Télécharger le formulaire": the pack as it stands, through a 5-minute link. */
export const getAffiliationForm =
  (ports: AffiliationPorts) => async (input: { companyId: string; requestId: string }) => {
    const [request, company] = await Promise.all([
      requestOf(ports, input.companyId, input.requestId),
      ports.users.getCompany(input.companyId),
    ]);
    const file = await ensureAffiliationForm(ports, request, company?.name ?? '');
    return downloadUrl(ports.generatedBucket, file.key, file.fileName, ports.clock.nowMs());
  };

/**
 * The mail room's list, oldest first, each with its letter. The index is eventually
 * consistent: the requests are read again and those posted meanwhile left out.
 */
export const listCourriers =
  (ports: AffiliationPorts) => async (input: { cursor?: string; limit: number }) => {
    const page = await ports.requests.courrierQueue(input.cursor, input.limit);
    const current = await ports.requests.many(page.items);
    const queued = page.items
      .map((listed) =>
        current.find((item) => item.companyId === listed.companyId && item.requestId === listed.requestId),
      )
      .filter((item): item is AffiliationRequestItem =>
        Boolean(item?.courrierQueuedAt && !item.courrierPostedAt),
      );
    const companies = await ports.users.getMany<Company>(
      [...new Set(queued.map((item) => item.companyId))].map((companyId) => keys.company(companyId)),
    );
    const nameOf = new Map(companies.map((company) => [company.companyId, company.name]));
    const letters = new Map<string, Awaited<ReturnType<typeof downloadUrl>>>();
    await inParallel(queued, 4, async (item) => {
      const file = await ensureAffiliationForm(ports, item, nameOf.get(item.companyId) ?? '');
      letters.set(
        item.requestId,
        await downloadUrl(ports.generatedBucket, file.key, file.fileName, ports.clock.nowMs()),
      );
    });
    return {
      items: queued.map((item) => ({
        companyId: item.companyId,
        requestId: item.requestId,
        companyName: nameOf.get(item.companyId) ?? '',
        lastName: item.employee.lastName,
        firstName: item.employee.firstName,
        address: item.employee.address,
        queuedAt: item.courrierQueuedAt!,
        journey: item.journey,
        letter: letters.get(item.requestId)!,
      })),
      cursor: page.cursor,
    };
  };

/** The mail room posted the letter: it leaves the queue. Saying it twice changes nothing. */
export const markCourrierPosted =
  (ports: AffiliationPorts) => async (input: { companyId: string; requestId: string }) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const request = await requestOf(ports, input.companyId, input.requestId);
      if (request.courrierPostedAt)
        return { requestId: request.requestId, postedAt: request.courrierPostedAt };
      if (!request.courrierQueuedAt) throw unprocessable('COURRIER_NOT_QUEUED');
      const postedAt = ports.clock.nowIso();
      try {
        await transact([
          affiliationRequestUpdate(request, {
            set: { courrierPostedAt: postedAt, updatedAt: postedAt },
            remove: ['GSI3PK', 'GSI3SK'],
          }),
        ]);
        return { requestId: request.requestId, postedAt };
      } catch (error) {
        // Changed meanwhile (a draft, a reminder, the same click twice): read it again.
        if (cancellationCodes(error) === null) throw error;
      }
    }
    throw new DomainError('VERSION_CONFLICT');
  };
