import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  type IHttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { deployedRoutes, fullPath, type RouteDefinition } from '../functions/routes';
import { FunctionStack } from './function-stack';
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

/**
 * The HTTP API: one Lambda per deployed route of functions/routes.ts, nothing written by hand.
 * The API, its stage and access logs live in the stage stack; each route (function, role, log
 * group, integration, route, permission) lives in the nested stack of its tag (FunctionStack).
 *
 * A route's tag chooses its stack, so that adding a route never moves another one. Changing the
 * tag of a deployed route moves its function to another stack, which one deploy cannot do (the
 * function's fixed name is taken until the old stack lets go of it): deploy the route's removal
 * first, or keep the tag.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** By route id. */
  readonly functions: ReadonlyMap<string, PortalFunction>;
  /** The nested stack of each route tag, by tag. */
  readonly routeStacks: ReadonlyMap<string, FunctionStack>;

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
    const routeStacks = new Map<string, FunctionStack>();
    for (const [tag, routes] of routesByTag()) {
      const routeStack = new FunctionStack(this, `Routes${pascalCase(tag)}`, {
        description: `Espace Entreprise Santé (${stage.name}): routes « ${tag} »`,
        resources,
      });
      const httpApi = HttpApi.fromHttpApiAttributes(routeStack, 'HttpApi', {
        httpApiId: routeStack.input('HttpApiId', this.httpApi.apiId),
      });
      for (const route of routes) {
        functions.set(route.id, addRoute(routeStack, httpApi, route, { stage, environment }));
      }
      routeStacks.set(tag, routeStack);
    }
    this.functions = functions;
    this.routeStacks = routeStacks;
  }

  /** The host CloudFront forwards /api/* to (the $default stage answers at the root). */
  get originDomainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}

/** Deployed routes grouped by tag, in the order of the route table. */
function routesByTag(): Map<string, RouteDefinition[]> {
  const byTag = new Map<string, RouteDefinition[]>();
  for (const route of deployedRoutes()) byTag.set(route.tag, [...(byTag.get(route.tag) ?? []), route]);
  return byTag;
}

/** `BIA salarié` → `BiaSalarie`: construct ids (and so logical ids) without accents or spaces. */
export function pascalCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => `${word[0]?.toUpperCase()}${word.slice(1).toLowerCase()}`)
    .join('');
}

function addRoute(
  scope: FunctionStack,
  httpApi: IHttpApi,
  route: RouteDefinition,
  { stage, environment }: { stage: StageConfig; environment: RuntimeEnvironment },
): PortalFunction {
  const fn = new PortalFunction(scope, route.id, {
    stage,
    kind: 'route',
    access: route.access,
    id: route.id,
    handler: route.handler,
    permissions: route.permissions,
    environment,
    timeout: ROUTE_TIMEOUT,
    description: `${route.method} ${fullPath(route)} — ${route.summary}`,
  });
  const httpRoute = new HttpRoute(scope, `${route.id}Route`, {
    httpApi,
    routeKey: HttpRouteKey.with(fullPath(route), HttpMethod[route.method]),
    integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function),
  });
  Validations.of(httpRoute).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `Access "${route.access}" is enforced in the function by the session middleware: the session is an HttpOnly cookie, which API Gateway authorizers cannot read.`,
  });
  return fn;
}
