/**
 * The webhook endpoint's own limits: one URL takes `webhookRateLimit` requests a minute (then 429 with Retry-After),
 * and wrong URLs count as failed credentials of the sender's IP, so guessing secrets is stopped like guessing
 * passwords — the right URL from that address then waits too.
 */
import { jest } from '@jest/globals';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { crmWorkflowDocument, fakeStep, fastWorkflowOptions } from './testing/workflow-test-kit.js';

jest.setTimeout(120_000);

let app: TestApp;
let url: string;

beforeAll(async () => {
  const document = crmWorkflowDocument({ inbound: { label: 'Inbound', active: true, trigger: { type: 'webhook' }, steps: [fakeStep('note', 'hook')] } });
  app = await withTestApp(document, { workflows: fastWorkflowOptions({ webhookRateLimit: 3 }), auth: { config: { authRateLimitPerMinute: 4 } } });
  const hook = await app.metadata<{ workflowWebhook: { url: string } }>(`{ workflowWebhook(workflow: "inbound") { url } }`);
  url = hook.data!.workflowWebhook.url;
});

afterAll(async () => {
  await app?.close();
});

const post = (path: string) => app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

describe('webhook limits', () => {
  it('accepts a URL’s requests up to its limit a minute, then answers 429 with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(url)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await post(url);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^This webhook accepts at most 3 requests a minute: try again in \d+ s\.$/),
    });
  });

  it('stops an address that keeps trying wrong URLs, the right URL included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8 && statuses.at(-1) !== 429; i++) statuses.push((await post(`/hooks/workflows/inbound/guess-${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    const blocked = await post(url.replace(/[^/]+$/, 'another-guess'));
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/^Too many requests to wrong webhook URLs from this address/);
  });
});
