/**
 * Inbound webhooks: POST /hooks/workflows/<name>/<secret> with a JSON object body (≤ 1 MB) starts the
 * workflow with the body as `trigger.payload` and answers 202 `{ "runId" }`. An unknown or inactive
 * workflow and a wrong secret get the same 404, so the URL space reveals nothing. No session or CSRF
 * check applies (the secret is the credential); an `Idempotency-Key` header makes re-sends start one run.
 */
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorCode } from '../common/errors.js';
import { DEFAULT_WORKSPACE } from '../common/request-context.js';
import { WorkflowStartsService } from './workflow-starts.service.js';

export const WEBHOOK_PATH = '/hooks';
export const WEBHOOK_BODY_LIMIT = '1mb';

@Controller('hooks/workflows')
export class WorkflowWebhookController {
  constructor(private readonly starts: WorkflowStartsService) {}

  @Post(':name/:secret')
  async receive(
    @Param('name') name: string,
    @Param('secret') secret: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      answer(res, 400, { error: { code: 'BAD_REQUEST', message: 'Send a JSON object as the body, with Content-Type: application/json.' } });
      return;
    }
    const key = idempotencyKey?.trim().slice(0, 200) || undefined;
    try {
      const runId = await this.starts.receiveWebhook(DEFAULT_WORKSPACE, name, secret, body, key);
      if (!runId) {
        answer(res, 404, { error: { code: 'NOT_FOUND', message: 'No active webhook workflow at this URL (check the workflow name and its secret).' } });
        return;
      }
      answer(res, 202, { runId });
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') answer(res, 422, { error: { code: 'BAD_USER_INPUT', message: (error as Error).message } });
      else throw error;
    }
  }
}

function answer(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader('cache-control', 'no-store').json(body);
}

/** JSON bodies of at most 1 MB under /hooks (mounted before the general parser by create-app). */
export function webhookBodyParser(): RequestHandler {
  return express.json({ limit: WEBHOOK_BODY_LIMIT, strict: true });
}

export const webhookBodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const [status, code, message] =
    error.type === 'entity.too.large'
      ? [413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${WEBHOOK_BODY_LIMIT}.`]
      : [400, 'BAD_REQUEST', 'The request body is not valid JSON.'];
  res.status(status).json({ error: { code, message } });
};
