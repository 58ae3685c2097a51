/**
 * A stub /metadata GraphQL server for CLI tests: answers each operation (by the root field name of its query) with
 * a handler's result, and records the requests it got.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  field: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** Returns `data[field]`, or throws `{ message, extensions }` to answer a GraphQL error. */
export type StubHandler = (variables: Record<string, unknown>) => unknown;

export interface StubServer {
  url: string;
  requests: StubRequest[];
  handlers: Record<string, StubHandler>;
  close(): Promise<void>;
}

export class StubGraphQLError {
  constructor(
    readonly message: string,
    readonly extensions: Record<string, unknown>,
  ) {}
}

/** `query X($a: T) { previewMetadata(document: $document) { … } }` → previewMetadata. */
const rootField = (query: string): string => /\{\s*(\w+)/.exec(query)?.[1] ?? '';

export async function startStubServer(handlers: Record<string, StubHandler> = {}): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      const field = rootField(query);
      requests.push({ field, variables, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      const handler = stub.handlers[field];
      if (req.url !== '/metadata' || !handler) {
        res.statusCode = 400;
        res.end(JSON.stringify({ errors: [{ message: `stub has no ${field} on ${req.url}`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
        return;
      }
      try {
        res.end(JSON.stringify({ data: { [field]: handler(variables) } }));
      } catch (error) {
        if (!(error instanceof StubGraphQLError)) throw error;
        res.end(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }], data: null }));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const stub: StubServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    handlers,
    close: () => new Promise((done) => server.close(() => done())),
  };
  return stub;
}
