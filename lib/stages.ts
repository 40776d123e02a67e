import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGE_NAMES = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export const isStageName = (value: unknown): value is StageName =>
  typeof value === 'string' && (STAGE_NAMES as readonly string[]).includes(value);

export interface StageDomain {
  /** The site's host name, e.g. `entreprise.example.fr` (DNS managed outside this stack). */
  readonly name: string;
  /** ACM certificate for `name`. CloudFront only accepts certificates issued in us-east-1. */
  readonly certificateArn: string;
}

export interface StageConfig {
  readonly name: StageName;
  /** `account` stays undefined offline (env-agnostic synth); the CLI fills it at deploy time. */
  readonly env: { readonly account: string | undefined; readonly region: string };
  /** Without a domain the site is served on its `*.cloudfront.net` name. */
  readonly domain?: StageDomain;
  readonly logRetention: RetentionDays;
  /** Receives every alarm of the stage (SNS e-mail subscription, to confirm once). */
  readonly alarmEmail: string;
  /** Applied to stateful resources (table, buckets, user pool, secrets, log groups). */
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  readonly pointInTimeRecovery: boolean;
  /** Versions kept after an overwrite or delete in versioned buckets. */
  readonly noncurrentVersionRetention: Duration;
  readonly lambdaMemoryMb: number;
  readonly apiThrottling: { readonly rateLimit: number; readonly burstLimit: number };
  /** Sender of every e-mail; its domain (or the address) must be a verified SES identity. */
  readonly mailFrom: string;
  readonly insurerTeamEmail: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * Health data stays in France (Paris). Not read from CDK_DEFAULT_REGION: the CLI always sets that
 * variable, to us-east-1 when the profile names no region, which would silently move a stage.
 * An explicit PORTAL_REGION overrides it (e.g. a disaster-recovery rehearsal).
 */
const region = process.env.PORTAL_REGION ?? 'eu-west-3';
/** Filled by the CLI from the credentials at deploy time; undefined offline (env-agnostic synth). */
const account = process.env.CDK_DEFAULT_ACCOUNT;

const stages: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    env: { account, region },
    logRetention: RetentionDays.TWO_WEEKS,
    alarmEmail: 'alertes-dev@espace-entreprise-sante.example',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    // dev holds demo data only; staging and prod must be restorable.
    pointInTimeRecovery: false,
    noncurrentVersionRetention: Duration.days(7),
    lambdaMemoryMb: 512,
    apiThrottling: { rateLimit: 20, burstLimit: 40 },
    mailFrom: 'ne-pas-repondre@dev.espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-dev@espace-entreprise-sante.example',
    logLevel: 'DEBUG',
  },
  staging: {
    name: 'staging',
    env: { account, region },
    logRetention: RetentionDays.ONE_MONTH,
    alarmEmail: 'alertes-staging@espace-entreprise-sante.example',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    pointInTimeRecovery: true,
    noncurrentVersionRetention: Duration.days(30),
    lambdaMemoryMb: 1024,
    apiThrottling: { rateLimit: 50, burstLimit: 100 },
    mailFrom: 'ne-pas-repondre@staging.espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-staging@espace-entreprise-sante.example',
    logLevel: 'INFO',
  },
  prod: {
    name: 'prod',
    env: { account, region },
    // Set `domain` once the certificate exists in us-east-1, e.g.
    // domain: { name: 'entreprise.example.fr', certificateArn: 'arn:aws:acm:us-east-1:…' },
    logRetention: RetentionDays.ONE_YEAR,
    alarmEmail: 'alertes@espace-entreprise-sante.example',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    pointInTimeRecovery: true,
    noncurrentVersionRetention: Duration.days(90),
    lambdaMemoryMb: 1024,
    apiThrottling: { rateLimit: 200, burstLimit: 400 },
    mailFrom: 'ne-pas-repondre@espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-entreprises@espace-entreprise-sante.example',
    logLevel: 'INFO',
  },
};

export function stageConfig(name: unknown): StageConfig {
  if (!isStageName(name)) {
    throw new Error(`Unknown stage ${JSON.stringify(name)}: use -c stage=${STAGE_NAMES.join('|')}`);
  }
  return stages[name];
}

export const stackNameFor = (stage: StageName): string => `EspaceEntrepriseSante-${stage}`;

/** Prefix of physical names, aligned with the table's `ees-<stage>`. */
export const resourcePrefix = (stage: StageName): string => `ees-${stage}`;
