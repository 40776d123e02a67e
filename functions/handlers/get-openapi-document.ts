import { httpRoute } from '../runtime/http';
import { buildOpenApiDocument } from '../runtime/openapi';
import { config, isLocalStage } from '../runtime/config';

let cached: Record<string, unknown> | undefined;

export const handler = httpRoute('getOpenApiDocument', {
  run: async () => (cached ??= buildOpenApiDocument({ includeLocalOnly: isLocalStage(config().STAGE) })),
});
