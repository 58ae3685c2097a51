/**
 * Builds the Nest application (used by main.ts and by the test helpers): Express, quiet logger,
 * the studio's static files with SPA fallback, shutdown hooks off (the caller owns shutdown).
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LogLevel } from '@nestjs/common';
import { AppModule, type AppOptions } from '../app.module.js';
import { defaultStudioDir, serveStudio } from './studio-static.js';

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
  // GraphQL documents can be large (a metadata document with many entities).
  app.useBodyParser('json', { limit: '10mb' });
  app.disable('x-powered-by');
  serveStudio(app.getHttpAdapter().getInstance(), options.studioDir ?? defaultStudioDir());
  return app;
}
