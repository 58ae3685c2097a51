/**
 * Inbound webhooks: POST /hooks/workflows/<name>/<secret> with a JSON object body (≤ 1 MB) starts the
 * workflow with the body as `trigger.payload` and answers 202 `{ "runId" }`. An unknown or inactive
 * workflow and a wrong secret get the same 404, so the URL space reveals nothing. No session or CSRF
 * check applies (the secret is the credential); an `Idempotency-Key` header makes re-sends start one run.
 * Limits: each URL takes `webhookRateLimit` requests a minute; a wrong URL is a failed credential of the sender's IP
 * (the /auth per-IP bucket), so guessing secrets is stopped with 429 like guessing passwords.
 */
import { Body, Controller, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AUTH_CONFIG } from '../auth/auth-clock.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { clientIp } from '../auth/http-request-info.js';
import { RateLimits } from '../auth/rate-limits.js';
import { TokenBuckets } from '../common/rate-limit.js';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorCode } from '../common/errors.js';
import { DEFAULT_WORKSPACE } from '../common/request-context.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';
import { WorkflowStartsService } from './workflow-starts.service.js';

export const WEBHOOK_PATH = '/hooks';
export const WEBHOOK_BODY_LIMIT = '1mb';

@Controller('hooks/workflows')
export class WorkflowWebhookController {
  /** Per webhook URL (name and secret: a wrong secret cannot use up the real URL's budget). */
  private readonly perUrl: TokenBuckets;

  constructor(
    private readonly starts: WorkflowStartsService,
    private readonly limits: RateLimits,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {
    this.perUrl = new TokenBuckets(options.webhookRateLimit, () => options.clock().getTime());
  }

  @Post(':name/:secret')
  async receive(
    @Param('name') name: string,
    @Param('secret') secret: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const ip = clientIp(req, this.authConfig.trustProxy) ?? 'unknown';
    const guessing = this.limits.perIpAuth.wait(ip);
    if (guessing > 0) return tooMany(res, guessing, `Too many requests to wrong webhook URLs from this address: try again in ${guessing} s.`);
    const busy = this.perUrl.take(`${name}/${secret}`);
    if (busy > 0) return tooMany(res, busy, `This webhook accepts at most ${this.options.webhookRateLimit} requests a minute: try again in ${busy} s.`);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      answer(res, 400, { error: { code: 'BAD_REQUEST', message: 'Send a JSON object as the body, with Content-Type: application/json.' } });
      return;
    }
    const key = idempotencyKey?.trim().slice(0, 200) || undefined;
    try {
      const runId = await this.starts.receiveWebhook(DEFAULT_WORKSPACE, name, secret, body, key);
      if (!runId) {
        this.limits.perIpAuth.take(ip); // a wrong URL is a failed credential
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

function tooMany(res: Response, retryAfterSeconds: number, message: string): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  answer(res, 429, { error: { code: 'RATE_LIMITED', message } });
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
