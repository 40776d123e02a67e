import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { deployedRoutes, fullPath } from '../functions/routes';
import type { GrantableResources } from './permissions';
import { PortalFunction, type RuntimeEnvironment } from './portal-function';
import { resourcePrefix, type StageConfig } from './stages';

export interface ApiProps {
  readonly stage: StageConfig;
  readonly environment: RuntimeEnvironment;
  readonly resources: GrantableResources;
}

/** API Gateway's HTTP integrations give up after 30 s; a route that needs more belongs in a job. */
const ROUTE_TIMEOUT = Duration.seconds(15);

/** The HTTP API: one Lambda per deployed route of functions/routes.ts, nothing written by hand. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** By route id. */
  readonly functions: ReadonlyMap<string, PortalFunction>;

  constructor(scope: Construct, id: string, { stage, environment, resources }: ApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: resourcePrefix(stage.name),
      description: `Espace Entreprise Santé API (${stage.name}), reached through CloudFront only`,
      // Our own stage below, to get access logs and throttling on it.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.apiThrottling,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route key, not path: paths carry company and employee ids we do not need in access logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            error: '$context.error.message',
          }),
        ),
      },
    });

    const functions = new Map<string, PortalFunction>();
    for (const route of deployedRoutes()) {
      const fn = new PortalFunction(this, route.id, {
        stage,
        kind: 'route',
        id: route.id,
        handler: route.handler,
        permissions: route.permissions,
        environment,
        resources,
        timeout: ROUTE_TIMEOUT,
        description: `${route.method} ${fullPath(route)} — ${route.summary}`,
      });
      const httpRoute = new HttpRoute(this, `${route.id}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(fullPath(route), HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function),
      });
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `Access "${route.access}" is enforced in the function by the session middleware: the session is an HttpOnly cookie, which API Gateway authorizers cannot read.`,
      });
      functions.set(route.id, fn);
    }
    this.functions = functions;
  }

  /** The host CloudFront forwards /api/* to (the $default stage answers at the root). */
  get originDomainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}
