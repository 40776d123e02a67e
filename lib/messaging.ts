import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { resourcePrefix, type StageConfig, type StageName } from './stages';

/** The stage's SES configuration set (its metrics are found by this name). */
export const mailConfigurationSetNameFor = (stage: StageName): string => resourcePrefix(stage);

/** Dimension of the configuration set's CloudWatch metrics (SES's own auto-tag, always present). */
export const SES_CONFIGURATION_SET_DIMENSION = 'ses:configuration-set';

/** Events counted in CloudWatch (dashboard, bounce/complaint counts). */
export const SES_METRIC_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
] as const;

/** Events each sent, in full, to the alarm topic: someone should look at each of them. */
export const SES_NOTIFIED_EVENTS = [
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
] as const;

export interface MessagingProps {
  readonly stage: StageConfig;
  /** Receives bounce, complaint and reject events (encrypted: its key must let SES in). */
  readonly alarmTopic: ITopic;
}

/**
 * The sending side of e-mail and SMS. Messages leave through the outbox (lib/jobs.ts); this
 * construct sets up what SES and SNS need around them:
 * - the SES domain identity of `mailDomain` (Easy DKIM, custom MAIL FROM for SPF alignment),
 *   whose default configuration set applies to every message, whatever API sends it;
 * - that configuration set: TLS required, account suppression list for bounces and complaints,
 *   reputation metrics, events counted in CloudWatch and bounces/complaints/rejects sent to the
 *   alarm topic (no handler: the suppression list already stops re-sending to a bounced address);
 * - the account-level SMS settings of the region (transactional, sender id, monthly spend limit).
 */
export class Messaging extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly smsSettings: AwsCustomResource;

  constructor(scope: Construct, id: string, { stage, alarmTopic }: MessagingProps) {
    super(scope, id);
    if (!stage.mailFrom.endsWith(`@${stage.mailDomain}`)) {
      throw new Error(`${stage.name}: mailFrom ${stage.mailFrom} is not an address of ${stage.mailDomain}`);
    }
    const name = mailConfigurationSetNameFor(stage.name);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: name,
      sendingEnabled: true,
      reputationMetrics: true,
      // Links and login codes of a health portal: never in clear between mail servers.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('Metrics', {
      configurationSetEventDestinationName: 'cloudwatch',
      destination: EventDestination.cloudWatchDimensions([
        {
          name: SES_CONFIGURATION_SET_DIMENSION,
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          defaultValue: name,
        },
      ]),
      events: [...SES_METRIC_EVENTS],
    });
    // aws-cdk-lib adds the topic policy letting this configuration set (only) publish.
    this.configurationSet.addEventDestination('Feedback', {
      configurationSetEventDestinationName: 'alarm-topic',
      destination: EventDestination.snsTopic(alarmTopic),
      events: [...SES_NOTIFIED_EVENTS],
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(stage.mailDomain),
      configurationSet: this.configurationSet,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      // Return-Path in our domain: SPF then aligns with From, which DMARC needs.
      mailFromDomain: `bounce.${stage.mailDomain}`,
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `DKIM CNAME to publish in ${stage.mailDomain}'s DNS (name → value)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
    new CfnOutput(this, 'MailFromRecords', {
      description: `Custom MAIL FROM records to publish in ${stage.mailDomain}'s DNS`,
      value: `bounce.${stage.mailDomain} MX 10 feedback-smtp.${Stack.of(this).region}.amazonses.com ; bounce.${stage.mailDomain} TXT "v=spf1 include:amazonses.com ~all"`,
    });

    // SNS SMS preferences are account-level settings of the region, with no CloudFormation
    // resource: set them through the API on every deploy. Nothing is undone on delete (another
    // stack of the account may rely on them; an account per stage is the recommended layout).
    this.smsSettings = new AwsCustomResource(this, 'SmsSettings', {
      resourceType: 'Custom::SnsSmsSettings',
      onUpdate: {
        service: 'SNS',
        action: 'setSMSAttributes',
        parameters: {
          attributes: {
            DefaultSMSType: 'Transactional',
            DefaultSenderID: stage.sms.senderId,
            MonthlySpendLimit: String(stage.sms.monthlySpendLimitUsd),
          },
        },
        physicalResourceId: PhysicalResourceId.of(`${resourcePrefix(stage.name)}-sms-settings`),
      },
      // SetSMSAttributes has no resource type in IAM.
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'SmsSettingsLogs', {
        retention: stage.logRetention,
        removalPolicy: stage.removalPolicy,
      }),
    });
    Validations.of(this.smsSettings).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'sns:SetSMSAttributes, the only action of this policy, is an account-level call with no resource type in IAM.',
    });
  }

  get configurationSetName(): string {
    return this.configurationSet.configurationSetName;
  }
}
