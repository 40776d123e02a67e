import '../../../shared/forms/zod';
import { profileResponse, updateProfileResponse } from '../../../../../functions/contracts/users';
import { api } from '../../../shared/api';

/** Query key of GET /me/profile, for whoever reads it: invalidated after each change here. */
export const PROFILE_QUERY_KEY = ['profile'] as const;

export interface ProfileChanges {
  civilite?: 'M' | 'MME';
  lastName?: string;
  firstName?: string;
  /** A new number is only saved once the SMS code sent to it comes back. */
  mobile?: string;
}

/** PATCH /me/profile — route `updateProfile`: names at once; a new mobile waits for its code. */
export const updateProfile = (body: ProfileChanges) => api.patch('/me/profile', body, updateProfileResponse);

/** POST /me/profile/phone-verification — route `verifyProfilePhone`: the code sent to the new number. */
export const verifyProfilePhone = (code: string) =>
  api.post('/me/profile/phone-verification', { code }, profileResponse);
