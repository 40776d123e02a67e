import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { resourcePrefix, type StageConfig } from './stages';

export interface SecretsProps {
  readonly stage: StageConfig;
}

/**
 * Generated secrets of the stage. Functions receive the values through CloudFormation dynamic
 * references (`{{resolve:secretsmanager:…}}`): the template and the cloud assembly never hold
 * them, and the functions need no Secrets Manager call at cold start (config.ts reads plain env).
 * CloudFormation re-resolves a reference only on resources it updates: after changing a value,
 * deploy a change to the readers too.
 */
export class Secrets extends Construct {
  /** Key of the HMACs that store OTPs, session ids and link tokens (SECRET_PEPPER). */
  readonly pepper: Secret;
  /** Value of the `x-origin-verify` header CloudFront adds; the API rejects calls without it. */
  readonly originVerify: Secret;
  /** Key the insurer's back office presents on its routes (`x-ees-insurer-key`). */
  readonly insurerApiKey: Secret;

  constructor(scope: Construct, id: string, { stage }: SecretsProps) {
    super(scope, id);
    const generated = (name: string, description: string) =>
      new Secret(this, name, {
        secretName: `${resourcePrefix(stage.name)}/${name.toLowerCase()}`,
        description,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        removalPolicy: stage.removalPolicy,
      });
    this.pepper = generated('Pepper', 'HMAC key for OTPs, session ids and link tokens (SECRET_PEPPER).');
    this.originVerify = generated('OriginVerify', 'Header value proving a request came through CloudFront.');
    this.insurerApiKey = generated('InsurerApiKey', "Key of the insurer's back office on its API routes.");
    Validations.of(this.insurerApiKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The back office reads the key from this secret when it calls; rotating it is a planned change of both sides (new value, redeploy the functions).',
    });

    Validations.of(this.pepper).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the pepper invalidates every stored session, OTP and link-token hash at once: it is a planned release (new value, then redeploy the functions), not a timed rotation.',
    });
    Validations.of(this.originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The value is read at deploy time by the CloudFront origin and the functions; rotating it is a planned redeploy of both, a rotation Lambda could not update CloudFront in step.',
    });
  }
}
