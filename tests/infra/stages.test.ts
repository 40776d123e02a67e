/**
 * Stage differences, on templates only: esbuild is skipped here (portal-stack.test.ts bundles).
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_KIND_TAG } from '../../lib/portal-function';
import { STAGE_NAMES, stageConfig } from '../../lib/stages';
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

  it('warns instead of deploying a missing web/dist, and adds no deployment function', () => {
    Annotations.fromStack(dev.stack).hasWarning(
      '/EspaceEntrepriseSante-dev/Web',
      Match.stringLikeRegexp('not found'),
    );
    dev.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    const untagged = Object.keys(resourcesOfType(dev.template, 'AWS::Lambda::Function')).filter(
      (logicalId) =>
        !tagValue(
          resourcesOfType(dev.template, 'AWS::Lambda::Function')[logicalId]?.Properties,
          FUNCTION_KIND_TAG,
        ),
    );
    expect(untagged).toEqual([expect.stringMatching(/^BucketNotificationsHandler/)]);
  });

  it('uses the dev throttling, memory and log level', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
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
    withDomain.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'ees-staging-getHealth',
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: `https://${domain.name}` }) },
    });
    withDomain.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [`https://${domain.name}`] })] },
    });
  });
});
