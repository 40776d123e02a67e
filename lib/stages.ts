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
  /**
   * Domain of the SES identity (Easy DKIM, custom MAIL FROM `bounce.<domain>`): `mailFrom` must be an
   * address of it. Its DKIM CNAME records are stack outputs, to publish in the domain's DNS.
   */
  readonly mailDomain: string;
  /** Account-level SNS SMS settings of the stage's region (set by the stack, see lib/messaging.ts). */
  readonly sms: {
    /** USD per calendar month; SNS stops sending SMS beyond it. Cannot exceed the account's SMS quota. */
    readonly monthlySpendLimitUsd: number;
    /** Alphanumeric sender shown on French phones (must be registered for France). */
    readonly senderId: string;
  };
  /** Thresholds of the alarms that page `alarmEmail`. */
  readonly alarmThresholds: {
    /** 5xx answers over requests, in %, over 5 minutes. */
    readonly api5xxRatePercent: number;
    /** SES account reputation: AWS reviews an account at 5 % bounces and 0.1 % complaints. */
    readonly sesBounceRatePercent: number;
    readonly sesComplaintRatePercent: number;
    /** Month-to-date SMS spend, in % of `sms.monthlySpendLimitUsd`. */
    readonly smsSpendPercentOfLimit: number;
  };
  /** Rate-based WAF rules, per client IP over 5 minutes (the WAF evaluation window). */
  readonly waf: {
    /** Each of login, activation, password reset and invitation (the paths that reach Cognito or send mail). */
    readonly authRequestsPer5Minutes: number;
    /** Any /api/* request. */
    readonly apiRequestsPer5Minutes: number;
  };
  /**
   * Reserved concurrency of the functions that call rate-limited downstreams (lib/concurrency.ts):
   * a cap that keeps a burst from exhausting the account's Cognito, SES or SNS request quotas, and a
   * floor the rest of the account cannot take. Per function. Requires a Lambda concurrency quota of
   * 1,000 (new accounts start at 10; AWS keeps 100 unreserved).
   */
  readonly reservedConcurrency: {
    /** Each route calling Cognito's password or user-lifecycle APIs (cognito:auth, cognito:admin). */
    readonly cognito: number;
    /** The outbox dispatcher and the retry job (ses:send, sns:publish). */
    readonly messaging: number;
    /** The public health route, which probes Cognito, SES and SNS on each call. */
    readonly healthProbe: number;
  };
}

/** Region of CloudFront's WAF web ACL and certificates, whatever the stage region. */
export const EDGE_REGION = 'us-east-1';

/** Shown on French phones as the sender of login codes (alphanumeric, 11 characters at most). */
export const SMS_SENDER_ID = 'HCRBienEtre';

/** Same in every stage: what stages differ in is above. */
const alarmThresholds = {
  api5xxRatePercent: 5,
  // Alarm well before AWS reviews the account (5 % bounces, 0.1 % complaints).
  sesBounceRatePercent: 2,
  sesComplaintRatePercent: 0.05,
  smsSpendPercentOfLimit: 80,
} as const;

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
    mailDomain: 'dev.espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-dev@espace-entreprise-sante.example',
    logLevel: 'DEBUG',
    // 1 USD is the quota of an account that never asked for more: a first deploy works as is.
    sms: { monthlySpendLimitUsd: 1, senderId: SMS_SENDER_ID },
    alarmThresholds,
    waf: { authRequestsPer5Minutes: 100, apiRequestsPer5Minutes: 2000 },
    reservedConcurrency: { cognito: 5, messaging: 2, healthProbe: 1 },
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
    mailDomain: 'staging.espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-staging@espace-entreprise-sante.example',
    logLevel: 'INFO',
    sms: { monthlySpendLimitUsd: 20, senderId: SMS_SENDER_ID },
    alarmThresholds,
    waf: { authRequestsPer5Minutes: 100, apiRequestsPer5Minutes: 2000 },
    reservedConcurrency: { cognito: 5, messaging: 2, healthProbe: 1 },
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
    mailDomain: 'espace-entreprise-sante.example',
    insurerTeamEmail: 'gestion-entreprises@espace-entreprise-sante.example',
    logLevel: 'INFO',
    sms: { monthlySpendLimitUsd: 300, senderId: SMS_SENDER_ID },
    alarmThresholds,
    waf: { authRequestsPer5Minutes: 100, apiRequestsPer5Minutes: 3000 },
    reservedConcurrency: { cognito: 10, messaging: 3, healthProbe: 2 },
  },
};

export function stageConfig(name: unknown): StageConfig {
  if (!isStageName(name)) {
    throw new Error(`Unknown stage ${JSON.stringify(name)}: use -c stage=${STAGE_NAMES.join('|')}`);
  }
  return stages[name];
}

export const stackNameFor = (stage: StageName): string => `EspaceEntrepriseSante-${stage}`;

/** The stage's us-east-1 stack (CloudFront's WAF web ACL). */
export const edgeStackNameFor = (stage: StageName): string => `${stackNameFor(stage)}-edge`;

/** Prefix of physical names, aligned with the table's `ees-<stage>`. */
export const resourcePrefix = (stage: StageName): string => `ees-${stage}`;
