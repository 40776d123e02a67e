import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { contentSecurityPolicy } from './security-headers';
import type { StageConfig } from './stages';

/** Header CloudFront adds to every /api/* request; the API refuses requests without it. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface WebProps {
  readonly stage: StageConfig;
  /** Host of the HTTP API's default stage. */
  readonly apiDomainName: string;
  readonly originVerifySecret: ISecret;
  readonly logsBucket: IBucket;
  /** The browser POSTs files straight to this bucket host, so the CSP must allow it. */
  readonly uploadsHost: string;
  /** Built SPA; deployed only if it exists at synth time. Default: web/dist. */
  readonly webDistPath?: string;
  /**
   * CLOUDFRONT-scoped WAFv2 web ACL. It can only be created in us-east-1, while this stack lives
   * in the stage region: it comes from the stage's EdgeStack (lib/edge-stack.ts).
   */
  readonly webAclArn: string;
}

/** The SPA bucket and the one CloudFront distribution in front of the SPA and the API. */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** True when this synth deploys a built SPA to the site bucket. */
  readonly siteDeployed: boolean;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { stage } = props;

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 's3/site/',
      // The build can be deployed again from git at any time.
      versioned: false,
      removalPolicy: stage.removalPolicy,
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Espace Entreprise Santé ${stage.name}: CSP, HSTS and friends`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // The same policy as the local server's (lib/security-headers.ts).
          contentSecurityPolicy: contentSecurityPolicy({ uploadOrigins: [`https://${props.uploadsHost}`] }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    // SPA fallback on the site behaviour only. Distribution-wide error responses (403/404 →
    // /index.html) would also rewrite the API's own 403/404 JSON answers into the app shell.
    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve /index.html for client-side routes (paths without a file extension)',
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);",
          "  if (last.indexOf('.') === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: {
        // CloudFront overwrites any viewer-sent header of the same name.
        [ORIGIN_VERIFY_HEADER]: props.originVerifySecret.secretValue.unsafeUnwrap(),
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Espace Entreprise Santé ${stage.name}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are French employers: Europe and North America edges are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(stage.domain
        ? {
            domainNames: [stage.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', stage.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // All viewer headers but Host (API Gateway routes on its own host name), cookies, query
          // strings, and the CloudFront viewer headers, among them CloudFront-Viewer-Address (client IP).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
        },
      },
    });

    this.acknowledgeFindings(stage);
    this.siteDeployed = this.deploySite(props.webDistPath ?? DEFAULT_WEB_DIST);
  }

  /** `https://host` the browser sees. */
  get siteOrigin(): string {
    return `https://${this.distribution.domainName}`;
  }

  private deploySite(distPath: string): boolean {
    if (!existsSync(`${distPath}/index.html`)) {
      Annotations.of(this).addWarningV2(
        'ees:web-dist-missing',
        `${distPath}/index.html not found: the SPA is not deployed by this synth. Build it first (web/dist).`,
      );
      return false;
    }
    // Hashed assets are immutable; index.html must be revalidated so a deploy shows up at once.
    new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(distPath, { exclude: ['index.html'] })],
      destinationBucket: this.bucket,
      exclude: ['index.html'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    new BucketDeployment(this, 'DeployIndex', {
      sources: [Source.asset(distPath, { exclude: ['*', '!index.html'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/index.html'],
      memoryLimit: 512,
    });
    return true;
  }

  private acknowledgeFindings(stage: StageConfig): void {
    const acknowledgments = [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: employers, accountants and employees may connect from abroad or from overseas territories; abuse is handled by the WAF (IP reputation, per-IP rate rules) and API throttling.',
      },
      ...(stage.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose minimum TLS cannot be raised; with a stage domain TLSv1.2_2021 is set.',
            },
          ]),
    ];
    Validations.of(this.distribution).acknowledge(...acknowledgments);
  }
}
