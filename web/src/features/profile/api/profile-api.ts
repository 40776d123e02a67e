import '../../../shared/forms/zod';
import { changePasswordResponse } from '../../../../../functions/contracts/auth';
import { api } from '../../../shared/api';

/** "Changer mon mot de passe": the API ends the user's other sessions and renews this one. */
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post('/me/password', body, changePasswordResponse);
