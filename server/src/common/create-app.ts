/**
 * Builds the Nest application (used by main.ts and by the test helpers): Express, quiet logger,
 * the studio's static files with SPA fallback, shutdown hooks off (the caller owns shutdown), and the
 * HTTP entry in front of Express (cross-cutting hooks + the data API's fast path, see http-entry.ts).
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LogLevel } from '@nestjs/common';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { AppModule, type AppOptions } from '../app.module.js';
import { DATA_API_PATH, DataApiEndpoint } from '../schema/data-api-endpoint.js';
import { DATA_API_BODY_LIMIT } from '../schema/graphql-http.js';
import { installHttpEntry, transparentToFastRoutes } from './http-entry.js';
import { authBodyErrors, authBodyParser } from '../auth/auth-body.js';
import { httpHooks } from './http-hooks.js';
import { defaultStudioDir, serveStudio } from './studio-static.js';
import { WEBHOOK_PATH, webhookBodyErrors, webhookBodyParser } from '../workflows/webhook.controller.js';

export interface CreateAppOptions extends AppOptions {
  /** Directory of the built studio (default: studio/dist of the repository). */
  studioDir?: string;
  logLevels?: LogLevel[];
}

export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.logLevels ?? ['error', 'warn'],
    bodyParser: false,
    abortOnError: false, // throw instead of exiting, so the caller can stop the embedded Postgres
  });
  const http = app.getHttpAdapter().getInstance();
  declareNestAdapterMiddleware(app, http);
  app.disable('x-powered-by');
  // GraphQL documents can be large (a metadata document with many entities). The data API reads its own
  // body (same limit, GraphQL-style errors): the parser leaves its path alone.
  // Credentials are small: /auth bodies are limited to 16 KB, errors answered in its JSON format.
  http.use('/auth', authBodyParser(), authBodyErrors);
  // Inbound workflow webhooks: JSON up to 1 MB, errors in the same JSON format.
  http.use(WEBHOOK_PATH, webhookBodyParser(), webhookBodyErrors);
  http.use(transparentToFastRoutes(exceptUnder(DATA_API_PATH, express.json({ limit: DATA_API_BODY_LIMIT }))));
  serveStudio(http, options.studioDir ?? defaultStudioDir());
  installHttpEntry(app.getHttpServer(), http, { hooks: httpHooks(app), routes: [app.get(DataApiEndpoint).fastRoute()] });
  return app;
}

/** `middleware`, except for requests under `prefix` (matched as Express mounts paths: any case, whole segments). */
function exceptUnder(prefix: string, middleware: express.RequestHandler): express.RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.path.toLowerCase();
    if (path === prefix || path.startsWith(prefix + '/')) return next();
    return middleware(req, res, next);
  };
}

/**
 * Nest's ExpressAdapter registers one middleware of its own, before ours: it runs the adapter's request /
 * response hooks (`setOnRequestHook`, `setOnResponseHook`), which nothing here sets. Declared transparent
 * to the fast path only while that stays so (and only if it is the one middleware found, else the entry
 * warns about what it does not know).
 */
function declareNestAdapterMiddleware(app: NestExpressApplication, http: Express): void {
  const stack = (http as unknown as { router: { stack: { handle: object }[] } }).router.stack;
  if (stack.length !== 1) return;
  const adapter = app.getHttpAdapter() as unknown as { onRequestHook?: unknown; onResponseHook?: unknown };
  transparentToFastRoutes(stack[0]!.handle, () => adapter.onRequestHook === undefined && adapter.onResponseHook === undefined);
}
