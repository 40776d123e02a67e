import '../../../shared/forms/zod';
import {
  activateSpaceResponse,
  checkActivationResponse,
  confirmEmailResponse,
  loginResponse,
  requestPasswordResetResponse,
  resetPasswordResponse,
  sendLoginCodeResponse,
  verifyLoginCodeResponse,
  type ActivateSpaceRequest,
  type LoginRequest,
} from '../../../../../functions/contracts/auth';
import { api } from '../../../shared/api';

/** One function per API route of the authentication feature, each checked against its contract. */

export const checkActivationIdentifiers = (body: { siret: string; companyNumber: string }) =>
  api.post('/auth/activation/check', body, checkActivationResponse);

export const activateSpace = (body: ActivateSpaceRequest) =>
  api.post('/auth/activation', body, activateSpaceResponse);

export const confirmEmail = (token: string) =>
  api.post('/auth/email-confirmation', { token }, confirmEmailResponse);

export const login = (body: LoginRequest) => api.post('/auth/login', body, loginResponse);

/** `mobile` only when the user has no verified number yet (the screen then asks for one). */
export const sendLoginCode = (mobile?: string) =>
  api.post('/auth/login/code', mobile === undefined ? {} : { mobile }, sendLoginCodeResponse);

export const verifyLoginCode = (code: string) =>
  api.post('/auth/login/verify', { code }, verifyLoginCodeResponse);

export const requestPasswordReset = (email: string) =>
  api.post('/auth/password-reset', { email }, requestPasswordResetResponse);

export const resetPassword = (body: { token: string; password: string }) =>
  api.post('/auth/password-reset/confirm', body, resetPasswordResponse);
