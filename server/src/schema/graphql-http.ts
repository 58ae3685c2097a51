/**
 * The HTTP side of the data API: one function from a Node request to Apollo's `executeHTTPGraphQLRequest`
 * and back, on plain node:http objects so that it serves both the HTTP entry's fast path and Express.
 * It replaces `express.json()` + `@as-integrations/express5`, which on a get-by-id cost ~60 µs of CPU
 * (body-parser's stream and content-type machinery, Express `res.send` hashing an ETag of every answer);
 * see src/bench/README.md.
 *
 * It reads the body once, with the JSON body parser's rules (10 MB limit, only `application/json` bodies
 * parsed, gzip/deflate/br accepted, UTF-8/16 only), but answers the client's mistakes GraphQL-style:
 * `{ errors: [{ message, extensions: { code } }] }` with 400 (malformed JSON), 413 (too large), 415.
 * Responses carry no ETag (Express added a weak one; nothing used it on POSTs).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';

/** The largest request body accepted (a metadata document with many entities is the big case). */
export const DATA_API_BODY_LIMIT = 10 * 1024 * 1024;

/** A client mistake found before Apollo sees the request: answered with `status` and a GraphQL-style body. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  /** Builds the context of one request (called by Apollo once the request is known to be a GraphQL one). */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Request body limit in bytes (default DATA_API_BODY_LIMIT). */
  bodyLimit?: number;
}

export type GraphQLHttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Answers one HTTP request with `server` (started). The client's mistakes and Apollo's errors become
 * responses; only an unexpected failure rejects (the caller answers 500).
 */
export function graphqlHttpHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphQLHttpOptions<TContext>,
): GraphQLHttpHandler {
  server.assertStarted('graphqlHttpHandler()');
  const limit = options.bodyLimit ?? DATA_API_BODY_LIMIT;
  return async (req, res) => {
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJsonBody(req, limit) : undefined;
    } catch (error) {
      if (!(error instanceof HttpRequestError)) throw error;
      return sendGraphQLError(res, error);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? 'GET',
      headers: headerMapOf(req),
      search: searchOf(req.url),
      body,
    };
    const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req) });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    const type = response.headers.get('content-type');
    if (type !== undefined && !type.includes('charset')) res.setHeader('content-type', `${type}; charset=utf-8`);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** Writes `error` as a GraphQL response: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendGraphQLError(res: ServerResponse, error: HttpRequestError): void {
  const text = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] });
  res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The parsed JSON body, `undefined` when the request carries no `application/json` body (Apollo then says
 * what is wrong: missing body, or a blocked CSRF attempt for text/plain and form types).
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const parsed = (req as { body?: unknown }).body;
  if (parsed !== undefined || req.readableEnded) return parsed; // a body parser in front of us already read it
  if (!hasBody(req) || !isJson(req.headers['content-type'])) {
    req.resume(); // nothing for us in it: let it flow so the connection stays usable
    return undefined;
  }
  const charset = charsetOf(req.headers['content-type']);
  const decode = decoderFor(charset);
  if (decode === undefined) return drainThenReject(req, unsupportedCharset(charset));
  const text = decode(await readBody(req, limit));
  if (text.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpRequestError(400, 'BAD_REQUEST', `Malformed JSON in request body: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null) {
    throw new HttpRequestError(400, 'BAD_REQUEST', 'The request body must be a JSON object (or an array for a batch).');
  }
  return value;
}

/** The raw body, decompressed, at most `limit` bytes (else a 413 once the request has been read off). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = encoding === 'identity' ? Number(req.headers['content-length']) : NaN;
  if (declared > limit) return drainThenReject(req, tooLarge(limit));
  const decompress = decompressorFor(encoding);
  if (decompress === undefined) {
    return drainThenReject(req, new HttpRequestError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content-encoding "${encoding}".`));
  }
  const stream = decompress ? req.pipe(decompress) : req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: HttpRequestError) => {
      if (failed) return;
      failed = true;
      if (decompress) {
        req.unpipe(decompress);
        decompress.destroy();
      }
      drainThenReject(req, error).catch(reject);
    };
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) return fail(tooLarge(limit));
      chunks.push(chunk);
    });
    stream.once('error', () => fail(new HttpRequestError(400, 'BAD_REQUEST', 'The request body could not be read (truncated or badly compressed).')));
    stream.once('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
  });
}

const tooLarge = (limit: number) =>
  new HttpRequestError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${Math.round(limit / 1024 / 1024)} MB.`);

/** Reads off (and discards) the rest of the request so the answer reaches the client, then rejects. */
function drainThenReject(req: IncomingMessage, error: HttpRequestError): Promise<never> {
  return new Promise((_, reject) => {
    if (req.readableEnded || req.destroyed) return reject(error);
    req.on('end', () => reject(error));
    req.on('close', () => reject(error));
    req.resume();
  });
}

function decompressorFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | undefined {
  switch (encoding) {
    case 'identity':
      return null;
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** A body is present when it has a length or is chunked (as type-is decides). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

/** `application/json`, any case, with or without parameters. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase() === 'application/json';
}

function charsetOf(contentType: string | undefined): string {
  const match = contentType && /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match ? match[1]!.toLowerCase() : 'utf-8';
}

const unsupportedCharset = (charset: string) =>
  new HttpRequestError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported charset "${charset.toUpperCase()}": send JSON as UTF-8.`);

/** JSON is UTF-8 (RFC 8259); UTF-16 is still decoded as the JSON body parser used to. */
function decoderFor(charset: string): ((bytes: Buffer) => string) | undefined {
  if (charset === 'utf-8') return (bytes) => bytes.toString('utf8');
  if (charset === 'utf-16' || charset === 'utf-16le' || charset === 'utf-16be') {
    const decoder = new TextDecoder(charset);
    return (bytes) => decoder.decode(bytes);
  }
  return undefined;
}

/** Apollo's view of the request headers (lower-case names; repeated headers joined as Node does). */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The query string with its `?`, or '' (what Apollo expects in `search`). */
function searchOf(url: string | undefined): string {
  const at = url ? url.indexOf('?') : -1;
  return at === -1 ? '' : url!.slice(at);
}
