/**
 * The HTTP server's request listener, in front of Express: runs the cross-cutting hooks (http-hooks.ts) on
 * every request, answers the few "fast routes" itself — today only POST /graphql, the data API's hot
 * path — and hands everything else to Express untouched.
 *
 * Why: even with the data API mounted first and doing its own body parsing, entering Express cost a
 * get-by-id ~40 µs of CPU (of ~300) before our handler ran: the router walk, and Express swapping the
 * prototypes of req/res, which makes Node's own http code polymorphic. See src/bench/README.md.
 *
 * Nothing is silently bypassed: before the first request a fast route could take, the entry walks Express's
 * middleware stack up to the route's own Express mount. Any middleware that would have run for the request
 * and is not declared transparent (`transparentToFastRoutes`) switches the fast route off, with a warning
 * naming it: the route's requests then keep going through Express, slower but complete.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { Express, RequestHandler } from 'express';
import type { HttpHook } from './http-hooks.js';

export interface FastRoute {
  /** Shown in the warning when the route has to go through Express. */
  name: string;
  method: 'GET' | 'POST';
  /** Exact path (a query string is allowed). Other spellings (`/graphql/`, `/GraphQL`) go through Express. */
  path: string;
  /** The same endpoint as mounted on Express (for its other requests): where the stack walk stops. */
  expressHandler: RequestHandler;
  /** False while the route cannot answer yet (its server is starting): requests go to Express meanwhile. */
  ready(): boolean;
  /** Answers the request completely; a rejection is logged and answered with a 500. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

type EntryLogger = Pick<Logger, 'warn' | 'error'>;

export interface HttpEntryOptions {
  hooks: readonly HttpHook[];
  routes: readonly FastRoute[];
  logger?: EntryLogger;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Makes the entry `server`'s request listener in place of `app` (the Express app Nest created it with). */
export function installHttpEntry(server: Server, app: Express, options: HttpEntryOptions): void {
  if (!server.listeners('request').includes(app)) throw new Error('installHttpEntry: the server does not dispatch to this Express app');
  server.removeListener('request', app);
  server.on('request', createHttpEntry(app, options));
}

export function createHttpEntry(app: Express, { hooks, routes, logger = new Logger('HttpEntry') }: HttpEntryOptions): RequestListener {
  const takesFastPath = new Map<FastRoute, boolean>(); // decided once, at the first request the route could take

  const fastRouteFor = (req: IncomingMessage): FastRoute | undefined => {
    for (const route of routes) {
      if (req.method !== route.method || !isPath(req.url, route.path) || !route.ready()) continue;
      let fast = takesFastPath.get(route);
      if (fast === undefined) {
        const bypassed = middlewareBypassedBy(app, route);
        fast = bypassed.length === 0;
        if (!fast) {
          logger.warn(
            `${route.name} goes through Express (slower): these middleware would be skipped by its fast path: ${bypassed.join(', ')}. ` +
              'Put cross-cutting concerns in common/http-hooks.ts, or declare a middleware transparentToFastRoutes().',
          );
        }
        takesFastPath.set(route, fast);
      }
      return fast ? route : undefined;
    }
    return undefined;
  };

  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
    const route = fastRouteFor(req);
    if (route === undefined) return void app(req, res);
    route.handle(req, res).catch((error: unknown) => fail(res, error, logger, route.name));
  };

  if (hooks.length === 0) return dispatch;
  return (req, res) => {
    const handled = runHooks(hooks, req, res, 0);
    if (handled === false) return dispatch(req, res);
    if (handled === true) return;
    handled.then(
      (done) => done || dispatch(req, res),
      (error: unknown) => fail(res, error, logger, 'an HTTP hook'),
    );
  };
}

/** Runs hooks[from…] in order; true once one has answered. Stays synchronous while the hooks are. */
function runHooks(hooks: readonly HttpHook[], req: IncomingMessage, res: ServerResponse, from: number): boolean | Promise<boolean> {
  for (let i = from; i < hooks.length; i++) {
    const result = hooks[i]!.handle(req, res);
    if (result === 'handled') return true;
    if (result !== 'continue') return result.then((r) => r === 'handled' || runHooks(hooks, req, res, i + 1));
  }
  return false;
}

function isPath(url: string | undefined, path: string): boolean {
  return url !== undefined && url.startsWith(path) && (url.length === path.length || url.charCodeAt(path.length) === 63 /* ? */);
}

function fail(res: ServerResponse, error: unknown, logger: EntryLogger, where: string): void {
  logger.error(`Request failed in ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

// ---- which Express middleware a fast route skips -------------------------------------------------------

type Condition = () => boolean;
const transparent = new WeakMap<object, Condition>();

/**
 * Declares that `middleware` does nothing for the requests fast routes take (e.g. a body parser that skips
 * them, static files that only answer GET) — as long as `holds()` — so skipping it bypasses nothing.
 */
export function transparentToFastRoutes<T extends object>(middleware: T, holds: Condition = () => true): T {
  transparent.set(middleware, holds);
  return middleware;
}

/** What Express's router (v2) exposes of a stack entry; `app.router` is public in Express 5, its stack is stable. */
interface RouterLayer {
  name: string;
  handle: object & { length: number };
  route?: { path: string; stack: { name: string }[]; _handlesMethod(method: string): boolean };
  match(path: string): unknown;
}

/**
 * Names of the Express middleware that would run for `route`'s requests before its own Express mount and
 * are not transparent. A route Express does not reach at all is reported too (then the stack is unknown).
 */
export function middlewareBypassedBy(app: Express, route: FastRoute): string[] {
  const stack = (app as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  const bypassed: string[] = [];
  for (const layer of stack) {
    if (layer.handle === route.expressHandler) return bypassed;
    if (layer.handle.length === 4) continue; // error handler: runs only after another middleware failed
    if (!layer.match(route.path)) continue;
    if (layer.route && !layer.route._handlesMethod(route.method.toLowerCase())) continue;
    if (transparent.get(layer.handle)?.() === true) continue;
    bypassed.push(describe(layer, stack.indexOf(layer)));
  }
  return [...bypassed, `(${route.name} is not mounted on Express)`];
}

function describe(layer: RouterLayer, index: number): string {
  if (layer.route) return `route ${layer.route.path} (${layer.route.stack.map((l) => l.name).join(', ')})`;
  return layer.name === '<anonymous>' ? `an anonymous middleware (#${index} in the Express stack)` : layer.name;
}
