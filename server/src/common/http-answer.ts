/** Answers written by HTTP hooks on plain Node responses (no Express helpers on the fast path). */
import type { ServerResponse } from 'node:http';

export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** `{ errors: [{ message, extensions: { code, ...extra } }] }`: how /graphql and /metadata clients expect errors. */
export function answerGraphQLError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  answerJson(res, status, { errors: [{ message, extensions: { code, ...extra } }] }, headers);
}

/** GraphQL endpoints answer GraphQL-style errors; the rest (/auth) `{ error: { code, message } }`. */
export function isGraphQLPath(path: string): boolean {
  return path === '/graphql' || path.startsWith('/graphql/') || path === '/metadata' || path.startsWith('/metadata/');
}

export function answerError(res: ServerResponse, path: string, status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  const q = path.indexOf('?');
  if (isGraphQLPath((q === -1 ? path : path.slice(0, q)).toLowerCase())) answerGraphQLError(res, status, code, message, extra, headers);
  else answerJson(res, status, { error: { code, message, ...extra } }, headers);
}
