import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
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
import { resourcePrefix, type StageConfig } from './stages';

export interface MonitoringProps {
  readonly stage: StageConfig;
  /** By route, job or trigger id. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly httpApi: HttpApi;
  readonly table: Table;
  /** By job or trigger id. */
  readonly failureQueues: ReadonlyMap<string, IQueue>;
}

const PERIOD = Duration.minutes(5);

/** Alarms that page the stage's alarm address: any of them means a user saw, or will see, a failure. */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: MonitoringProps,
  ) {
    super(scope, id);
    const { stage } = props;

    // A customer-managed key: CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key.
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the ${stage.name} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: stage.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: `${resourcePrefix(stage.name)}-alarms`,
      displayName: `Espace Entreprise Santé ${stage.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(stage.alarmEmail));

    for (const [id, fn] of props.functions) {
      this.alarm(`${id}-errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), 1, `${id} threw`);
      this.alarm(
        `${id}-throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        1,
        `${id} throttled`,
      );
    }
    this.alarm(
      'api-5xx',
      props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      1,
      'The API answered 5xx (a handler failed, or API Gateway could not reach it)',
    );
    this.alarm('table-throttles', this.tableThrottles(), 1, 'DynamoDB throttled reads or writes');
    for (const [id, queue] of props.failureQueues) {
      this.alarm(
        `${id}-failures`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        1,
        `${id} gave up on events: inspect and replay the failure queue`,
      );
    }
  }

  private alarm(name: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${resourcePrefix(this.props.stage.name)}-${name}`,
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

  /** Base table and every GSI, reads and writes (on-demand tables throttle too, on sudden peaks). */
  private tableThrottles(): IMetric {
    const { table } = this.props;
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
}
