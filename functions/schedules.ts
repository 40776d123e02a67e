/**
 * The job table: scheduled Lambdas and event triggers, as data. CDK creates an EventBridge
 * schedule (or an event source) per entry; the local runner calls the same handlers on a
 * timer, or feeds them the DynamoDB stream / S3 events.
 */
import type { Permission } from './routes';

export interface ScheduledJob {
  readonly id: string;
  readonly handler: string;
  /** EventBridge rate/cron expression used in AWS. */
  readonly schedule: string;
  /** Period of the local timer, in seconds. */
  readonly localEverySeconds: number;
  readonly permissions: readonly Permission[];
  readonly summary: string;
}

export interface EventTrigger {
  readonly id: string;
  readonly handler: string;
  readonly source: 'tableStream' | 'inboundBucket';
  /** For inboundBucket: the key prefix and suffix that fire it. */
  readonly prefix?: string;
  readonly suffix?: string;
  readonly permissions: readonly Permission[];
  readonly summary: string;
}

export const scheduledJobs = [
  {
    id: 'retryOutbox',
    handler: 'jobs/retry-outbox.ts',
    schedule: 'rate(5 minutes)',
    localEverySeconds: 60,
    permissions: ['table:read', 'table:write', 'ses:send', 'sns:publish'],
    summary:
      'Re-sends outbox messages whose previous attempt failed, with backoff; parks permanent failures.',
  },
  {
    id: 'sendAffiliationReminders',
    handler: 'jobs/send-affiliation-reminders.ts',
    schedule: 'rate(1 hour)',
    localEverySeconds: 60,
    permissions: ['table:read', 'table:write'],
    summary:
      'Affiliation requests due (index by due date): reminders to employees at J+7 and J+14, abandonment at J+30 with an e-mail to the employer.',
  },
  {
    id: 'remindEndingDispenses',
    handler: 'jobs/remind-ending-dispenses.ts',
    schedule: 'cron(0 6 * * ? *)',
    localEverySeconds: 300,
    permissions: ['table:read', 'table:write'],
    summary:
      "Validated dispenses d'adhésion by end date: the company's administrators reminded 30 days before the end (counted as ending soon), ended ones taken out of the count.",
  },
] as const satisfies readonly ScheduledJob[];

export const eventTriggers = [
  {
    id: 'dispatchOutbox',
    handler: 'triggers/dispatch-outbox.ts',
    source: 'tableStream',
    permissions: ['table:read', 'table:write', 'ses:send', 'sns:publish'],
    summary: 'Sends each new outbox item (e-mail through SES, SMS through SNS) and marks it sent.',
  },
  {
    id: 'importBackOfficeFile',
    handler: 'triggers/import-back-office-file.ts',
    source: 'inboundBucket',
    prefix: 'back-office/',
    suffix: '.csv',
    permissions: ['table:read', 'table:write', 'inbound:read', 'inbound:write'],
    summary:
      "Imports the insurer's CSV files (companies, establishments, contracts, insured, beneficiaries).",
  },
  {
    id: 'importDsn',
    handler: 'triggers/import-dsn.ts',
    source: 'inboundBucket',
    prefix: 'dsn/',
    suffix: '.dsn',
    permissions: ['table:read', 'table:write', 'inbound:read', 'inbound:write'],
    summary:
      "Imports a company's monthly DSN: compares it with the affiliations and raises the anomalies (report next to the file).",
  },
] as const satisfies readonly EventTrigger[];
