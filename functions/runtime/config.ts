import { z } from 'zod';

/**
 * The one runtime configuration, parsed from the environment. In AWS the stack sets these
 * variables on every function; locally the runner (bin/local) sets them for the
 * in-process handlers. Endpoints are only set locally, to point each client at its emulator.
 */
const optionalUrl = z.url().optional();

export const configSchema = z.object({
  STAGE: z.enum(['local', 'test', 'dev', 'staging', 'prod']),
  AWS_REGION: z.string().min(1).default('eu-west-3'),
  TABLE_NAME: z.string().min(3),
  UPLOADS_BUCKET: z.string().min(3),
  DOCUMENTS_BUCKET: z.string().min(3),
  GENERATED_BUCKET: z.string().min(3),
  INBOUND_BUCKET: z.string().min(3),
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  SNS_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  USER_POOL_CLIENT_SECRET: z.string().min(1),
  MAIL_FROM: z.email(),
  INSURER_TEAM_EMAIL: z.email(),
  PUBLIC_URL: z.url(),
  /** Key of the HMACs that store OTPs, session ids and link tokens (never the raw value). */
  SECRET_PEPPER: z.string().min(32),
  /** Only the local runner in test mode may trust X-Forwarded-For, to simulate a new IP. */
  TRUST_FORWARDED_FOR: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** CloudFront adds this header; the API refuses calls that bypass CloudFront. Empty locally. */
  ORIGIN_VERIFY_SECRET: z.string().optional(),
  /** Key of the insurer's back office on its routes (header x-ees-insurer-key); none → refused. */
  INSURER_API_KEY: z.string().min(32).optional(),
  /** Days after sending at which unfinished BIAs are reminded, e.g. "7,14". */
  AFFILIATION_REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/)
    .default('7,14')
    .transform((value) => value.split(',').map(Number)),
  /** Days after sending at which an unfinished request becomes Abandonné. */
  AFFILIATION_ABANDON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

export function config(): Config {
  cached ??= configSchema.parse(process.env);
  return cached;
}

/** Tests and the local runner change the environment between stacks. */
export function resetConfigCache(): void {
  cached = undefined;
}

export const isLocalStage = (stage: Config['STAGE']): boolean => stage === 'local' || stage === 'test';
