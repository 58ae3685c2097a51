import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { AuthError } from './auth-error.js';

/** Answers /auth errors as `{ error: { code, message, … } }`; unexpected ones are logged and answered without details. */
@Catch()
export class AuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Auth');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let error: AuthError;
    if (exception instanceof AuthError) error = exception;
    else if (exception instanceof GraphQLError && exception.extensions?.['code'] === 'NOT_FOUND') error = new AuthError(404, 'NOT_FOUND', exception.message);
    else if (exception instanceof HttpException && exception.getStatus() < 500) error = new AuthError(exception.getStatus(), 'BAD_REQUEST', exception.message);
    else {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      error = new AuthError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (error.extra.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.extra.retryAfterSeconds);
    res.status(error.status).set(headers).json(error.toJSON());
  }
}
