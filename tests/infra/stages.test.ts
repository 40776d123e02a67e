/**
 * Stage differences, on templates only: esbuild is skipped here (portal-stack.test.ts bundles).
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_KIND_TAG } from '../../lib/portal-function';
import { EDGE_REGION, edgeStackNameFor, STAGE_NAMES, stageConfig } from '../../lib/stages';
import {
  nagViolations,
  resourcesOfType,
  type SynthesizedPortal,
  synthesizePortal,
  tagValue,
} from './portal-app';

describe('stage config', () => {
  it('knows dev, staging and prod, and refuses anything else', () => {
    for (const name of STAGE_NAMES) expect(stageConfig(name).name).toBe(name);
    expect(() => stageConfig('production')).toThrow(/Unknown stage "production"/);
    expect(() => stageConfig(undefined)).toThrow(/-c stage=dev\|staging\|prod/);
  });

  it('gives each stage a mail domain its sender belongs to, SMS settings and rate limits', () => {
    for (const name of STAGE_NAMES) {
      const stage = stageConfig(name);
      expect(stage.mailFrom.endsWith(`@${stage.mailDomain}`), name).toBe(true);
      expect(stage.sms.senderId, name).toMatch(/^[A-Za-z0-9]{1,11}$/);
      expect(stage.sms.monthlySpendLimitUsd, name).toBeGreaterThan(0);
      expect(stage.waf.authRequestsPer5Minutes, name).toBe(100);
      // WAF rate-based rules accept 10 to 2,000,000,000 requests per window.
      expect(stage.waf.apiRequestsPer5Minutes, name).toBeGreaterThanOrEqual(10);
      for (const value of Object.values(stage.reservedConcurrency)) expect(value, name).toBeGreaterThan(0);
    }
    // A fresh account's SMS quota is 1 USD: dev deploys as is; staging and prod need the quota raised.
    expect(stageConfig('dev').sms.monthlySpendLimitUsd).toBe(1);
  });

  it('protects prod data and keeps every stage in Paris unless told otherwise', () => {
    expect(stageConfig('prod')).toMatchObject({ deletionProtection: true, pointInTimeRecovery: true });
    expect(stageConfig('staging').pointInTimeRecovery).toBe(true);
    for (const name of STAGE_NAMES)
      expect(stageConfig(name).env.region).toBe(process.env.PORTAL_REGION ?? 'eu-west-3');
  });
});

describe('dev stack, before the SPA is built', () => {
  let dev: SynthesizedPortal;
  beforeAll(() => {
    dev = synthesizePortal(stageConfig('dev'), { bundle: false });
  }, 120_000);

  it('lets the table go and skips PITR, with the finding acknowledged', () => {
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        TableName: 'ees-dev',
        DeletionProtectionEnabled: false,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
      }),
    });
    expect(nagViolations(dev.stack)).toEqual([]);
  });

  it('warns instead of deploying a missing web/dist or documents build, and adds no deployment function', () => {
    Annotations.fromStack(dev.stack).hasWarning(
      '/EspaceEntrepriseSante-dev/Web',
      Match.stringLikeRegexp('not found'),
    );
    Annotations.fromStack(dev.stack).hasWarning(
      '/EspaceEntrepriseSante-dev/Storage',
      Match.stringLikeRegexp('npm run build:documents'),
    );
    dev.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    const untagged = Object.keys(resourcesOfType(dev.template, 'AWS::Lambda::Function')).filter(
      (logicalId) =>
        !tagValue(
          resourcesOfType(dev.template, 'AWS::Lambda::Function')[logicalId]?.Properties,
          FUNCTION_KIND_TAG,
        ),
    );
    expect(untagged.sort()).toEqual([
      expect.stringMatching(/^AWS679f53fac002430cb0da5b7982bd2287/),
      expect.stringMatching(/^BucketNotificationsHandler/),
    ]);
  });

  it('synthesizes its edge stack in us-east-1 with the dev rate limits', () => {
    expect(dev.edgeStack.stackName).toBe(edgeStackNameFor('dev'));
    expect(dev.edgeStack.region).toBe(EDGE_REGION);
    dev.edgeTemplate.resourceCountIs('AWS::WAFv2::WebACL', 1);
    expect(nagViolations(dev.edgeStack)).toEqual([]);
  });

  it('uses the dev reserved concurrency, SMS limit and retention', () => {
    const dev_ = stageConfig('dev');
    dev.flat.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ees-dev-login',
      ReservedConcurrentExecutions: dev_.reservedConcurrency.cognito,
    });
    const settings = Object.values(resourcesOfType(dev.template, 'Custom::SnsSmsSettings'))[0]?.Properties
      ?.Create as string;
    expect(JSON.parse(settings).parameters.attributes.MonthlySpendLimit).toBe('1');
    dev.flat.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 14 });
  });

  it('uses the dev throttling, memory and log level', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    dev.flat.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ees-dev-getHealth',
      MemorySize: 512,
      Environment: { Variables: Match.objectLike({ STAGE: 'dev', LOG_LEVEL: 'DEBUG' }) },
    });
  });
});

describe('a stage with its own domain', () => {
  let withDomain: SynthesizedPortal;
  const domain = {
    name: 'entreprise.example.fr',
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
  };
  beforeAll(() => {
    withDomain = synthesizePortal({ ...stageConfig('staging'), domain }, { bundle: false });
  }, 120_000);

  it('serves the domain with its certificate and TLS 1.2 at least', () => {
    withDomain.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: [domain.name],
        ViewerCertificate: {
          AcmCertificateArn: domain.certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    expect(nagViolations(withDomain.stack)).toEqual([]);
  });

  it('uses the domain as PUBLIC_URL and as the only upload origin', () => {
    withDomain.flat.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ees-staging-getHealth',
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: `https://${domain.name}` }) },
    });
    withDomain.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [`https://${domain.name}`] })] },
    });
  });
});
