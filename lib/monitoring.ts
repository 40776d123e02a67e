import { Duration, NestedStack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { tableDefinition, tableNameFor } from '../functions/adapters/dynamodb/table-definition';
import { failureQueueNameFor } from './jobs';
import { mailConfigurationSetNameFor, SES_CONFIGURATION_SET_DIMENSION } from './messaging';
import { functionNameFor } from './portal-function';
import { EDGE_REGION, resourcePrefix, type StageConfig } from './stages';

export interface MonitoringProps {
  readonly stage: StageConfig;
}

/**
 * What the alarms and the dashboard watch. Functions, queues, the table and the configuration set
 * are found by their fixed physical names (functionNameFor, failureQueueNameFor, tableNameFor):
 * the nested stack then takes 3 parameters (API, distribution, topic), not one per function.
 */
export interface ObservedResources {
  /** Ids of the route functions. */
  readonly routeIds: readonly string[];
  /** Ids of the job and trigger functions. */
  readonly jobIds: readonly string[];
  /** Ids of the jobs and triggers that have a failure queue. */
  readonly failureQueueIds: readonly string[];
  readonly httpApi: IHttpApi;
  readonly distributionId: string;
  /** Name of the CloudFront web ACL (its metrics live in us-east-1). */
  readonly webAclName: string;
}

const PERIOD = Duration.minutes(5);

/**
 * The stage's alarm topic, the alarms that page it (any of them means a user saw, or will see, a
 * failure, or money or sender reputation is at stake) and the one operations dashboard.
 *
 * The alarms (two per function) and the dashboard live in a nested stack, `observability`: with one
 * Lambda, role, policy, log group, route, integration and permission per route, the stage stack
 * would otherwise reach CloudFormation's 500-resource limit within a few dozen routes.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** Holds the alarms and the dashboard; created by observe(). */
  observability?: NestedStack;
  private readonly key: Key;
  private readonly stage: StageConfig;

  constructor(scope: Construct, id: string, { stage }: MonitoringProps) {
    super(scope, id);
    this.stage = stage;

    // A customer-managed key: CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
    this.key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the ${stage.name} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    this.allowServiceToPublish('cloudwatch.amazonaws.com');
    // SES event destination (bounces, complaints, rejects: lib/messaging.ts).
    this.allowServiceToPublish('ses.amazonaws.com');
    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: `${resourcePrefix(stage.name)}-alarms`,
      displayName: `Espace Entreprise Santé ${stage.name} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(stage.alarmEmail));
  }

  /** Lets an AWS service encrypt messages for the topic (the topic policy still decides who publishes). */
  private allowServiceToPublish(service: string): void {
    this.key.grant(new ServicePrincipal(service), 'kms:Decrypt', 'kms:GenerateDataKey*');
  }

  /** Alarms and dashboard over the stage's resources, in their nested stack; called once. */
  observe(resources: ObservedResources): NestedStack {
    if (this.observability) throw new Error('Monitoring.observe() is called once per stage');
    const { stage } = this;
    const scope = new NestedStack(this, 'Observability', {
      description: `Espace Entreprise Santé (${stage.name}): alarms and dashboard`,
    });
    this.observability = scope;
    const thresholds = stage.alarmThresholds;

    for (const fnId of [...resources.routeIds, ...resources.jobIds]) {
      this.alarm(scope, `${fnId}-errors`, this.lambdaMetric(fnId, 'Errors', 'Sum'), 1, `${fnId} threw`);
      this.alarm(
        scope,
        `${fnId}-throttles`,
        this.lambdaMetric(fnId, 'Throttles', 'Sum'),
        1,
        `${fnId} throttled (account limit, or its reserved concurrency is exhausted)`,
      );
    }
    this.alarm(
      scope,
      'api-5xx-rate',
      this.api5xxRate(resources.httpApi),
      thresholds.api5xxRatePercent,
      `More than ${thresholds.api5xxRatePercent} % of API requests answered 5xx over 5 minutes`,
    );
    this.alarm(scope, 'table-throttles', this.tableThrottles(), 1, 'DynamoDB throttled reads or writes');
    for (const queueId of resources.failureQueueIds) {
      this.alarm(
        scope,
        `${queueId}-failures`,
        this.queueDepth(queueId),
        1,
        `${queueId} gave up on events: inspect and replay the failure queue`,
      );
    }
    // SES reputation is per account and region, which is what AWS reviews and suspends on.
    this.alarm(
      scope,
      'ses-bounce-rate',
      sesReputation('Reputation.BounceRate'),
      thresholds.sesBounceRatePercent / 100,
      `SES bounce rate reached ${thresholds.sesBounceRatePercent} % (AWS reviews the account at 5 %): check the addresses the portal mails`,
    );
    this.alarm(
      scope,
      'ses-complaint-rate',
      sesReputation('Reputation.ComplaintRate'),
      thresholds.sesComplaintRatePercent / 100,
      `SES complaint rate reached ${thresholds.sesComplaintRatePercent} % (AWS reviews the account at 0.1 %)`,
    );
    const smsSpendThreshold = (stage.sms.monthlySpendLimitUsd * thresholds.smsSpendPercentOfLimit) / 100;
    this.alarm(
      scope,
      'sms-spend',
      smsSpend(),
      smsSpendThreshold,
      `SMS spend this month reached ${smsSpendThreshold} USD, ${thresholds.smsSpendPercentOfLimit} % of the ${stage.sms.monthlySpendLimitUsd} USD limit past which SNS stops sending login codes`,
    );

    new Dashboard(scope, 'Dashboard', {
      dashboardName: resourcePrefix(stage.name),
      defaultInterval: Duration.hours(24),
      widgets: this.dashboardRows(resources),
    });
    return scope;
  }

  private alarm(
    scope: Construct,
    name: string,
    metric: IMetric,
    threshold: number,
    description: string,
  ): void {
    const alarm = new Alarm(scope, name, {
      alarmName: `${resourcePrefix(this.stage.name)}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }

  private lambdaMetric(fnId: string, metricName: string, statistic: string): Metric {
    return new Metric({
      namespace: 'AWS/Lambda',
      metricName,
      dimensionsMap: { FunctionName: functionNameFor(this.stage.name, fnId) },
      period: PERIOD,
      statistic,
    });
  }

  private queueDepth(queueId: string): Metric {
    return new Metric({
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensionsMap: { QueueName: failureQueueNameFor(this.stage.name, queueId) },
      period: PERIOD,
      statistic: 'Maximum',
    });
  }

  private tableMetric(
    metricName: string,
    statistic: string,
    dimensions: Record<string, string> = {},
  ): Metric {
    return new Metric({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensionsMap: { TableName: tableNameFor(this.stage.name), ...dimensions },
      period: PERIOD,
      statistic,
    });
  }

  private api5xxRate(httpApi: IHttpApi): IMetric {
    return new MathExpression({
      // No request, no rate (and no division by zero).
      expression: 'IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)',
      usingMetrics: {
        requests: httpApi.metricCount({ period: PERIOD, statistic: 'Sum' }),
        errors: httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      },
      period: PERIOD,
      label: '5xx rate (%)',
    });
  }

  /** Base table and every GSI, reads and writes (on-demand tables throttle too, on sudden peaks). */
  private tableThrottles(): IMetric {
    const metric = (name: string, index?: string) =>
      this.tableMetric(name, 'Sum', index ? { GlobalSecondaryIndexName: index } : {});
    const usingMetrics: Record<string, IMetric> = {
      tableRead: metric('ReadThrottleEvents'),
      tableWrite: metric('WriteThrottleEvents'),
    };
    for (const { name } of tableDefinition.globalIndexes) {
      usingMetrics[`${name.toLowerCase()}Read`] = metric('ReadThrottleEvents', name);
      usingMetrics[`${name.toLowerCase()}Write`] = metric('WriteThrottleEvents', name);
    }
    // Throttle metrics are only emitted when non-zero: without FILL a missing series blanks the sum.
    return new MathExpression({
      expression: Object.keys(usingMetrics)
        .map((id) => `FILL(${id}, 0)`)
        .join(' + '),
      usingMetrics,
      period: PERIOD,
      label: 'Throttle events',
    });
  }

  private dashboardRows(resources: ObservedResources): IWidget[][] {
    const { httpApi, routeIds, jobIds } = resources;
    const graph = (title: string, left: IMetric[], width = 8, right?: IMetric[]) =>
      new GraphWidget({ title, left, ...(right ? { right } : {}), width, height: 6 });
    const byFunction = (ids: readonly string[], metricName: string, statistic: string): IMetric[] =>
      ids.map((fnId) => this.lambdaMetric(fnId, metricName, statistic).with({ label: fnId }));
    const p95 = Stats.percentile(95);
    const sesMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [SES_CONFIGURATION_SET_DIMENSION]: mailConfigurationSetNameFor(this.stage.name) },
        period: PERIOD,
        statistic: 'Sum',
        label: metricName,
      });
    const edge = (
      namespace: string,
      metricName: string,
      dimensionsMap: Record<string, string>,
      label: string,
    ) =>
      new Metric({
        namespace,
        metricName,
        dimensionsMap,
        region: EDGE_REGION,
        period: PERIOD,
        statistic: 'Sum',
        label,
      });
    const distribution = { DistributionId: resources.distributionId, Region: 'Global' };
    const webAcl = { WebACL: resources.webAclName, Rule: 'ALL' };
    const percent = (id: string, metric: Metric, label: string) =>
      new MathExpression({
        expression: `100 * ${id}`,
        usingMetrics: { [id]: metric },
        label,
        period: PERIOD,
      });

    return [
      [
        new TextWidget({
          markdown: `# Espace Entreprise Santé — ${this.stage.name}\nAlarms page the stage's alarm topic. Edge metrics (CloudFront, WAF) come from ${EDGE_REGION}.`,
          width: 24,
          height: 2,
        }),
      ],
      [
        graph('API requests', [httpApi.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' })]),
        graph(
          'API errors',
          [
            httpApi.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
            httpApi.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
          ],
          8,
          [this.api5xxRate(httpApi)],
        ),
        graph('API latency (ms)', [
          httpApi.metricLatency({ period: PERIOD, statistic: Stats.percentile(50), label: 'p50' }),
          httpApi.metricLatency({ period: PERIOD, statistic: p95, label: 'p95' }),
          httpApi.metricIntegrationLatency({ period: PERIOD, statistic: p95, label: 'integration p95' }),
        ]),
      ],
      [
        graph('Route errors', byFunction(routeIds, 'Errors', 'Sum')),
        graph('Route duration p95 (ms)', byFunction(routeIds, 'Duration', p95)),
        graph('Route throttles', byFunction(routeIds, 'Throttles', 'Sum')),
      ],
      [
        graph('Job and trigger errors', byFunction(jobIds, 'Errors', 'Sum')),
        graph('Job and trigger duration p95 (ms)', byFunction(jobIds, 'Duration', p95)),
        graph(
          'Outbox and import failure queues (messages)',
          resources.failureQueueIds.map((queueId) => this.queueDepth(queueId).with({ label: queueId })),
        ),
      ],
      [
        graph('DynamoDB consumed capacity', [
          this.tableMetric('ConsumedReadCapacityUnits', 'Sum').with({ label: 'read units' }),
          this.tableMetric('ConsumedWriteCapacityUnits', 'Sum').with({ label: 'write units' }),
        ]),
        graph('DynamoDB throttles', [this.tableThrottles()]),
        graph(
          'DynamoDB latency p95 (ms)',
          ['Query', 'GetItem', 'TransactWriteItems'].map((operation) =>
            this.tableMetric('SuccessfulRequestLatency', p95, { Operation: operation }).with({
              label: operation,
            }),
          ),
        ),
      ],
      [
        graph(
          'E-mails (configuration set)',
          ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'DeliveryDelay'].map(sesMetric),
        ),
        graph('SES reputation (account, %)', [
          percent('bounce', sesReputation('Reputation.BounceRate'), 'bounce rate'),
          percent('complaint', sesReputation('Reputation.ComplaintRate'), 'complaint rate'),
        ]),
        new SingleValueWidget({
          title: `SMS spent this month (USD, limit ${this.stage.sms.monthlySpendLimitUsd})`,
          metrics: [smsSpend().with({ label: 'USD this month' })],
          width: 4,
          height: 6,
        }),
        graph(
          'SMS success rate',
          [
            new Metric({
              namespace: 'AWS/SNS',
              metricName: 'SMSSuccessRate',
              period: PERIOD,
              statistic: 'Average',
              label: 'success rate',
            }),
          ],
          4,
        ),
      ],
      [
        graph('CloudFront requests', [edge('AWS/CloudFront', 'Requests', distribution, 'requests')]),
        graph('CloudFront error rates (%)', [
          edge('AWS/CloudFront', '4xxErrorRate', distribution, '4xx').with({ statistic: 'Average' }),
          edge('AWS/CloudFront', '5xxErrorRate', distribution, '5xx').with({ statistic: 'Average' }),
        ]),
        graph('WAF requests', [
          edge('AWS/WAFV2', 'BlockedRequests', webAcl, 'blocked'),
          edge('AWS/WAFV2', 'CountedRequests', webAcl, 'counted'),
          edge('AWS/WAFV2', 'AllowedRequests', webAcl, 'allowed'),
        ]),
      ],
    ];
  }
}

function sesReputation(metricName: 'Reputation.BounceRate' | 'Reputation.ComplaintRate'): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, period: PERIOD, statistic: 'Maximum' });
}

/** Account-level, per region: what SNS compares with the monthly spend limit. */
function smsSpend(): Metric {
  return new Metric({
    namespace: 'AWS/SNS',
    metricName: 'SMSMonthToDateSpentUSD',
    period: PERIOD,
    statistic: 'Maximum',
  });
}
