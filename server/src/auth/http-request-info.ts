/**
 * What the HTTP layer knows about a request's client: its IP, whether it came over https, the origin it
 * was addressed to. Forwarded headers count only with TRELLIS_TRUST_PROXY=1 (else anyone could forge them).
 */
import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from './sessions.service.js';

export function clientIp(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = header(req, 'x-forwarded-for');
    if (forwarded) return forwarded.split(',')[0]!.trim();
  }
  return req.socket.remoteAddress ?? null;
}

export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && header(req, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** `https://host:port` as the client addressed this server (for links in mails, the CSRF origin check). */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): string {
  const host = (trustProxy ? header(req, 'x-forwarded-host')?.split(',')[0]?.trim() : undefined) ?? header(req, 'host') ?? 'localhost';
  return `${isHttps(req, trustProxy) ? 'https' : 'http'}://${host}`;
}

/** The origin links in mails point to: TRELLIS_PUBLIC_URL when set, else the request's own origin. */
export function linkOrigin(req: IncomingMessage, config: { publicUrl: string | null; trustProxy: boolean }): string {
  return config.publicUrl ?? requestOrigin(req, config.trustProxy);
}

export function clientInfo(req: IncomingMessage, trustProxy: boolean): ClientInfo {
  return { ip: clientIp(req, trustProxy), userAgent: header(req, 'user-agent') ?? null };
}

/** The path of a request URL, without its query string. */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
