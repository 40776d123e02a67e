/**
 * A finalized BIA becomes an insured person, whether the employee finalized it online or the
 * back office typed in the paper one: one transaction closes the request, creates the insured
 * on the contract of the employee's statut, and queues the e-mails.
 */
import { DomainError, conflict, unprocessable } from '../../domain/errors';
import { effectivePerson, type BiaPrefilled } from '../../domain/bia';
import { matchingContract } from '../../domain/pre-affiliation';
import type { AffiliationOutcome, BiaDocumentKind, BiaDraft } from '../../contracts/affiliation';
import {
  affiliationRequestUpdate,
  shiftAffiliationCounters,
  type AffiliationRequestItem,
  type AffiliationRequestsRepository,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import { newInsuredItems, type BiaRepository, type NewInsured } from '../../adapters/dynamodb/bia-repository';
import type { EmployeesRepository } from '../../adapters/dynamodb/employees-repository';
import { keys, type ItemKey } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { update, type UsersRepository } from '../../adapters/dynamodb/users-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Secrets } from '../../ports/secrets';
import { emailTemplates } from '../messages/email-templates';
import { cancellationCodes, journeyLinkDelete } from './journey';

export interface BiaPorts {
  requests: Pick<AffiliationRequestsRepository, 'get'>;
  bia: BiaRepository;
  employees: Pick<EmployeesRepository, 'contracts' | 'insuredByNirDigest'>;
  users: Pick<UsersRepository, 'getUser' | 'getCompany'>;
  clock: Clock;
  ids: Ids;
  secrets: Secrets;
  nirDigest: (nir: string) => string;
  uploadsBucket: string;
  /** The portal's origin, without a trailing slash (links in e-mails). */
  publicUrl: string;
}

/**
 * After finalization the employee's link still opens the BIA, read-only, for a few minutes
 * (a second click on "Finaliser", a reload of the confirmation), then it is dead for good.
 */
export const FINALIZED_LINK_GRACE_SECONDS = 15 * 60;

export interface BiaFinalized {
  requestId: string;
  status: 'finalized';
  finalizedAt: string;
  /** An insured person, or a dispense d'adhésion for the employer to decide (bia-dispense.ts). */
  outcome: AffiliationOutcome;
}

/** What the employer typed at pre-affiliation, as the BIA's starting point. */
export const prefilledOf = (request: AffiliationRequestItem): BiaPrefilled => ({
  civilite: request.employee.civilite,
  lastName: request.employee.lastName,
  birthName: request.employee.birthName,
  firstName: request.employee.firstName,
  birthDate: request.employee.birthDate,
  email: request.employee.email,
  address: request.employee.address,
});

/**
 * The answer to finalizing a request that already is: the same answer as the first time for
 * the employee who finalized it (a double click), a refusal otherwise.
 */
export function alreadyFinalized(
  request: AffiliationRequestItem,
  by: 'employee' | 'back-office',
): BiaFinalized {
  if (by === 'employee' && request.finalizedBy === 'employee' && request.finalizedAt) {
    return {
      requestId: request.requestId,
      status: 'finalized',
      finalizedAt: request.finalizedAt,
      outcome: request.outcome ?? 'affiliation',
    };
  }
  throw unprocessable('AFFILIATION_ALREADY_FINALIZED');
}

export interface BiaToProcess {
  /** The request as read (its version guards the transaction). */
  request: AffiliationRequestItem;
  /** The complete BIA (completeness already checked). */
  draft: BiaDraft;
  /** The accepted files, already checked, with their place in the uploads bucket. */
  documents: { kind: BiaDocumentKind; fileName: string; size: number; key: string }[];
  /** The request's record of its documents after this finalization. */
  requestDocuments: AffiliationRequestItem['documents'];
  by: 'employee' | 'back-office';
  /** Online: the link that was used (kept a few minutes, then dead). */
  link?: ItemKey;
  /** Paper: the day the back office received it. */
  receivedOn?: string;
}

const addressLine = (address: { line1?: string; line2?: string }) =>
  [address.line1, address.line2].filter((part) => part && part.trim() !== '').join(', ');

export const processBia =
  (ports: BiaPorts) =>
  async (input: BiaToProcess): Promise<BiaFinalized> => {
    const { request, draft, by } = input;
    const { companyId, requestId } = request;
    const contract = matchingContract(
      await ports.employees.contracts(companyId),
      request.statut,
      request.employee.contractStartDate,
    );
    if (!contract) throw unprocessable('NO_MATCHING_CONTRACT');
    const nirDigest = ports.nirDigest(request.employee.nir);
    const [company, employer, affiliations] = await Promise.all([
      ports.users.getCompany(companyId),
      ports.users.getUser(request.createdBy),
      ports.employees.insuredByNirDigest(companyId, nirDigest),
    ]);
    // A person radiated from this contract and hired again gets a new affiliation; an active one, none.
    const earlier = affiliations.find((insured) => insured.contractNumber === contract.contractNumber);
    if (earlier && !earlier.endDate) return settled(ports, input, 'EMPLOYEE_ALREADY_AFFILIATED');

    const person = effectivePerson(prefilledOf(request), draft);
    const nowIso = ports.clock.nowIso();
    const insuredId = ports.ids.next();
    const insured: NewInsured = {
      companyId,
      insuredId,
      contractNumber: contract.contractNumber,
      product: contract.product,
      statut: request.statut,
      siret: request.siret,
      establishmentName: request.establishmentName,
      nir: request.employee.nir,
      nirDigest,
      // Completeness was checked: every field of the person is there.
      civilite: person.civilite!,
      lastName: person.lastName!,
      birthName: person.birthName,
      firstName: person.firstName!,
      birthDate: person.birthDate!,
      email: person.email,
      address: {
        line: addressLine(person.address),
        postalCode: person.address.postalCode!,
        city: person.address.city!,
      },
      noemie: draft.noemie === true,
      effectiveDate: request.employee.contractStartDate,
      beneficiaries: draft.beneficiaries.map((beneficiary) => ({ ...beneficiary })),
      bia: {
        requestId,
        source: by === 'employee' ? 'online' : 'paper',
        familySituation: draft.situation,
        bank: { ...draft.bank },
        documents: input.documents,
      },
      previousInsuredId: earlier?.insuredId,
    };
    const name = `${insured.firstName} ${insured.lastName}`;
    const finalized = keys.affiliationRequestByStatus(companyId, 'finalized', requestId);
    const requestUpdate = affiliationRequestUpdate(request, {
      set: {
        status: 'finalized',
        outcome: 'affiliation',
        finalizedAt: nowIso,
        finalizedBy: by,
        insuredId,
        draft,
        documents: input.requestDocuments,
        paperReceivedOn: input.receivedOn,
        updatedAt: nowIso,
        nextDueAt: undefined,
        ...finalized,
      },
      // Closed: out of the jobs' due index and out of the mail room's queue.
      remove: ['GSI1PK', 'GSI1SK', 'GSI3PK', 'GSI3SK'],
    });
    const [lookupPut, insuredPut] = newInsuredItems(
      insured,
      nowIso,
      by === 'employee' ? 'bia' : 'back-office',
    );
    const items: TransactItem[] = [
      requestUpdate,
      shiftAffiliationCounters(companyId, request.status, 'finalized'),
      ...closingLinkItems(ports, request, input.link),
      lookupPut!,
      insuredPut!,
      ...(employer?.email
        ? [
            outboxPut({
              messageId: ports.ids.next(),
              purpose: 'affiliation.finalized',
              payload: {
                channel: 'email',
                to: [employer.email],
                ...emailTemplates.affiliationFinalized({
                  firstName: employer.firstName,
                  employeeName: name,
                  establishmentName: request.establishmentName,
                  companyName: company?.name ?? '',
                  product: contract.product,
                  effectiveDate: insured.effectiveDate,
                  paper: by === 'back-office',
                  url: `${ports.publicUrl}/salaries`,
                }),
              },
              nowIso,
            }),
          ]
        : []),
      ...(person.email
        ? [
            outboxPut({
              messageId: ports.ids.next(),
              purpose: 'affiliation.bia-confirmation',
              payload: {
                channel: 'email',
                to: [person.email],
                ...emailTemplates.biaConfirmation({
                  firstName: insured.firstName,
                  companyName: company?.name ?? '',
                  product: contract.product,
                  effectiveDate: insured.effectiveDate,
                }),
              },
              nowIso,
            }),
          ]
        : []),
    ].filter((item): item is TransactItem => item !== null);

    try {
      await transact(items);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      const lookupTaken = codes[items.indexOf(lookupPut!)] === 'ConditionalCheckFailed';
      return settled(ports, input, lookupTaken ? 'EMPLOYEE_ALREADY_AFFILIATED' : 'VERSION_CONFLICT');
    }
    return { requestId, status: 'finalized', finalizedAt: nowIso, outcome: 'affiliation' };
  };

/**
 * The journey's link once the request is finalized: online, the link used stays readable for
 * a few minutes (then dies); on paper, it dies at once.
 */
export function closingLinkItems(
  ports: Pick<BiaPorts, 'clock' | 'secrets'>,
  request: AffiliationRequestItem,
  link: ItemKey | undefined,
): TransactItem[] {
  if (!link) return journeyLinkDelete(ports.secrets, request);
  return [
    update(
      link,
      'SET expiresAt = :until, finalizedAt = :now',
      {
        ':until': Math.floor(ports.clock.nowMs() / 1000) + FINALIZED_LINK_GRACE_SECONDS,
        ':now': ports.clock.nowIso(),
      },
      'attribute_exists(PK)',
    ),
  ];
}

/**
 * When the insured cannot be created: the request as it is now tells why. Finalized by a
 * concurrent call (two clicks racing: the other one won) → its answer; otherwise the person
 * is already affiliated to the contract (a back-office feed got there first), or the request
 * changed under us.
 */
export async function settled(
  ports: BiaPorts,
  input: Pick<BiaToProcess, 'request' | 'by'>,
  otherwise: 'EMPLOYEE_ALREADY_AFFILIATED' | 'VERSION_CONFLICT',
): Promise<BiaFinalized> {
  const now = await ports.requests.get(input.request.companyId, input.request.requestId);
  if (now?.status === 'finalized') return alreadyFinalized(now, input.by);
  if (now?.status === 'abandoned' && input.by === 'employee') {
    throw new DomainError('UNAUTHENTICATED', 'BIA_LINK_INVALID');
  }
  if (otherwise === 'EMPLOYEE_ALREADY_AFFILIATED') throw conflict(otherwise);
  throw new DomainError('VERSION_CONFLICT');
}
