/**
 * The HTTP entry in front of a bare Express app: which requests take the fast route, hooks on every
 * request, and the guard that sends the fast route back through Express rather than skip a middleware.
 */
import { jest } from '@jest/globals';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type RequestHandler } from 'express';
import { installHttpEntry, middlewareBypassedBy, transparentToFastRoutes, type FastRoute } from './http-entry.js';
import type { HttpHook } from './http-hooks.js';

interface Harness {
  url: string;
  seen: string[];
  logger: { warn: jest.Mock; error: jest.Mock };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/**
 * Express app with `/api` mounted after `before` middleware; a fast route for POST /api that answers
 * 'fast', and Express answering 'express' for /api and 'other' elsewhere. `seen` records who ran.
 */
async function harness(options: { before?: RequestHandler[]; hooks?: HttpHook[]; ready?: () => boolean; fastHandle?: FastRoute['handle'] } = {}): Promise<Harness> {
  const seen: string[] = [];
  const app: Express = express();
  for (const middleware of options.before ?? []) app.use(middleware);
  const expressHandler: RequestHandler = (_req, res) => {
    seen.push('express /api');
    res.send('express');
  };
  app.use('/api', expressHandler);
  app.use((_req, res) => void res.send('other'));
  const route: FastRoute = {
    name: 'POST /api',
    method: 'POST',
    path: '/api',
    expressHandler,
    ready: options.ready ?? (() => true),
    handle:
      options.fastHandle ??
      (async (_req: IncomingMessage, res: ServerResponse) => {
        seen.push('fast /api');
        res.end('fast');
      }),
  };
  const logger = { warn: jest.fn(), error: jest.fn() };
  const server = http.createServer(app);
  servers.push(server);
  installHttpEntry(server, app, { hooks: options.hooks ?? [], routes: [route], logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, logger };
}

const text = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init);
  return `${response.status} ${await response.text()}`;
};

describe('HTTP entry', () => {
  it('answers POST on the exact path itself and hands every other request to Express', async () => {
    const h = await harness();
    expect(await text(`${h.url}/api`, { method: 'POST' })).toBe('200 fast');
    expect(await text(`${h.url}/api?x=1`, { method: 'POST' })).toBe('200 fast');
    expect(await text(`${h.url}/api`)).toBe('200 express');
    expect(await text(`${h.url}/api/`, { method: 'POST' })).toBe('200 express');
    expect(await text(`${h.url}/API`, { method: 'POST' })).toBe('200 express');
    expect(await text(`${h.url}/apix`, { method: 'POST' })).toBe('200 other');
    expect(h.seen).toEqual(['fast /api', 'fast /api', 'express /api', 'express /api', 'express /api']);
    expect(h.logger.warn).not.toHaveBeenCalled();
  });

  it('runs the hooks, in order, on fast and Express requests alike; a hook that answers stops the request', async () => {
    const order: string[] = [];
    const hooks: HttpHook[] = [
      { name: 'log', handle: (req) => (order.push(`log ${req.method} ${req.url}`), 'continue') },
      {
        name: 'auth',
        handle: async (req, res) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (req.headers['authorization'] === 'no') {
            res.writeHead(401).end('denied');
            return 'handled';
          }
          return 'continue';
        },
      },
    ];
    const h = await harness({ hooks });
    expect(await text(`${h.url}/api`, { method: 'POST' })).toBe('200 fast');
    expect(await text(`${h.url}/api`)).toBe('200 express');
    expect(await text(`${h.url}/api`, { method: 'POST', headers: { authorization: 'no' } })).toBe('401 denied');
    expect(await text(`${h.url}/elsewhere`, { headers: { authorization: 'no' } })).toBe('401 denied');
    expect(order).toEqual(['log POST /api', 'log GET /api', 'log POST /api', 'log GET /elsewhere']);
    expect(h.seen).toEqual(['fast /api', 'express /api']);
  });

  it('sends the route through Express, with a warning naming it, when an Express middleware would be skipped', async () => {
    const cors: RequestHandler = function corsMiddleware(_req, res, next) {
      res.setHeader('access-control-allow-origin', '*');
      next();
    };
    const h = await harness({ before: [cors] });
    const response = await fetch(`${h.url}/api`, { method: 'POST' });
    expect(await response.text()).toBe('express');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(h.logger.warn).toHaveBeenCalledTimes(1);
    expect(String(h.logger.warn.mock.calls[0]![0])).toContain('corsMiddleware');
  });

  it('keeps the fast route for middleware declared transparent, as long as their condition holds', async () => {
    let parsesEverything = false;
    const parser = transparentToFastRoutes(
      ((_req, _res, next) => next()) as RequestHandler,
      () => !parsesEverything,
    );
    const transparent = await harness({ before: [parser] });
    expect(await text(`${transparent.url}/api`, { method: 'POST' })).toBe('200 fast');
    parsesEverything = true; // checked at a server's first request the route could take
    const opaque = await harness({ before: [parser] });
    expect(await text(`${opaque.url}/api`, { method: 'POST' })).toBe('200 express');
    expect(opaque.logger.warn).toHaveBeenCalledTimes(1);
  });

  it('reports every skipped middleware, ignoring routes and error handlers that cannot run for the request', () => {
    const app = express();
    const expressHandler: RequestHandler = (_req, res) => void res.end();
    app.get('/api', (_req, res) => void res.end()); // GET only
    app.post('/other', (_req, res) => void res.end()); // another path
    app.use(((_err: unknown, _req: unknown, _res: unknown, next: () => void) => next()) as unknown as RequestHandler); // error handler
    app.post('/api', function auditPost(_req, _res, next) {
      next();
    });
    app.use('/api', expressHandler);
    const route = { name: 'POST /api', method: 'POST', path: '/api', expressHandler } as FastRoute;
    expect(middlewareBypassedBy(app, route)).toEqual(['route /api (auditPost)']);
    expect(middlewareBypassedBy(express(), route)).toEqual(['(POST /api is not mounted on Express)']);
  });

  it('leaves requests to Express while the route is not ready', async () => {
    let ready = false;
    const h = await harness({ ready: () => ready });
    expect(await text(`${h.url}/api`, { method: 'POST' })).toBe('200 express');
    ready = true;
    expect(await text(`${h.url}/api`, { method: 'POST' })).toBe('200 fast');
  });

  it('answers a failing fast route with a logged 500', async () => {
    const h = await harness({ fastHandle: async () => Promise.reject(new Error('boom')) });
    const response = await fetch(`${h.url}/api`, { method: 'POST' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(String(h.logger.error.mock.calls[0]![0])).toContain('boom');
  });
});
