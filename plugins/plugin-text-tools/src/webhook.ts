/**
 * `webhookWithRetry`: POSTs (or PUTs) JSON to a URL. Network errors, timeouts, 429 and 5xx throw
 * TransientActionError, so the workflow engine retries the step with backoff; other non-2xx answers stop the run.
 * Every try sends the same `Idempotency-Key` (the step's), so a receiver can drop duplicates.
 */
import { TransientActionError, type PluginAction } from '@trellis/plugin-sdk';

export interface WebhookInput extends Record<string, unknown> {
  url: string;
  method?: 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export const webhookWithRetry: PluginAction<WebhookInput, { status: number; body: unknown }> = {
  label: 'Call a webhook (with retry)',
  description: 'Sends JSON to a URL; retried with backoff on network errors, timeouts, 429 and 5xx.',
  inputSchema: {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string', pattern: '^https?://' },
      method: { type: 'string', enum: ['POST', 'PUT', 'PATCH'] },
      body: {},
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 60000 },
    },
  },
  async run(input, ctx) {
    const timeout = AbortSignal.timeout(input.timeoutMs ?? 10_000);
    let response: Response;
    try {
      response = await fetch(input.url, {
        method: input.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...input.headers, 'idempotency-key': ctx.idempotencyKey },
        body: JSON.stringify(input.body ?? null),
        signal: AbortSignal.any([ctx.signal, timeout]),
      });
    } catch (error) {
      throw new TransientActionError(`webhook ${input.url} could not be reached: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) throw new TransientActionError(`webhook ${input.url} answered ${response.status}`);
    if (!response.ok) throw new Error(`webhook ${input.url} answered ${response.status}: ${text.slice(0, 200)}`);
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: the text
    }
    return { status: response.status, body };
  },
};
