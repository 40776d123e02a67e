/** Cognito's part of authentication: it holds the passwords and the user lifecycle. */
export interface IdentityProvider {
  /** Creates the user with a permanent password; succeeds again if a previous try left the user behind. */
  createUser(input: { email: string; password: string }): Promise<void>;
  /** True when the password is right; false for any wrong/unknown/disabled case (never says which). */
  verifyPassword(email: string, password: string): Promise<boolean>;
  setPassword(email: string, password: string): Promise<void>;
  deleteUser(email: string): Promise<void>;
}

/** Cognito refused the password itself (its own policy), which our policy should have caught. */
export class PasswordRejectedByIdentityProvider extends Error {
  override name = 'PasswordRejectedByIdentityProvider';
}
