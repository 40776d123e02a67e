import '../../../shared/forms/zod';
import { addEstablishmentResponse } from '../../../../../functions/contracts/users';
import { api } from '../../../shared/api';

/**
 * POST /me/establishments — route `addEstablishment`: the SIRET and identifiant of another
 * company; the user becomes its administrator. Wrong identifiers get the activation's uniform
 * answer (422 ACTIVATION_IDENTIFIERS_UNKNOWN); a company already followed, 409.
 */
export const addEstablishment = (body: { siret: string; companyNumber: string }) =>
  api.post('/me/establishments', body, addEstablishmentResponse);
