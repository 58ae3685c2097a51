/**
 * Security headers on every response (an HTTP hook, so the data API's fast path gets them too): no MIME
 * sniffing, no framing, same-origin referrers, a Content-Security-Policy that lets the studio load only
 * its own code (Monaco's workers come from blob: URLs), and HSTS when the request came over https.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHook } from './http-hooks.js';

/**
 * 'unsafe-eval': ajv (the studio's record forms and metadata checks) compiles JSON Schemas into functions
 * with `new Function`; schemas come from the metadata, so they cannot be precompiled. Inline and foreign
 * scripts stay forbidden, which is what stops an injected <script>.
 */
export const STUDIO_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";
/** The data API's explorer page (GET /graphql) is one self-contained HTML file with an inline script. */
const EXPLORER_CSP = STUDIO_CSP.replace("script-src 'self' 'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeadersHook(options: { isHttps(req: IncomingMessage): boolean }): HttpHook {
  return {
    name: 'security headers',
    handle(req: IncomingMessage, res: ServerResponse) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Referrer-Policy', 'same-origin');
      res.setHeader('Content-Security-Policy', req.method === 'GET' && isExplorer(req.url) ? EXPLORER_CSP : STUDIO_CSP);
      if (options.isHttps(req)) res.setHeader('Strict-Transport-Security', HSTS);
      return 'continue';
    },
  };
}

function isExplorer(url: string | undefined): boolean {
  return url !== undefined && url.toLowerCase().startsWith('/graphql');
}
