import type { z } from 'zod';
import type { RouteId } from '../routes';
import { devMessagesResponse, healthResponse, openApiDocumentResponse } from './platform';

/**
 * The request and response schemas of every route, by route id. The OpenAPI document is
 * generated from this map and the route table; a test checks that no route is missing.
 */
export interface RouteContract {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Status of a successful answer (200 unless said). */
  readonly successStatus?: number;
}

export const routeContracts: Record<RouteId, RouteContract> = {
  getHealth: { response: healthResponse },
  getOpenApiDocument: { response: openApiDocumentResponse },
  listDevMessages: { response: devMessagesResponse },
};
