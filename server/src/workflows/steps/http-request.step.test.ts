import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { HttpRequestStep } from '@trellis/metadata';
import { TransientStepError } from '../step-executor.js';
import { StepError } from './step-error.js';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let server: Server;
let base: string;
let dealId: string;
const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const SECRET = 'test-secret-of-testflow';

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  dealId = await kit.create('deal', { name: 'Acme', amount: 42 });
  await kit.app.pool.query(`INSERT INTO trellis.workflow_secret (workspace, workflow, secret) VALUES ('main', 'testFlow', $1)`, [SECRET]);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = req.url!;
      if (path === '/slow') return; // never answers
      if (path.startsWith('/status/')) {
        res.writeHead(Number(path.slice(8)), { 'content-type': 'text/plain' }).end(`status body ${'x'.repeat(400)}`);
        return;
      }
      if (path === '/redirect') return void res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
      if (path === '/text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('plain answer');
      if (path === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ blob: 'y'.repeat(400_000) }));
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'x-answer': 'yes' }).end(JSON.stringify({ ok: true, echo: body ? JSON.parse(body) : null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await kit?.close();
});

const call = (rest: Partial<HttpRequestStep>): HttpRequestStep => ({ key: 'hook', type: 'httpRequest', method: 'POST', url: `${base}/hook`, ...rest });
const last = () => received.at(-1)!;

describe('httpRequest', () => {
  it('sends a JSON body from an expression with templated headers, the idempotency key and a signature; returns the parsed answer', async () => {
    const runId = '00000000-0000-4000-8000-0000000000aa';
    const result = await kit.run(
      call({ url: `${base}/hook?deal={{record.id}}`, headers: { 'X-Deal': '{{record.name}}' }, body: { name: { var: 'record.name' }, doubled: { '*': [{ var: 'record.amount' }, 2] } }, sign: true }),
      { entity: 'deal', recordId: dealId, runId },
    );
    const request = last();
    expect(request.url).toBe(`/hook?deal=${dealId}`);
    expect(JSON.parse(request.body)).toEqual({ name: 'Acme', doubled: 84 });
    expect(request.headers).toMatchObject({ 'x-deal': 'Acme', 'idempotency-key': `${runId}:hook`, 'content-type': 'application/json' });
    expect(request.headers['x-trellis-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`);
    expect(result.output).toMatchObject({ status: 201, headers: { 'x-answer': 'yes' }, body: { ok: true, echo: { name: 'Acme', doubled: 84 } } });
    expect(result.input).toMatchObject({ method: 'POST', headers: { 'X-Trellis-Signature': 'sha256=…' }, body: { name: 'Acme', doubled: 84 } });
    expect(result.description).toBe(`Sent POST ${base}/hook?deal=${dealId} (28 bytes of JSON), signed: answered 201`);
  });

  it('returns text answers as text and cuts large ones', async () => {
    const text = await kit.run(call({ method: 'GET', url: `${base}/text`, body: { ignored: true } }), {});
    expect(last()).toMatchObject({ method: 'GET', body: '' });
    expect(text.output).toMatchObject({ status: 200, body: 'plain answer' });
    const big = await kit.run(call({ method: 'GET', url: `${base}/big` }), {});
    expect(typeof (big.output as { body: unknown }).body).toBe('string');
    expect(((big.output as { body: string }).body).length).toBe(256 * 1024);
  });

  it('retries (TransientStepError) on 5xx, 408, 429, timeouts and refused connections', async () => {
    for (const status of [500, 503, 408, 429]) {
      const error = await failure(kit.run(call({ url: `${base}/status/${status}` }), {}));
      expect(error).toBeInstanceOf(TransientStepError);
      expect(error.message).toMatch(new RegExp(`^POST ${base}/status/${status} answered ${status}: status body x+…$`));
    }
    const slow = await failure(kit.run(call({ url: `${base}/slow`, timeoutMs: 200 }), {}));
    expect(slow).toBeInstanceOf(TransientStepError);
    expect(slow.message).toBe(`POST ${base}/slow timed out after 200 ms`);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(kit.run(call({ url: `http://127.0.0.1:${port}/nothing` }), {}));
    expect(refused).toBeInstanceOf(TransientStepError);
    expect(refused.message).toBe(`POST http://127.0.0.1:${port}/nothing failed: ECONNREFUSED`);
  });

  it('stops the run on other 4xx with the status and the start of the answer, and on redirects', async () => {
    const notFound = await failure(kit.run(call({ url: `${base}/status/404` }), {}));
    expect(notFound).toBeInstanceOf(StepError);
    expect(notFound.message).toMatch(/^Step "hook" \(httpRequest\): POST .*\/status\/404 answered 404: status body x{288}… — check the URL/);
    expect(notFound.code).toBe('STEP_HTTP');
    const redirect = await failure(kit.run(call({ url: `${base}/redirect` }), {}));
    expect(redirect.message).toContain('answered 302 (a redirect to https://elsewhere.example/), which is not followed');
  });

  it('sends nothing in a dry run', async () => {
    const count = received.length;
    const result = await kit.run(call({ body: { a: 1 }, sign: true }), { dryRun: true });
    expect(received.length).toBe(count);
    expect(result).toMatchObject({ output: { status: null, headers: {}, body: null }, description: `Would send POST ${base}/hook (7 bytes of JSON), signed` });
  });

  it('explains bad settings', async () => {
    const url = await failure(kit.run(call({ url: '{{record.website}}' }), { entity: 'deal', recordId: dealId }));
    expect(url.message).toBe('Step "hook" (httpRequest, setting "url"): "" is not an absolute URL: give one like https://example.com/hook (placeholders must not leave it blank).');
    const ftp = await failure(kit.run(call({ url: 'ftp://example.com/x' }), {}));
    expect(ftp.message).toContain('only http and https URLs can be called (got ftp:)');
    const timeout = await failure(kit.run(call({ timeoutMs: 120_000 }), {}));
    expect(timeout.message).toContain('setting "timeoutMs"): must be a whole number of milliseconds from 1 to 60000 (got 120000).');
    const header = await failure(kit.run(call({ headers: { 'Idempotency-Key': 'mine' } }), {}));
    expect(header.message).toContain('is set by Trellis itself');
    const unsigned = await failure(kit.run(call({ sign: true }), { workflowName: 'otherFlow' }));
    expect(unsigned.message).toContain('setting "sign"): the workflow "otherFlow" has no secret to sign with yet');
  });

  it('gives up when the run is stopped (retried later)', async () => {
    const controller = new AbortController();
    const pending = kit.run(call({ url: `${base}/slow`, timeoutMs: 30_000 }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await failure(pending);
    expect(error).toBeInstanceOf(TransientStepError);
    expect(error.message).toContain('was interrupted');
  });
});
