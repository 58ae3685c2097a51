/**
 * The data API's HTTP endpoint at /graphql: one handler (graphql-http.ts), reached two ways that answer
 * identically — by the HTTP entry's fast path for `POST /graphql` (common/http-entry.ts), and by Express
 * for the rest (GET: explorer page and GET queries; the `/graphql/` spellings; every request while the
 * fast path is off). DataApiModule starts Apollo and hands the handler over with `serve()`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { RequestHandler } from 'express';
import type { FastRoute } from '../common/http-entry.js';
import { HttpRequestError, sendGraphQLError, type GraphQLHttpHandler } from './graphql-http.js';

export const DATA_API_PATH = '/graphql';

@Injectable()
export class DataApiEndpoint {
  private handler?: GraphQLHttpHandler;

  /** Express middleware form, mounted at DATA_API_PATH by DataApiModule. */
  readonly expressHandler: RequestHandler = (req, res, next) => {
    this.handle(req, res).catch(next);
  };

  serve(handler: GraphQLHttpHandler): void {
    this.handler = handler;
  }

  ready(): boolean {
    return this.handler !== undefined;
  }

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.handler) return this.handler(req, res);
    sendGraphQLError(res, new HttpRequestError(503, 'SERVICE_UNAVAILABLE', 'The data API is starting; try again shortly.'));
    return Promise.resolve();
  }

  /** POST /graphql as a fast route of the HTTP entry (skips Express). */
  fastRoute(): FastRoute {
    return {
      name: `POST ${DATA_API_PATH}`,
      method: 'POST',
      path: DATA_API_PATH,
      expressHandler: this.expressHandler,
      ready: () => this.ready(),
      handle: (req, res) => this.handle(req, res),
    };
  }
}
