/**
 * Serves the studio's built files at `/`, with SPA fallback to index.html for client routes
 * (never for the APIs: /graphql, /metadata, /health, /auth, /hooks).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { transparentToFastRoutes } from './http-entry.js';

const API_PREFIXES = ['/graphql', '/metadata', '/health', '/auth', '/hooks'];

/** studio/dist, relative to this package (works from src/ under jest and from dist/ at runtime). */
export function defaultStudioDir(): string {
  return fileURLToPath(new URL('../../../studio/dist', import.meta.url));
}

const isApiPath = (url: string): boolean => API_PREFIXES.some((p) => url === p || url.startsWith(p + '/') || url.startsWith(p + '?'));

export function serveStudio(app: Express, studioDir: string): void {
  const index = path.join(studioDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req: Request, res: Response) => {
      res
        .type('html')
        .send('<!doctype html><title>Trellis</title><p>The studio is not built. Run <code>npm run build</code> at the repository root.</p>');
    });
    return;
  }
  // Both only answer GET and HEAD: transparent to the HTTP entry's fast path (POST /graphql).
  app.use(transparentToFastRoutes(express.static(studioDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml })));
  app.use(
    transparentToFastRoutes((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    }),
  );
}

function noCacheForHtml(res: Response, filePath: string): void {
  // index.html must be revalidated (it names the hashed assets of the current build); assets are immutable.
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
