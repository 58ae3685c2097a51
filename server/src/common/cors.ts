/**
 * CORS: by default none (the studio and the APIs share one origin). Origins listed in TRELLIS_CORS_ORIGINS
 * may call the APIs from a browser, with credentials; their preflights are answered here. A preflight
 * from any other origin gets an answer without CORS headers, which the browser treats as a refusal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHook } from './http-hooks.js';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name';

export function corsHook(allowedOrigins: readonly string[]): HttpHook {
  const allowed = new Set(allowedOrigins);
  return {
    name: 'CORS',
    handle(req: IncomingMessage, res: ServerResponse) {
      const origin = req.headers.origin;
      if (origin === undefined) return 'continue';
      const ok = allowed.has(origin);
      if (ok) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
      res.setHeader('Vary', 'Origin');
      if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return 'continue';
      if (ok) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.writeHead(204, { 'content-length': '0' });
      res.end();
      return 'handled';
    },
  };
}
