import { ArnFormat, Stack } from 'aws-cdk-lib';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { messageFor } from '../functions/contracts/error-messages';
import { API_BASE_PATH } from '../functions/routes';
import { EDGE_REGION, resourcePrefix, type StageConfig } from './stages';

/**
 * Public path prefixes (as the API sees them) where a request checks a credential, reaches
 * Cognito or sends a message: each gets its own per-IP rate-based rule. `STARTS_WITH`, so
 * `/api/auth/login` also covers `/login/code` and `/login/verify`, `/api/auth/activation` also
 * `/activation/check`, and `/api/auth/password-reset` also `/password-reset/confirm`.
 */
export const RATE_LIMITED_AUTH_PATHS = {
  login: `${API_BASE_PATH}/auth/login`,
  activation: `${API_BASE_PATH}/auth/activation`,
  passwordReset: `${API_BASE_PATH}/auth/password-reset`,
  // Accepting an invitation creates the Cognito user (AdminCreateUser).
  invitation: `${API_BASE_PATH}/auth/invitation`,
} as const;

/** AWS managed rule groups, in evaluation order (rate rules sit between the first and the others). */
export const MANAGED_RULE_GROUPS = [
  // Addresses AWS threat intelligence saw in bots and reconnaissance: dropped before anything else.
  'AWSManagedRulesAmazonIpReputationList',
  // OWASP-style generic protections (XSS, LFI, SSRF to metadata, bad bots' user agents…).
  'AWSManagedRulesCommonRuleSet',
  // Request patterns of known exploits (Log4Shell, Java deserialization, Host header tricks…).
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;
// Not AWSManagedRulesSQLiRuleSet: no SQL anywhere (DynamoDB). Not the anonymous-IP list: employers
// and accountants connect through corporate VPNs and hosting-provider egress legitimately.

/**
 * Rules of a managed group set to Count instead of Block, with why. The API caps JSON bodies at
 * 64 KiB itself (functions/runtime/http.ts, 413) and files go straight to S3, so the Common rule
 * set's 8 KiB body limit would only reject legitimate forms.
 */
const COUNT_ONLY: Partial<Record<(typeof MANAGED_RULE_GROUPS)[number], string[]>> = {
  AWSManagedRulesCommonRuleSet: ['SizeRestrictions_BODY'],
};

const RATE_LIMITED_BODY = 'rate-limited';
const WAF_EVALUATION_WINDOW_SECONDS = 300;

/** Fixed name: the dashboard of the stage region reads its metrics by name. */
export const webAclNameFor = (stage: StageConfig): string => `${resourcePrefix(stage.name)}-cloudfront`;

export interface WebAclProps {
  readonly stage: StageConfig;
}

/**
 * CloudFront's web ACL. CLOUDFRONT-scoped web ACLs exist only in us-east-1: this construct
 * belongs to the stage's edge stack (lib/edge-stack.ts).
 */
export class WebAcl extends Construct {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, { stage }: WebAclProps) {
    super(scope, id);
    if (Stack.of(this).region !== EDGE_REGION) {
      throw new Error(`A CLOUDFRONT web ACL must be created in ${EDGE_REGION}, not ${Stack.of(this).region}`);
    }
    const name = webAclNameFor(stage);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });

    const rules: CfnWebACL.RuleProperty[] = [];
    const add = (rule: Omit<CfnWebACL.RuleProperty, 'priority' | 'visibilityConfig'>) =>
      rules.push({ ...rule, priority: rules.length, visibilityConfig: visibility(rule.name) });
    const managed = (group: (typeof MANAGED_RULE_GROUPS)[number]) =>
      add({
        name: group,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name: group,
            ...(COUNT_ONLY[group]
              ? {
                  ruleActionOverrides: COUNT_ONLY[group].map((rule) => ({
                    name: rule,
                    actionToUse: { count: {} },
                  })),
                }
              : {}),
          },
        },
      });
    const rateLimited = (ruleName: string, limit: number, pathPrefix: string) =>
      add({
        name: ruleName,
        action: {
          block: { customResponse: { responseCode: 429, customResponseBodyKey: RATE_LIMITED_BODY } },
        },
        statement: {
          rateBasedStatement: {
            // CloudFront-scoped: the address WAF sees is the viewer's, no forwarded header to trust.
            aggregateKeyType: 'IP',
            limit,
            evaluationWindowSec: WAF_EVALUATION_WINDOW_SECONDS,
            scopeDownStatement: {
              byteMatchStatement: {
                fieldToMatch: { uriPath: {} },
                positionalConstraint: 'STARTS_WITH',
                searchString: pathPrefix,
                // `/api/auth/%6Cogin` or `/api//auth/login` are the same path to API Gateway.
                textTransformations: [
                  { priority: 0, type: 'URL_DECODE' },
                  { priority: 1, type: 'NORMALIZE_PATH' },
                  { priority: 2, type: 'LOWERCASE' },
                ],
              },
            },
          },
        },
      });

    managed('AWSManagedRulesAmazonIpReputationList');
    const { authRequestsPer5Minutes, apiRequestsPer5Minutes } = stage.waf;
    rateLimited('rate-auth-login', authRequestsPer5Minutes, RATE_LIMITED_AUTH_PATHS.login);
    rateLimited('rate-auth-activation', authRequestsPer5Minutes, RATE_LIMITED_AUTH_PATHS.activation);
    rateLimited('rate-auth-password-reset', authRequestsPer5Minutes, RATE_LIMITED_AUTH_PATHS.passwordReset);
    rateLimited('rate-auth-invitation', authRequestsPer5Minutes, RATE_LIMITED_AUTH_PATHS.invitation);
    rateLimited('rate-api', apiRequestsPer5Minutes, `${API_BASE_PATH}/`);
    managed('AWSManagedRulesCommonRuleSet');
    managed('AWSManagedRulesKnownBadInputsRuleSet');

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name,
      // ASCII only (CloudFormation's pattern for this description).
      description: `Espace Entreprise Sante ${stage.name}: managed protections and per-IP rate limits on /api`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rules,
      // The SPA shows the French message of `{ code, message }` bodies as is (web/src/shared/api.ts).
      customResponseBodies: {
        [RATE_LIMITED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ code: 'RATE_LIMITED', message: messageFor('RATE_LIMITED') }),
        },
      },
    });

    // Blocked and counted requests only (the allowed ones are in CloudFront's standard logs); the
    // log group name must start with `aws-waf-logs-`.
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${name}`,
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        // WAF wants the log group ARN without the `:*` suffix CloudFormation's Arn attribute has.
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: this.logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Session cookies identify a session: never in logs.
      redactedFields: [{ singleHeader: { Name: 'cookie' } }, { singleHeader: { Name: 'authorization' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
  }
}
