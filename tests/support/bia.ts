/**
 * The employee's side of an affiliation in tests, on top of the shared fixtures of
 * ./affiliation: a BIA ready to finalize, the back office's calls with its key.
 */
import { INSURER_KEY_HEADER } from '../../functions/contracts/affiliation';
import { callApi } from './api';
import { completeDraft, insurerKey, PDF, PNG, uploadBiaFile, type EmployeeCaller } from './affiliation';

/** The insurer's back office: its key in its header. */
export const backOffice = <T = unknown>(method: string, path: string, body?: unknown) =>
  callApi<T>(method, path, {
    body: body ?? (method === 'GET' ? undefined : {}),
    headers: { [INSURER_KEY_HEADER]: insurerKey() },
  });

/** An online BIA with its RIB (PDF) and attestation (PNG) uploaded: what "Finaliser" sends. */
export async function readyToFinalize(employee: EmployeeCaller) {
  const rib = await uploadBiaFile(employee, 'rib', 'rib.pdf', 'application/pdf', PDF);
  const attestation = await uploadBiaFile(employee, 'attestation', 'attestation.png', 'image/png', PNG);
  const page = await employee<{ version: number }>('GET', '/bia');
  return {
    draft: { ...completeDraft(), documents: { rib: [rib], attestation: [attestation] } },
    version: page.body.version,
  };
}
