import { BIA_TOKEN_HEADER } from '../../functions/contracts/affiliation';
import { callApi, type ApiResponse } from './api';
import { uniqueIp } from './auth-flow';
import {
  biaTokenIn,
  emailsTo,
  newEmployee,
  randomNir,
  type AffiliationSummary,
  type Employer,
} from './pre-affiliation';

/**
 * Pré-affiliation and BIA fixtures shared by the employer-side and the employee-side tests:
 * the employer's (tests/support/pre-affiliation.ts, re-exported here), a pré-affiliated
 * employee with the personal link taken from her e-mail, calls as the employee holding that
 * link, uploads.
 */
export * from './pre-affiliation';

export interface PreAffiliated {
  requestId: string;
  email: string;
  nir: string;
  /** The personal link's token, from the e-mail the employee received. */
  token?: string;
  summary: AffiliationSummary;
}

/**
 * Camille Moreau (born March 1991, Lyon) pré-affiliated with an e-mail, on the company's
 * first establishment; her token read from her e-mail.
 */
export async function preAffiliate(
  employer: Employer,
  overrides: Partial<Parameters<typeof newEmployee>[0]> = {},
): Promise<PreAffiliated> {
  const body = newEmployee({
    siret: employer.company.mainSiret,
    lastName: 'Moreau',
    firstName: 'Camille',
    sex: 2,
    birthDate: '1991-03-08',
    ...overrides,
  });
  const created = await employer.call<AffiliationSummary>(
    'POST',
    `${employer.base}/affiliation-requests`,
    body,
  );
  if (created.status !== 201) throw new Error(`pré-affiliation refused: ${JSON.stringify(created.body)}`);
  const email = body.employee.email ?? '';
  const token = email
    ? biaTokenIn((await emailsTo(email)).find((mail) => biaTokenIn(mail.text))?.text ?? '')
    : undefined;
  if (email && !token) throw new Error(`no BIA link mailed to ${email}`);
  return { requestId: created.body.requestId, email, nir: body.employee.nir, token, summary: created.body };
}

// ---------------------------------------------------------------------------------------
// The employee holding the link

export type EmployeeCaller = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<ApiResponse<T>>;

/** Calls as the employee's browser: no session, the link's token in its header. */
export const employeeWith =
  (token: string, ip = uniqueIp()): EmployeeCaller =>
  <T>(method: string, path: string, body?: unknown) =>
    callApi<T>(method, path, {
      body: body ?? (method === 'GET' ? undefined : {}),
      headers: { [BIA_TOKEN_HEADER]: token, 'x-forwarded-for': ip },
    });

/** A BIA that can be finalized (documents to be replaced by real upload ids). */
export const completeDraft = () => ({
  identity: {},
  situation: 'marie',
  noemie: true,
  beneficiaries: [
    { kind: 'conjoint', lastName: 'Moreau', firstName: 'Julien', birthDate: '1989-07-21', noemie: true },
    {
      kind: 'enfant',
      lastName: 'Moreau',
      firstName: 'Léo',
      birthDate: '2019-05-02',
      attachedToNir: randomNir(2, 1991, 3),
      noemie: true,
    },
  ],
  bank: { holder: 'Camille Moreau', iban: 'FR76 3000 6000 0112 3456 7890 189' },
  documents: {} as Record<string, string[]>,
  consent: true,
  swornStatement: true,
});

export const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 1),
]);

/** The browser's part of an upload: a presigned POST, then the file straight to the storage. */
export async function uploadBiaFile(
  employee: EmployeeCaller,
  kind: 'rib' | 'attestation' | 'other' | 'dispense_proof',
  fileName: string,
  contentType: string,
  bytes: Buffer,
  declaredSize = bytes.length,
): Promise<string> {
  const grant = await employee<{ uploadId: string; url: string; fields: Record<string, string> }>(
    'POST',
    '/bia/uploads',
    { kind, fileName, contentType, size: declaredSize },
  );
  if (grant.status !== 201) throw new Error(`upload refused: ${JSON.stringify(grant.body)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.body.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
  await fetch(grant.body.url, { method: 'POST', body: form });
  return grant.body.uploadId;
}
