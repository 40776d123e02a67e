import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy, securityHeaders } from '../lib/security-headers';

/**
 * The SPA as CloudFront serves it: the local server's static files (same security headers,
 * same cache headers, same index.html fallback) plus gzip when the browser accepts it —
 * CDK's Distribution compresses by default and the site behaviour's CachingOptimized policy
 * accepts gzip and brotli. Plugged into the local API server as its `web.middleware`.
 */
type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

export function compressedStatic(distDir: string, uploadOrigins: string[]): ConnectMiddleware {
  const root = resolve(distDir);
  const gzipped = new Map<string, Buffer>();
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requested = normalize(join(root, decodeURIComponent(url.pathname)));
    let file = requested.startsWith(root) ? requested : join(root, 'index.html');
    const info = await stat(file).catch(() => undefined);
    if (!info || info.isDirectory()) file = join(root, 'index.html');
    const content = await readFile(file).catch(() => undefined);
    if (!content) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('SPA not built');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const compress =
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
      COMPRESSIBLE.test(type) &&
      content.length > 1024;
    let body: Buffer = content;
    if (compress) {
      body = gzipped.get(file) ?? gzipSync(content, { level: 6 });
      gzipped.set(file, body);
    }
    res.writeHead(200, {
      ...securityHeaders({ contentSecurityPolicy: contentSecurityPolicy({ uploadOrigins }), hsts: false }),
      'content-type': type,
      'cache-control': file.includes(join(root, 'assets'))
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'content-length': String(body.length),
      ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  };
}
