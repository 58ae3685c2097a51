import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransientActionError, type PluginActionContext } from '@trellis/plugin-sdk';
import { webhookWithRetry } from './webhook.js';

let server: Server;
let url: string;
const received: Array<{ method?: string; key?: string | string[]; body: string }> = [];
let answers: Array<[number, string]> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, key: req.headers['idempotency-key'], body });
      const [status, text] = answers.shift() ?? [200, '{"ok":true}'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ctx = (): PluginActionContext => ({
  workspace: 'default', workflow: 'notify', stepKey: 'call', runId: 'run-1', idempotencyKey: 'run-1:call', attempt: 1,
  entity: null, record: null, signal: new AbortController().signal,
});

describe('webhookWithRetry', () => {
  it('sends JSON with the idempotency key and returns the answer', async () => {
    received.length = 0;
    answers = [[201, '{"id":7}']];
    await expect(webhookWithRetry.run({ url, body: { a: 1 } }, ctx())).resolves.toEqual({ status: 201, body: { id: 7 } });
    expect(received).toEqual([{ method: 'POST', key: 'run-1:call', body: '{"a":1}' }]);
  });

  it('throws TransientActionError (retried by the engine) on 5xx, 429 and unreachable hosts', async () => {
    answers = [[503, ''], [429, '']];
    await expect(webhookWithRetry.run({ url }, ctx())).rejects.toBeInstanceOf(TransientActionError);
    await expect(webhookWithRetry.run({ url }, ctx())).rejects.toBeInstanceOf(TransientActionError);
    await expect(webhookWithRetry.run({ url: 'http://127.0.0.1:1/nothing' }, ctx())).rejects.toBeInstanceOf(TransientActionError);
  });

  it('stops the run on another non-2xx answer', async () => {
    answers = [[400, 'bad input']];
    const error = await Promise.resolve(webhookWithRetry.run({ url, method: 'PUT' }, ctx())).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TransientActionError);
    expect((error as Error).message).toBe(`webhook ${url} answered 400: bad input`);
  });
});
