import { z } from 'zod';
import { API_BASE_PATH, routes, type RouteDefinition } from '../routes';
import { routeContracts } from '../contracts/route-contracts';
import { errorBody } from '../contracts/common';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const objectProperties = (schema: z.ZodType | undefined): [string, JsonSchema, boolean][] => {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => [
    name,
    property,
    (json.required ?? []).includes(name),
  ]);
};

const errorStatuses = (route: RouteDefinition): string[] => {
  const statuses = ['400', '429', '500'];
  if (route.access !== 'public') statuses.push('401', '403');
  if (route.method !== 'GET') statuses.push('409', '415', '422');
  return statuses.sort();
};

/** OpenAPI 3.1 document of the API, built from the route table and the zod contracts. */
export function buildOpenApiDocument({ includeLocalOnly }: { includeLocalOnly: boolean }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDefinition[]) {
    if (route.localOnly && !includeLocalOnly) continue;
    const contract = routeContracts[route.id as keyof typeof routeContracts];
    const parameters = [
      ...objectProperties(contract.params).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema,
      })),
      ...objectProperties(contract.query).map(([name, schema, required]) => ({
        name,
        in: 'query',
        required,
        schema,
      })),
    ];
    const fullPath = `${API_BASE_PATH}${route.path}`;
    paths[fullPath] ??= {};
    paths[fullPath]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      'x-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(contract.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(contract.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(contract.successStatus ?? 200)]: {
          description: 'Succès',
          content: { 'application/json': { schema: toSchema(contract.response, 'output') } },
        },
        ...Object.fromEntries(
          errorStatuses(route).map((status) => [status, { $ref: '#/components/responses/Error' }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Espace Entreprise Santé — API',
      version: '1.0.0',
      description:
        "API de l'Espace Entreprise Santé. Les appels authentifiés utilisent le cookie de session ; " +
        'les appels qui modifient des données exigent l’en-tête X-EES-Request: 1.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: toSchema(errorBody, 'output') },
      responses: {
        Error: {
          description: 'Erreur, avec un code stable et un message en français.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: '__Host-ees-session' },
      },
    },
    security: [{ session: [] }],
  };
}
