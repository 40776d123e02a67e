import { createHmac } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { PasswordRejectedByIdentityProvider, type IdentityProvider } from '../../ports/identity-provider';

/**
 * SECRET_HASH of a confidential app client: Base64(HMAC-SHA256(clientSecret, username + clientId)).
 * cognito-local does not check it; AWS does, so it is unit-tested on its own.
 */
export const secretHash = (username: string, clientId: string, clientSecret: string): string =>
  createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');

/** Every "you may not" answer of InitiateAuth; AWS says NotAuthorized, cognito-local InvalidPassword. */
const REFUSALS = new Set([
  'NotAuthorizedException',
  'InvalidPasswordException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
]);

export const cognitoIdentityProvider = (): IdentityProvider => {
  const settings = () => config();
  return {
    async createUser({ email, password }) {
      const { USER_POOL_ID } = settings();
      try {
        await cognitoClient().send(
          new AdminCreateUserCommand({
            UserPoolId: USER_POOL_ID,
            Username: email,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: email },
              // We confirm addresses ourselves (link in our own e-mail).
              { Name: 'email_verified', Value: 'true' },
            ],
          }),
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === 'UsernameExistsException')) throw error;
      }
      await this.setPassword(email, password);
    },

    async verifyPassword(email, password) {
      const { USER_POOL_CLIENT_ID, USER_POOL_CLIENT_SECRET } = settings();
      try {
        const result = await cognitoClient().send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: USER_POOL_CLIENT_ID,
            AuthParameters: {
              USERNAME: email,
              PASSWORD: password,
              SECRET_HASH: secretHash(email, USER_POOL_CLIENT_ID, USER_POOL_CLIENT_SECRET),
            },
          }),
        );
        // Tokens are not used: our API owns the session. A challenge means no plain success.
        return Boolean(result.AuthenticationResult);
      } catch (error) {
        if (error instanceof Error && REFUSALS.has(error.name)) return false;
        throw error;
      }
    },

    async setPassword(email, password) {
      try {
        await cognitoClient().send(
          new AdminSetUserPasswordCommand({
            UserPoolId: settings().USER_POOL_ID,
            Username: email,
            Password: password,
            Permanent: true,
          }),
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'InvalidPasswordException') {
          throw new PasswordRejectedByIdentityProvider(error.message);
        }
        throw error;
      }
    },

    async deleteUser(email) {
      try {
        await cognitoClient().send(
          new AdminDeleteUserCommand({ UserPoolId: settings().USER_POOL_ID, Username: email }),
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
      }
    },
  };
};
