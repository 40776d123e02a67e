import { Duration, SecretValue, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { resourcePrefix, type StageConfig } from './stages';

export interface AuthProps {
  readonly stage: StageConfig;
}

/**
 * Cognito only verifies passwords and holds the user lifecycle; the backend-for-frontend owns
 * sessions, MFA and resets (see ARCHITECTURE.md "Authentication").
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /**
   * Resolved by CloudFormation (`Fn::GetAtt ClientSecret`) at deploy time: never in the template,
   * and no DescribeUserPoolClient custom resource (what `client.userPoolClientSecret` would add).
   */
  readonly clientSecret: SecretValue;

  constructor(scope: Construct, id: string, { stage }: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: resourcePrefix(stage.name),
      // Accounts are created by activation or by an administrator, through our API only.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // Length only, checked again (with the breached-password list) by our API: see COG1 below.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      // Resets go through our own e-mail link (AdminSetUserPassword), never Cognito's code mails.
      accountRecovery: AccountRecovery.NONE,
      mfa: Mfa.OFF,
      // Lite is enough: passwords and user lifecycle only; threat protection would need Plus (see COG3).
      featurePlan: FeaturePlan.LITE,
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });

    this.client = this.userPool.addClient('BffClient', {
      userPoolClientName: `${resourcePrefix(stage.name)}-bff`,
      // Confidential client: only the BFF Lambdas hold the secret, the browser never talks to Cognito.
      generateSecret: true,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Cognito tokens never leave the BFF (our session is an opaque cookie): keep them short.
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(12),
      authSessionValidity: Duration.minutes(3),
    });
    this.clientSecret = SecretValue.resourceAttribute(
      (this.client.node.defaultChild as CfnUserPoolClient).attrClientSecret,
    );

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG1',
        reason:
          'Composition rules are deliberately off (NIST SP 800-63B 3.1.1.2, OWASP ASVS 2.1.9): minimum 12 characters here, and our API also rejects common/breached passwords and caps length at 128.',
      },
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is enforced by our backend-for-frontend (SMS code on new browser, new IP, 90 days or unverified phone) because Cognito cannot express these rules; Cognito MFA stays off.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection (Plus plan) adapts on signals we already evaluate in the BFF (device, IP, age of last login), which also rate-limits attempts; it would also not run locally.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan only adds threat protection, see COG3; Lite covers what Cognito does here (password check and user lifecycle).',
      },
    );
  }
}
