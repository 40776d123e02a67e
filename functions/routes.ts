/**
 * THE route table: plain data, nothing else. It drives the local API server (bin/local),
 * the CDK API (one Lambda per entry, grants from `permissions`), the OpenAPI document
 * (operationId = id) and the authorization matrix test. Adding a route is one entry here
 * plus its handler file (and its contract in contracts/route-contracts.ts).
 */

/** Who may call a route. Checked by the runtime before the handler body runs. */
export type Access =
  /** Anyone, no session (login, activation, health). */
  | 'public'
  /** A valid session. */
  | 'authenticated'
  /** A valid session and an active membership of the `{companyId}` in the path. */
  | 'companyMember'
  /** As companyMember, with the Administrateur profile on that company. */
  | 'companyAdmin'
  /** An employee's single-purpose BIA link token, no account. */
  | 'employeeLink'
  /** The insurer's back office. */
  | 'insurer';

/** What a route's Lambda may touch; the CDK stack turns each into a least-privilege grant. */
export type Permission =
  | 'table:read'
  | 'table:write'
  | 'uploads:read'
  | 'uploads:write'
  | 'documents:read'
  | 'generated:read'
  | 'generated:write'
  | 'inbound:read'
  | 'cognito:auth'
  | 'cognito:admin'
  | 'ses:send'
  | 'sns:publish'
  /** Read-only probes of every dependency, for the health route. */
  | 'health:probe';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below API_BASE_PATH, with API Gateway `{param}` placeholders. */
  readonly path: string;
  /** Handler module, relative to functions/, exporting `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly permissions: readonly Permission[];
  readonly summary: string;
  readonly tag: string;
  /** Exists only on the local stack (never deployed). */
  readonly localOnly?: boolean;
}

/** CloudFront sends `/api/*` to the API; the API routes carry the prefix too. */
export const API_BASE_PATH = '/api';

export const routes = [
  {
    id: 'getHealth',
    method: 'GET',
    path: '/health',
    handler: 'handlers/get-health.ts',
    access: 'public',
    permissions: ['health:probe'],
    summary: "État de chaque dépendance (DynamoDB, S3, SES, Cognito, SMS) ; 503 si l'une est indisponible.",
    tag: 'Plateforme',
  },
  {
    id: 'getOpenApiDocument',
    method: 'GET',
    path: '/openapi.json',
    handler: 'handlers/get-openapi-document.ts',
    access: 'public',
    permissions: [],
    summary: "Le document OpenAPI 3.1 de l'API, généré depuis la table des routes et les contrats.",
    tag: 'Plateforme',
  },
  {
    id: 'listDevMessages',
    method: 'GET',
    path: '/_dev/messages',
    handler: 'handlers/list-dev-messages.ts',
    access: 'public',
    permissions: [],
    summary: 'Local uniquement : e-mails et SMS envoyés par le système, du plus récent au plus ancien.',
    tag: 'Plateforme',
    localOnly: true,
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];

const routesById = new Map<string, RouteDefinition>(routes.map((route) => [route.id, route]));

export function routeById(id: RouteId): RouteDefinition {
  const route = routesById.get(id);
  if (!route) throw new Error(`Unknown route id ${id}`);
  return route;
}

export const fullPath = (route: RouteDefinition): string => `${API_BASE_PATH}${route.path}`;

/** Routes that exist in a deployed stage (everything but the local-only tools). */
export const deployedRoutes = (): RouteDefinition[] =>
  (routes as readonly RouteDefinition[]).filter((route) => !route.localOnly);
