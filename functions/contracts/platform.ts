import { z } from 'zod';

export const dependencyNames = ['dynamodb', 's3', 'ses', 'cognito', 'sms'] as const;
export type DependencyName = (typeof dependencyNames)[number];

export const dependencyCheck = z.object({
  ok: z.boolean(),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().optional(),
});

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.record(z.enum(dependencyNames), dependencyCheck),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const devEmail = z.object({
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  at: z.string(),
});
export const devSms = z.object({ to: z.string(), text: z.string(), at: z.string() });

export const devMessagesResponse = z.object({
  emails: z.array(devEmail),
  sms: z.array(devSms),
});
export type DevMessagesResponse = z.infer<typeof devMessagesResponse>;

/** OpenAPI is a JSON document; we only promise its top-level shape. */
export const openApiDocumentResponse = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
