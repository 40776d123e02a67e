import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type EventTrigger, eventTriggers, type ScheduledJob, scheduledJobs } from '../functions/schedules';
import { FunctionStack } from './function-stack';
import { wildcardResourceFinding } from './nag';
import type { GrantableResources } from './permissions';
import { PortalFunction, type RuntimeEnvironment } from './portal-function';
import { resourcePrefix, type StageConfig, type StageName } from './stages';

/**
 * `_type` of the outbox items: the stream only wakes the dispatcher for their inserts. Must match
 * what the DynamoDB outbox adapter writes (move it next to the key formats in table-keys.ts).
 */
export const OUTBOX_ITEM_TYPE = 'Outbox';

/** Physical name of the failure queue (DLQ) of a job or trigger: alarms find it by this name. */
export const failureQueueNameFor = (stage: StageName, id: string): string =>
  `${resourcePrefix(stage)}-${id}-failures`;

/** Crons (reminders at a set hour) follow French time; `rate(...)` ignores the zone. */
const SCHEDULE_TIME_ZONE = TimeZone.EUROPE_PARIS;

export interface JobsProps {
  readonly stage: StageConfig;
  readonly environment: RuntimeEnvironment;
  readonly resources: GrantableResources;
  /**
   * The inbound bucket itself (not an import): its notification configuration belongs to the
   * stack that owns it, where aws-cdk-lib puts the custom resource that writes it.
   */
  readonly inboundBucket: IBucket;
}

/**
 * Scheduled jobs and event triggers of functions/schedules.ts, each with a failure queue, in one
 * nested stack (FunctionStack): an entry there needs no change here. Only what must sit by the
 * inbound bucket stays in the stage stack: its notification and the permission S3 invokes with.
 */
export class Jobs extends Construct {
  /** By job or trigger id. */
  readonly functions = new Map<string, PortalFunction>();
  /** Where events that exhausted their retries land, by job or trigger id (alarmed on). */
  readonly failureQueues = new Map<string, Queue>();
  /** The nested stack of the job and trigger functions. */
  readonly stack: FunctionStack;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: JobsProps,
  ) {
    super(scope, id);
    const overlap = overlappingInboundTriggers(eventTriggers)[0];
    if (overlap) {
      throw new Error(
        `functions/schedules.ts: ${overlap.join(' and ')} watch keys of the inbound bucket that overlap, which S3 refuses at deploy time: give them distinct prefixes or suffixes.`,
      );
    }
    this.stack = new FunctionStack(this, 'Functions', {
      description: `Espace Entreprise Santé (${props.stage.name}): scheduled jobs and event triggers`,
      resources: props.resources,
      tableStream: eventTriggers.some((trigger) => trigger.source === 'tableStream'),
    });
    for (const job of scheduledJobs) this.addScheduledJob(job);
    for (const trigger of eventTriggers) this.addTrigger(trigger);
  }

  private addScheduledJob(job: ScheduledJob): void {
    const fn = this.portalFunction(job, 'job', Duration.minutes(2), job.summary);
    // Our own role (rather than the shared one aws-cdk-lib would add at the stack root), limited to
    // schedules of this account.
    const role = new Role(this.stack, `${job.id}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this.stack).account } },
      }),
      description: `EventBridge Scheduler invoking ${job.id}`,
    });
    Validations.of(role).acknowledge({
      id: wildcardResourceFinding(role, `${fn.function.functionArn}:*`),
      reason: 'lambda:InvokeFunction on this one function; the `:*` suffix covers its versions and aliases.',
    });
    new Schedule(this.stack, `${job.id}Schedule`, {
      scheduleName: `${resourcePrefix(this.props.stage.name)}-${job.id}`,
      description: job.summary.slice(0, 512),
      schedule: ScheduleExpression.expression(job.schedule, SCHEDULE_TIME_ZONE),
      target: new LambdaInvoke(fn.function, {
        role,
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: this.failureQueue(job.id),
      }),
    });
  }

  private addTrigger(trigger: EventTrigger): void {
    switch (trigger.source) {
      // The filter below wakes only the outbox dispatcher's items: a second stream trigger needs its
      // own filter (a field of EventTrigger), or it would receive the outbox inserts.
      case 'tableStream': {
        const fn = this.portalFunction(trigger, 'trigger', Duration.minutes(1), trigger.summary);
        fn.function.addEventSource(
          new DynamoEventSource(this.stack.resources.table, {
            // Records written before the mapping existed (first deploy) must not be skipped.
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: 10,
            bisectBatchOnError: true,
            // The handler may return `batchItemFailures` to retry only the failed records.
            reportBatchItemFailures: true,
            retryAttempts: 3,
            maxRecordAge: Duration.hours(1),
            onFailure: new SqsDlq(this.failureQueue(trigger.id)),
            filters: [
              FilterCriteria.filter({
                eventName: FilterRule.isEqual('INSERT'),
                dynamodb: { NewImage: { _type: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
              }),
            ],
          }),
        );
        if (fn.function.role) {
          Validations.of(fn.function.role).acknowledge({
            id: 'AwsSolutions-IAM5[Resource::*]',
            reason:
              'dynamodb:ListStreams, added by the stream event source for the Lambda poller, has no resource-level permission.',
          });
        }
        return;
      }
      case 'inboundBucket': {
        const fn = this.portalFunction(trigger, 'trigger', Duration.minutes(5), trigger.summary);
        // S3 invokes asynchronously: Lambda retries twice, then parks the event.
        fn.function.configureAsyncInvoke({
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          onFailure: new SqsDestination(this.failureQueue(trigger.id)),
        });
        this.props.inboundBucket.addEventNotification(
          EventType.OBJECT_CREATED,
          new LambdaDestination(fn.function),
          // Only the feed files: the import writes its report (`…csv.report.json`) next to them.
          {
            ...(trigger.prefix ? { prefix: trigger.prefix } : {}),
            ...(trigger.suffix ? { suffix: trigger.suffix } : {}),
          },
        );
        return;
      }
    }
  }

  private portalFunction(
    entry: ScheduledJob | EventTrigger,
    kind: 'job' | 'trigger',
    timeout: Duration,
    description: string,
  ): PortalFunction {
    const { stage, environment } = this.props;
    const fn = new PortalFunction(this.stack, entry.id, {
      stage,
      kind,
      id: entry.id,
      handler: entry.handler,
      permissions: entry.permissions,
      environment,
      timeout,
      description,
    });
    this.functions.set(entry.id, fn);
    return fn;
  }

  private failureQueue(id: string): Queue {
    const queue = new Queue(this.stack, `${id}Failures`, {
      queueName: failureQueueNameFor(this.props.stage.name, id),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: this.props.stage.removalPolicy,
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the failure destination of ${id}; nothing consumes it automatically (alarmed on depth, replayed by hand).`,
    });
    this.failureQueues.set(id, queue);
    return queue;
  }
}

/**
 * Pairs of inboundBucket triggers S3 would refuse together: two notifications of one event type
 * overlap when one prefix starts the other and one suffix ends the other (a missing filter
 * matches every key).
 */
export function overlappingInboundTriggers(triggers: readonly EventTrigger[]): [string, string][] {
  const inbound = triggers.filter((trigger) => trigger.source === 'inboundBucket');
  const related = (a = '', b = '', test: (longer: string, shorter: string) => boolean) =>
    test(a, b) || test(b, a);
  const pairs: [string, string][] = [];
  inbound.forEach((a, index) => {
    for (const b of inbound.slice(index + 1)) {
      const prefixes = related(a.prefix, b.prefix, (x, y) => x.startsWith(y));
      const suffixes = related(a.suffix, b.suffix, (x, y) => x.endsWith(y));
      if (prefixes && suffixes) pairs.push([a.id, b.id]);
    }
  });
  return pairs;
}
