/**
 * The data API's HTTP handler on a bare node:http server with a tiny Apollo schema: body rules (limit,
 * malformed JSON, charsets, compression) answered GraphQL-style, and what it leaves to Apollo.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { graphqlHttpHandler } from './graphql-http.js';

interface Context {
  agent: string;
}

let apollo: ApolloServer<Context>;
let server: http.Server;
let url: string;

beforeAll(async () => {
  apollo = new ApolloServer<Context>({
    typeDefs: 'type Query { hello(name: String): String!  agent: String }',
    resolvers: { Query: { hello: (_: unknown, { name }: { name?: string }) => `hello ${name ?? 'world'}`, agent: (_: unknown, __: unknown, ctx: Context) => ctx.agent } },
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const handler = graphqlHttpHandler(apollo, { context: async (req) => ({ agent: String(req.headers['user-agent']) }), bodyLimit: 1024 });
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await apollo?.stop();
});

const JSON_TYPE = { 'content-type': 'application/json' };

async function post(body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Record<string, unknown> };
}

describe('graphqlHttpHandler', () => {
  it('answers a POSTed operation with variables, with the context built from the request', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'user-agent': 'jest-agent' },
      body: JSON.stringify({ query: 'query($n: String) { hello(name: $n) agent }', variables: { n: 'Ann' } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ data: { hello: 'hello Ann', agent: 'jest-agent' } });
  });

  it('answers malformed JSON with 400 and a GraphQL-style error', async () => {
    const { status, type, json } = await post('{"query": "{ hello }"');
    expect(status).toBe(400);
    expect(type).toBe('application/json; charset=utf-8');
    expect(json).toEqual({ errors: [{ message: expect.stringMatching(/^Malformed JSON in request body: /), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a JSON body that is not an object or array', async () => {
    const { status, json } = await post('"{ hello }"');
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ message: expect.stringContaining('must be a JSON object'), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a body over the limit with 413, whether announced by content-length or streamed', async () => {
    const big = JSON.stringify({ query: '{ hello }', variables: { pad: 'x'.repeat(2000) } });
    const announced = await post(big);
    expect(announced.status).toBe(413);
    expect(announced.json).toEqual({ errors: [{ message: expect.stringContaining('larger than the limit'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    // Chunked (no content-length): detected while reading.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
        controller.close();
      },
    });
    const streamed = await fetch(url, { method: 'POST', headers: JSON_TYPE, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    // The connection stays usable.
    expect((await post(JSON.stringify({ query: '{ hello }' }))).json).toEqual({ data: { hello: 'hello world' } });
  });

  it('reads gzip-compressed bodies and refuses unknown encodings and charsets with 415', async () => {
    const gz = await post(gzipSync(JSON.stringify({ query: '{ hello }' })), { ...JSON_TYPE, 'content-encoding': 'gzip' });
    expect(gz.json).toEqual({ data: { hello: 'hello world' } });
    const unknown = await post('{}', { ...JSON_TYPE, 'content-encoding': 'snappy' });
    expect(unknown.status).toBe(415);
    expect(unknown.json['errors']).toEqual([expect.objectContaining({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } })]);
    const latin1 = await post('{"query":"{ hello }"}', { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
  });

  it('leaves non-JSON bodies to Apollo (CSRF protection for text/plain, missing body)', async () => {
    const plain = await post(JSON.stringify({ query: '{ hello }' }), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400);
    expect(JSON.stringify(plain.json)).toContain('Cross-Site Request Forgery');
    const empty = await post('', JSON_TYPE);
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).toContain('POST body missing');
  });

  it('serves GET queries (with the CSRF preflight header) from the query string', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ hello(name: "GET") }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: 'hello GET' } });
  });
});
