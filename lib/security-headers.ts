/**
 * Browser security headers of the SPA, as plain data: CloudFront's response headers policy
 * (lib/web.ts) and the local server (bin/local/api-server.ts) apply the same values.
 */
export interface CspOptions {
  /** Origins the browser uploads to directly (the S3 uploads bucket, presigned POST). */
  uploadOrigins: readonly string[];
}

export function contentSecurityPolicy({ uploadOrigins }: CspOptions): string {
  return [
    "default-src 'self'",
    // No 'unsafe-inline' scripts: the SPA ships only bundled files.
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${uploadOrigins.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders({
  contentSecurityPolicy: csp,
  hsts,
}: {
  contentSecurityPolicy: string;
  hsts: boolean;
}): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(hsts ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' } : {}),
  };
}
