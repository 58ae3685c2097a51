/**
 * httpRequest: an outbound call (method, URL and header templates, a JSON body built from a JSON template whose
 * expressions are evaluated — json-template.ts), sent with
 * `Idempotency-Key: <runId>:<stepKey>` so the receiver can recognise a retry, and optionally signed
 * (`X-Trellis-Signature: sha256=<hex HMAC of the body>` with the workflow's secret). A timeout, a network
 * error, 408, 429 or 5xx is retried by the engine; another 4xx (or a redirect, not followed: it would carry
 * the signature elsewhere) stops the run with the status and the start of the answer. The response — status,
 * headers, body (parsed when JSON) — is the step's output for later steps.
 */
import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { HttpRequestStep } from '@trellis/metadata';
import type { Queryable } from '../../records/record.service.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { TransientStepError, withStepInput } from '../step-executor.js';
import { StepError } from './step-error.js';
import { evaluateTemplateSetting, renderSetting } from './step-values.js';
import { readCapped } from './read-capped.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 60_000;
/** Response bodies kept as output (and so in the run history) up to this size. */
export const MAX_RESPONSE_BYTES = 256 * 1024;
const EXCERPT = 300;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface HttpResponseOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

@Injectable()
export class HttpRequestStepExecutor implements StepExecutor<HttpRequestStep> {
  readonly type = 'httpRequest' as const;
  readonly external = true;

  async execute(execution: StepExecution<HttpRequestStep>): Promise<StepResult> {
    const { step } = execution;
    const method = (step.method ?? 'POST').toUpperCase();
    if (!METHODS.has(method)) throw new StepError(step, `unknown method "${step.method}": use GET, POST, PUT, PATCH or DELETE.`, { field: 'method', code: 'STEP_CONFIG' });
    const url = parseUrl(execution);
    const timeoutMs = step.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new StepError(step, `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (got ${timeoutMs}).`, { field: 'timeoutMs', code: 'STEP_CONFIG' });
    }
    const headers = renderHeaders(execution);
    let body: string | undefined;
    if (step.body !== undefined && method !== 'GET') {
      body = JSON.stringify(evaluateTemplateSetting(execution, 'body', step.body) ?? null);
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
    headers['Idempotency-Key'] = execution.idempotencyKey;
    if (step.sign) headers['X-Trellis-Signature'] = `sha256=${createHmac('sha256', await workflowSecret(execution)).update(body ?? '').digest('hex')}`;
    const shownHeaders = { ...headers, ...(headers['X-Trellis-Signature'] ? { 'X-Trellis-Signature': 'sha256=…' } : {}) };
    const input = { method, url: url.href, headers: shownHeaders, body: body === undefined ? null : (JSON.parse(body) as unknown), timeoutMs };
    const what = `${method} ${url.href}${body !== undefined ? ` (${Buffer.byteLength(body)} bytes of JSON)` : ''}${step.sign ? ', signed' : ''}`;
    if (execution.dryRun) return { input, output: { status: null, headers: {}, body: null }, description: `Would send ${what}` };
    const response = await withStepInput(input, () => send(execution, url, { method, headers, body, timeoutMs }));
    return { input, output: response, description: `Sent ${what}: answered ${response.status}` };
  }
}

function parseUrl(execution: StepExecution<HttpRequestStep>): URL {
  const { step } = execution;
  const text = renderSetting(execution, step.url).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StepError(step, `"${text}" is not an absolute URL: give one like https://example.com/hook (placeholders must not leave it blank).`, { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StepError(step, `only http and https URLs can be called (got ${url.protocol}).`, { field: 'url' });
  return url;
}

function renderHeaders(execution: StepExecution<HttpRequestStep>): Record<string, string> {
  const { step } = execution;
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(step.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new StepError(step, `"${name}" is not a valid header name.`, { field: `headers.${name}`, code: 'STEP_CONFIG' });
    const lower = name.toLowerCase();
    if (lower === 'idempotency-key' || lower === 'x-trellis-signature') {
      throw new StepError(step, `"${name}" is set by Trellis itself: remove it from the headers.`, { field: `headers.${name}`, code: 'STEP_CONFIG' });
    }
    headers[name] = renderSetting(execution, template).replace(/[\r\n]+/g, ' ');
  }
  return headers;
}

const hasHeader = (headers: Record<string, string>, name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);

/** The workflow's signing secret (the same one its webhook URL carries; created by the workflows module). */
async function workflowSecret(execution: StepExecution<HttpRequestStep>): Promise<string> {
  const client: Queryable = execution.client;
  const { rows } = await client.query(`SELECT secret FROM "trellis"."workflow_secret" WHERE workspace = $1 AND workflow = $2`, [execution.actor.workspace, execution.workflowName]);
  const secret = rows[0]?.secret as string | undefined;
  if (!secret) {
    throw new StepError(execution.step, `the workflow "${execution.workflowName}" has no secret to sign with yet: create one in the workflow's Webhook panel (rotate secret), or turn signing off.`, {
      field: 'sign',
    });
  }
  return secret;
}

async function send(
  execution: StepExecution<HttpRequestStep>,
  url: URL,
  request: { method: string; headers: Record<string, string>; body: string | undefined; timeoutMs: number },
): Promise<HttpResponseOutput> {
  const { step } = execution;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let text: string;
  let truncated: boolean;
  try {
    response = await fetch(url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.any([timeout, execution.signal]) });
    ({ text, truncated } = await readCapped(response, MAX_RESPONSE_BYTES));
  } catch (error) {
    if (execution.signal.aborted) throw new TransientStepError(`${request.method} ${url.href} was interrupted (the run was stopped); it will be retried.`, { cause: error });
    if (timeout.aborted) throw new TransientStepError(`${request.method} ${url.href} timed out after ${request.timeoutMs} ms`, { cause: error });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new TransientStepError(`${request.method} ${url.href} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { cause: error });
  }
  const status = response.status;
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  if (status === 408 || status === 429 || status >= 500) {
    throw new TransientStepError(`${request.method} ${url.href} answered ${status}${excerpt ? `: ${excerpt}` : ''}`);
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    throw new StepError(step, `${url.href} answered ${status} (a redirect${location ? ` to ${location}` : ''}), which is not followed: call the final URL directly.`, { field: 'url', code: 'STEP_HTTP' });
  }
  if (status >= 400) {
    throw new StepError(step, `${request.method} ${url.href} answered ${status}${excerpt ? `: ${excerpt}` : ''} — check the URL, headers and body the receiver expects.`, { code: 'STEP_HTTP' });
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status, headers, body: parseBody(text, truncated, response.headers.get('content-type')) };
}

/** JSON when the answer says so and is complete; else the text (cut at the size limit). */
function parseBody(text: string, truncated: boolean, contentType: string | null): unknown {
  if (text === '') return null;
  if (!truncated && contentType && /[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
