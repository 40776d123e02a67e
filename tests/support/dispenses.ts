/**
 * Dispenses d'adhésion in tests: an employee who asks for one in their BIA, the employer's
 * list and decision, the company's counters and the reminder job run as at another date.
 */
import { keys } from '../../functions/adapters/dynamodb/table-keys';
import { control } from './api';
import { storedItem } from './table';
import {
  employeeWith,
  PDF,
  preAffiliate,
  uploadBiaFile,
  type EmployeeCaller,
  type Employer,
  type PreAffiliated,
} from './affiliation';

export interface DispenseSummary {
  dispenseId: string;
  requestId: string | null;
  siret: string;
  establishmentName: string;
  firstName: string;
  lastName: string;
  maskedNir: string;
  reason: string;
  reasonLabel: string;
  endDate: string | null;
  state: 'pending' | 'validated' | 'refused';
  requestedAt: string;
  decidedAt: string | null;
  decisionComment: string | null;
  proofs: { uploadId: string; fileName: string; size: number; url: string }[];
  version: number;
}

/** An ISO day `days` from today (UTC). */
export const inDays = (days: number, from = new Date().toISOString().slice(0, 10)) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A surname of letters only, unlikely to be anyone else's in the tests: "Dispkqzw". */
export const uniqueLastName = () =>
  `Disp${Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

export interface DispenseAsked {
  request: PreAffiliated;
  employee: EmployeeCaller;
  lastName: string;
  finalized: { status: number; body: { requestId?: string; status?: string; outcome?: string } };
}

/**
 * A pré-affiliated employee who finalizes the BIA asking for a dispense, with a PDF proof
 * (unless `proof: false`). The finalization's answer is returned as is (it may be refused).
 */
export async function askDispense(
  employer: Employer,
  options: {
    reason?: string;
    endDate?: string | null;
    proof?: boolean;
    swornStatement?: boolean;
    /** Who asks (default: a Camille Moreau of a unique last name), e.g. someone a DSN declared. */
    person?: Parameters<typeof preAffiliate>[1];
  } = {},
): Promise<DispenseAsked> {
  const lastName = options.person?.lastName ?? uniqueLastName();
  const request = await preAffiliate(employer, { lastName, ...options.person });
  const employee = employeeWith(request.token!);
  const proofs =
    options.proof === false
      ? []
      : [await uploadBiaFile(employee, 'dispense_proof', 'attestation-css.pdf', 'application/pdf', PDF)];
  const page = await employee<{ version: number }>('GET', '/bia');
  const endDate = options.endDate === undefined ? inDays(180) : options.endDate;
  const finalized = await employee<{ requestId?: string; status?: string; outcome?: string }>(
    'POST',
    '/bia/finalization',
    {
      draft: {
        identity: {},
        documents: proofs.length ? { dispense_proof: proofs } : {},
        dispense: {
          reason: options.reason ?? 'css',
          ...(endDate ? { endDate } : {}),
          swornStatement: options.swornStatement ?? true,
        },
      },
      version: page.body.version,
    },
  );
  return { request, employee, lastName, finalized };
}

/** The company's dispenses as the employer lists them (a view: `?state=…` or `?endingSoon=true`). */
export async function dispensesOf(employer: Employer, query = ''): Promise<DispenseSummary[]> {
  const list = await employer.call<{ items: DispenseSummary[] }>('GET', `${employer.base}/dispenses${query}`);
  if (list.status !== 200)
    throw new Error(`listDispenses answered ${list.status}: ${JSON.stringify(list.body)}`);
  return list.body.items;
}

/** The dispense an employee asked for, as listed (all states). */
export async function dispenseOf(employer: Employer, requestId: string): Promise<DispenseSummary> {
  const found = (await dispensesOf(employer)).find((dispense) => dispense.requestId === requestId);
  if (!found) throw new Error(`no dispense listed for request ${requestId}`);
  return found;
}

export const decide = (
  employer: Employer,
  dispense: Pick<DispenseSummary, 'dispenseId' | 'version'>,
  body: { decision: 'validated' | 'refused'; comment?: string; version?: number },
) =>
  employer.call<DispenseSummary & { code?: string; message?: string; fields?: Record<string, string> }>(
    'POST',
    `${employer.base}/dispenses/${dispense.dispenseId}/decision`,
    { version: dispense.version, ...body },
  );

/** The home page counters of a company, as stored (kept in the same transactions as the changes). */
export async function countersOf(companyId: string): Promise<Record<string, number>> {
  const item = await storedItem(keys.companyCounters(companyId));
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(item ?? {}))
    if (typeof value === 'number') counters[name] = value;
  return counters;
}

/** Runs the dispense reminder job as at `now`, on this company's dispenses only. */
export const runDispenseJob = (now: string, companyId: string) =>
  control<{ reminded: number; ended: number; skipped: number }>(
    '/jobs/remindEndingDispenses',
    JSON.stringify({ now, companyId }),
  );
