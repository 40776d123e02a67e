import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from './config';

/**
 * The caller's IP. Behind CloudFront the API sees CloudFront's address, so the viewer's
 * comes from `CloudFront-Viewer-Address` ("ip:port", IPv6 in brackets or bare). The local
 * runner in test mode may take X-Forwarded-For so tests can simulate a change of network;
 * deployed stages never trust it (anyone can set it).
 */
export function clientIp(event: APIGatewayProxyEventV2, headers: Record<string, string>): string {
  const viewer = headers['cloudfront-viewer-address'];
  if (viewer) return stripPort(viewer);
  if (config().TRUST_FORWARDED_FOR && headers['x-forwarded-for']) {
    return headers['x-forwarded-for'].split(',')[0]!.trim();
  }
  return event.requestContext?.http?.sourceIp ?? '0.0.0.0';
}

/** CloudFront always appends the port: "1.2.3.4:443", "2001:db8::1:443" or "[2001:db8::1]:443". */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const lastColon = address.lastIndexOf(':');
  return lastColon > 0 ? address.slice(0, lastColon) : address;
}
