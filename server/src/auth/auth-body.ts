/**
 * Body parsing for /auth: JSON only, at most 16 KB (credentials are small; a large body is an attack),
 * and parse errors answered in the /auth error format rather than Express's HTML page.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { AuthError } from './auth-error.js';

export const AUTH_BODY_LIMIT = '16kb';

export function authBodyParser(): RequestHandler {
  return express.json({ limit: AUTH_BODY_LIMIT });
}

export const authBodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const answer =
    error.type === 'entity.too.large'
      ? new AuthError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${AUTH_BODY_LIMIT}.`)
      : new AuthError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  res.status(answer.status).json(answer.toJSON());
};
