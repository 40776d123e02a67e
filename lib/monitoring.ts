import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
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
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableDefinition } from '../functions/adapters/dynamodb/table-definition';
import { SES_CONFIGURATION_SET_DIMENSION } from './messaging';
import { EDGE_REGION, resourcePrefix, type StageConfig } from './stages';

export interface MonitoringProps {
  readonly stage: StageConfig;
}

/** What the alarms and the dashboard watch. */
export interface ObservedResources {
  /** Route functions, by route id. */
  readonly routeFunctions: ReadonlyMap<string, IFunction>;
  /** Job and trigger functions, by id. */
  readonly jobFunctions: ReadonlyMap<string, IFunction>;
  readonly httpApi: HttpApi;
  readonly table: Table;
  /** By job or trigger id. */
  readonly failureQueues: ReadonlyMap<string, IQueue>;
  readonly mailConfigurationSetName: string;
  readonly distributionId: string;
  /** Name of the CloudFront web ACL (its metrics live in us-east-1). */
  readonly webAclName: string;
}

const PERIOD = Duration.minutes(5);

/**
 * The stage's alarm topic, the alarms that page it (any of them means a user saw, or will see, a
 * failure, or money or sender reputation is at stake) and the one operations dashboard.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly key: Key;
  private readonly stage: StageConfig;
  private dashboardCreated = false;

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

  /** Alarms and dashboard over the stage's resources; called once, when they all exist. */
  observe(resources: ObservedResources): void {
    if (this.dashboardCreated) throw new Error('Monitoring.observe() is called once per stage');
    this.dashboardCreated = true;
    const { stage } = this;
    const thresholds = stage.alarmThresholds;
    const functions = new Map([...resources.routeFunctions, ...resources.jobFunctions]);

    for (const [fnId, fn] of functions) {
      this.alarm(`${fnId}-errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), 1, `${fnId} threw`);
      this.alarm(
        `${fnId}-throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        1,
        `${fnId} throttled (account limit, or its reserved concurrency is exhausted)`,
      );
    }
    this.alarm(
      'api-5xx-rate',
      this.api5xxRate(resources.httpApi),
      thresholds.api5xxRatePercent,
      `More than ${thresholds.api5xxRatePercent} % of API requests answered 5xx over 5 minutes`,
    );
    this.alarm(
      'table-throttles',
      this.tableThrottles(resources.table),
      1,
      'DynamoDB throttled reads or writes',
    );
    for (const [queueId, queue] of resources.failureQueues) {
      this.alarm(
        `${queueId}-failures`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        1,
        `${queueId} gave up on events: inspect and replay the failure queue`,
      );
    }
    // SES reputation is per account and region, which is what AWS reviews and suspends on.
    this.alarm(
      'ses-bounce-rate',
      sesReputation('Reputation.BounceRate'),
      thresholds.sesBounceRatePercent / 100,
      `SES bounce rate reached ${thresholds.sesBounceRatePercent} % (AWS reviews the account at 5 %): check the addresses the portal mails`,
    );
    this.alarm(
      'ses-complaint-rate',
      sesReputation('Reputation.ComplaintRate'),
      thresholds.sesComplaintRatePercent / 100,
      `SES complaint rate reached ${thresholds.sesComplaintRatePercent} % (AWS reviews the account at 0.1 %)`,
    );
    const smsSpendThreshold = (stage.sms.monthlySpendLimitUsd * thresholds.smsSpendPercentOfLimit) / 100;
    this.alarm(
      'sms-spend',
      smsSpend(),
      smsSpendThreshold,
      `SMS spend this month reached ${smsSpendThreshold} USD, ${thresholds.smsSpendPercentOfLimit} % of the ${stage.sms.monthlySpendLimitUsd} USD limit past which SNS stops sending login codes`,
    );

    new Dashboard(this, 'Dashboard', {
      dashboardName: resourcePrefix(stage.name),
      defaultInterval: Duration.hours(24),
      widgets: this.dashboardRows(resources),
    });
  }

  private alarm(name: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, name, {
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

  private api5xxRate(httpApi: HttpApi): IMetric {
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
  private tableThrottles(table: Table): IMetric {
    const metric = (name: string, index?: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: name,
        dimensionsMap: { TableName: table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
        period: PERIOD,
        statistic: 'Sum',
      });
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
    const { httpApi, table, routeFunctions, jobFunctions } = resources;
    const graph = (title: string, left: IMetric[], width = 8, right?: IMetric[]) =>
      new GraphWidget({ title, left, ...(right ? { right } : {}), width, height: 6 });
    const byFunction = (fns: ReadonlyMap<string, IFunction>, metric: (fn: IFunction) => Metric): IMetric[] =>
      [...fns].map(([fnId, fn]) => metric(fn).with({ label: fnId, period: PERIOD }));
    const sesMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [SES_CONFIGURATION_SET_DIMENSION]: resources.mailConfigurationSetName },
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
          httpApi.metricLatency({ period: PERIOD, statistic: Stats.percentile(95), label: 'p95' }),
          httpApi.metricIntegrationLatency({
            period: PERIOD,
            statistic: Stats.percentile(95),
            label: 'integration p95',
          }),
        ]),
      ],
      [
        graph(
          'Route errors',
          byFunction(routeFunctions, (fn) => fn.metricErrors({ statistic: 'Sum' })),
        ),
        graph(
          'Route duration p95 (ms)',
          byFunction(routeFunctions, (fn) => fn.metricDuration({ statistic: Stats.percentile(95) })),
        ),
        graph(
          'Route throttles',
          byFunction(routeFunctions, (fn) => fn.metricThrottles({ statistic: 'Sum' })),
        ),
      ],
      [
        graph(
          'Job and trigger errors',
          byFunction(jobFunctions, (fn) => fn.metricErrors({ statistic: 'Sum' })),
        ),
        graph(
          'Job and trigger duration p95 (ms)',
          byFunction(jobFunctions, (fn) => fn.metricDuration({ statistic: Stats.percentile(95) })),
        ),
        graph(
          'Outbox and import failure queues (messages)',
          [...resources.failureQueues].map(([queueId, queue]) =>
            queue.metricApproximateNumberOfMessagesVisible({
              period: PERIOD,
              statistic: 'Maximum',
              label: queueId,
            }),
          ),
        ),
      ],
      [
        graph('DynamoDB consumed capacity', [
          table.metricConsumedReadCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'read units' }),
          table.metricConsumedWriteCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'write units' }),
        ]),
        graph('DynamoDB throttles', [this.tableThrottles(table)]),
        graph('DynamoDB latency p95 (ms)', [
          table.metricSuccessfulRequestLatency({
            period: PERIOD,
            statistic: Stats.percentile(95),
            dimensionsMap: { TableName: table.tableName, Operation: 'Query' },
            label: 'Query',
          }),
          table.metricSuccessfulRequestLatency({
            period: PERIOD,
            statistic: Stats.percentile(95),
            dimensionsMap: { TableName: table.tableName, Operation: 'TransactWriteItems' },
            label: 'TransactWriteItems',
          }),
        ]),
      ],
      [
        graph(
          'E-mails (configuration set)',
          ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'DeliveryDelay'].map(sesMetric),
        ),
        graph('SES reputation (account, %)', [
          new MathExpression({
            expression: '100 * bounce',
            usingMetrics: { bounce: sesReputation('Reputation.BounceRate') },
            label: 'bounce rate',
            period: PERIOD,
          }),
          new MathExpression({
            expression: '100 * complaint',
            usingMetrics: { complaint: sesReputation('Reputation.ComplaintRate') },
            label: 'complaint rate',
            period: PERIOD,
          }),
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
        graph('CloudFront requests', [
          edge(
            'AWS/CloudFront',
            'Requests',
            { DistributionId: resources.distributionId, Region: 'Global' },
            'requests',
          ),
        ]),
        graph('CloudFront error rates (%)', [
          edge(
            'AWS/CloudFront',
            '4xxErrorRate',
            { DistributionId: resources.distributionId, Region: 'Global' },
            '4xx',
          ).with({ statistic: 'Average' }),
          edge(
            'AWS/CloudFront',
            '5xxErrorRate',
            { DistributionId: resources.distributionId, Region: 'Global' },
            '5xx',
          ).with({ statistic: 'Average' }),
        ]),
        graph('WAF blocked requests', [
          edge('AWS/WAFV2', 'BlockedRequests', { WebACL: resources.webAclName, Rule: 'ALL' }, 'blocked'),
          edge('AWS/WAFV2', 'CountedRequests', { WebACL: resources.webAclName, Rule: 'ALL' }, 'counted'),
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
