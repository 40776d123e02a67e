/**
 * "Je demande une dispense": the employee finalizes the BIA with a dispense d'adhésion
 * instead of the affiliation. One transaction closes the request (outcome `dispense`),
 * records the dispense for the employer to decide, moves the counters and queues the
 * e-mails; no insured person is created.
 */
import { unprocessable } from '../../domain/errors';
import { effectivePerson } from '../../domain/bia';
import { checkDispenseRequest, DISPENSE_REASON_RULES, type DispenseField } from '../../domain/dispenses';
import type { BiaDispense, BiaDraft } from '../../contracts/affiliation';
import {
  affiliationRequestUpdate,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import { biaUploadChecked } from '../../adapters/dynamodb/bia-repository';
import {
  affiliationStatusDeltas,
  counterMoves,
  dispenseCounterDeltas,
  dispensePutItems,
  type DispenseItem,
} from '../../adapters/dynamodb/dispenses-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { keys, type ItemKey } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { emailTemplates } from '../messages/email-templates';
import { checkedDocuments, DRAFT_FIELDS, requestDocument } from './bia-documents';
import { closingLinkItems, prefilledOf, settled, type BiaFinalized, type BiaPorts } from './bia-processing';
import { cancellationCodes } from './journey';

/** Where the employer decides (the SPA's page, filtered on the requests to decide). */
export const PENDING_DISPENSES_PATH = '/salaries/dispenses?etat=pending';

/** Where each problem of the request lands in the body (the proofs are files of the BIA). */
const FIELD_PATHS: Record<DispenseField, string> = {
  reason: `${DRAFT_FIELDS}dispense.reason`,
  endDate: `${DRAFT_FIELDS}dispense.endDate`,
  swornStatement: `${DRAFT_FIELDS}dispense.swornStatement`,
  proofs: `${DRAFT_FIELDS}documents.dispense_proof`,
};

export interface DispenseToRequest {
  /** The request as read (its version guards the transaction). */
  request: AffiliationRequestItem;
  draft: BiaDraft;
  dispense: BiaDispense;
  /** The link that was used (kept a few minutes, then dead). */
  link: ItemKey;
}

export const requestDispense =
  (ports: BiaPorts) =>
  async ({ request, draft, dispense, link }: DispenseToRequest): Promise<BiaFinalized> => {
    const { companyId, requestId } = request;
    const today = ports.clock.nowIso().slice(0, 10);
    const proofIds = draft.documents.dispense_proof ?? [];
    const check = checkDispenseRequest(
      {
        reason: dispense.reason,
        swornStatement: dispense.swornStatement,
        endDate: dispense.endDate,
        proofs: proofIds,
      },
      today,
    );
    if (!check.ok) {
      throw unprocessable(
        'DISPENSE_REQUEST_INVALID',
        Object.fromEntries(
          Object.entries(check.errors).map(([field, message]) => [
            FIELD_PATHS[field as DispenseField],
            message,
          ]),
        ),
      );
    }
    const proofs = await checkedDocuments(ports, request, { dispense_proof: proofIds }, { reinspect: true });
    const person = effectivePerson(prefilledOf(request), draft);
    const [company, employer] = await Promise.all([
      ports.users.getCompany(companyId),
      ports.users.getUser(request.createdBy),
    ]);
    const nowIso = ports.clock.nowIso();
    const rule = DISPENSE_REASON_RULES[check.dispense.reason];
    const item: DispenseItem = {
      companyId,
      dispenseId: ports.ids.next(),
      requestId,
      siret: request.siret,
      establishmentName: request.establishmentName,
      // The person is whole: the employer's data under the employee's corrections.
      firstName: person.firstName ?? request.employee.firstName,
      lastName: person.lastName ?? request.employee.lastName,
      nir: request.employee.nir,
      nirDigest: ports.nirDigest(request.employee.nir),
      email: person.email,
      reason: check.dispense.reason,
      endDate: check.dispense.endDate,
      proofs: proofs.map((proof) => ({
        uploadId: proof.uploadId,
        fileName: proof.fileName,
        size: proof.size,
        key: proof.upload.key,
      })),
      swornAt: nowIso,
      state: 'pending',
      requestedAt: nowIso,
      version: 1,
    };
    const employeeName = `${item.firstName} ${item.lastName}`;
    const items: TransactItem[] = [
      affiliationRequestUpdate(request, {
        set: {
          status: 'finalized',
          outcome: 'dispense',
          dispenseId: item.dispenseId,
          finalizedAt: nowIso,
          finalizedBy: 'employee',
          draft,
          documents: proofs.map(requestDocument),
          updatedAt: nowIso,
          nextDueAt: undefined,
          ...keys.affiliationRequestByStatus(companyId, 'finalized', requestId),
        },
        // Closed: out of the jobs' due index and out of the mail room's queue.
        remove: ['GSI1PK', 'GSI1SK', 'GSI3PK', 'GSI3SK'],
      }),
      counterMoves(
        companyId,
        affiliationStatusDeltas(request.status, 'finalized'),
        dispenseCounterDeltas({ pending: 1 }),
      ),
      ...closingLinkItems(ports, request, link),
      ...dispensePutItems(item),
      ...proofs
        .filter((proof) => proof.newlyChecked)
        .map((proof) => biaUploadChecked(proof.upload, proof.size)),
      ...(employer?.email
        ? [
            outboxPut({
              messageId: ports.ids.next(),
              purpose: 'dispense.requested',
              payload: {
                channel: 'email',
                to: [employer.email],
                ...emailTemplates.dispenseRequested({
                  firstName: employer.firstName,
                  employeeName,
                  establishmentName: request.establishmentName,
                  companyName: company?.name ?? '',
                  reasonLabel: rule.label,
                  endDate: item.endDate,
                  url: `${ports.publicUrl}${PENDING_DISPENSES_PATH}`,
                }),
              },
              nowIso,
            }),
          ]
        : []),
      ...(item.email
        ? [
            outboxPut({
              messageId: ports.ids.next(),
              purpose: 'dispense.received',
              payload: {
                channel: 'email',
                to: [item.email],
                ...emailTemplates.dispenseReceived({
                  firstName: item.firstName,
                  companyName: company?.name ?? '',
                }),
              },
              nowIso,
            }),
          ]
        : []),
    ].filter((entry): entry is TransactItem => entry !== null);

    try {
      await transact(items);
    } catch (error) {
      if (!cancellationCodes(error)) throw error;
      // Finalized by a concurrent click (its answer), abandoned meanwhile, or changed.
      return settled(ports, { request, by: 'employee' }, 'VERSION_CONFLICT');
    }
    return { requestId, status: 'finalized', finalizedAt: nowIso, outcome: 'dispense' };
  };
