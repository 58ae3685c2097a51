import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * Workflow runs as an administrator sees and drives them in the studio:
 * - a manual workflow's button on the record page ("Mark as won"): the toast links to the run, the run page shows
 *   the step and its duration, the record shows the change and its "Workflow runs" panel the run;
 * - the dead letter: a webhook workflow whose HTTP step calls a receiver that answers 500 stops after its retries
 *   (the server is started with 2 tries, 200 ms apart); once the receiver answers 200, "Retry" finishes the run
 *   (the run page shows the failed tries and the success), and another failed run is cancelled;
 * - the workflow editor's Runs tab lists both runs.
 */

const DEAL = 'Ledgerly – compliance reporting';

/** A local receiver for the workflow's HTTP step: answers `status`, remembers each request. */
interface Receiver {
  url: string;
  status: number;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, 'url' | 'close'> = { status: 500, requests: [] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      receiver.requests.push({ headers: req.headers, body });
      const ok = receiver.status < 400;
      res.writeHead(receiver.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { received: true } : { error: 'CRM is down for maintenance' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/deals`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

describe('workflow runs: a manual button on the record page, the dead letter with retry and cancel, the run history', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let receiver: Receiver;
  let page: Page;
  let problems: string[];
  let dealId: string;
  let hookUrl: string;
  const shot = screenshots('workflow-runs');

  beforeAll(async () => {
    receiver = await startReceiver();
    [trellis, browser] = await Promise.all([
      startTrellis({ TRELLIS_WORKFLOW_MAX_ATTEMPTS: '2', TRELLIS_WORKFLOW_RETRY_BASE_MS: '200', TRELLIS_WORKFLOW_POLL_MS: '200' }),
      launchBrowser(),
    ]);
    const current = await trellis.metadata(`{ currentMetadata { document } }`);
    const document = current.data.currentMetadata.document;
    const published = await trellis.metadata(`mutation($d: JSON!) { publishMetadata(document: $d, message: "Workflows for the e2e") { version } }`, {
      d: {
        ...document,
        workflows: {
          ...document.workflows,
          markAsWon: {
            label: 'Mark as won',
            trigger: { type: 'manual', entity: 'opportunity', buttonLabel: 'Mark as won' },
            steps: [{ key: 'setWon', label: 'Set the stage to won', type: 'updateRecord', values: { stage: 'won', probability: 100 } }],
          },
          pushToCrm: {
            label: 'Push deals to the CRM',
            trigger: { type: 'webhook' },
            steps: [{ key: 'callCrm', label: 'Send to the CRM', type: 'httpRequest', method: 'POST', url: receiver.url, body: { var: 'trigger.payload' }, timeoutMs: 5000 }],
          },
        },
      },
    });
    expect(published.errors).toBeUndefined();
    const hook = await trellis.metadata(`{ workflowWebhook(workflow: "pushToCrm") { url secret } }`);
    expect(hook.errors).toBeUndefined();
    hookUrl = new URL(hook.data.workflowWebhook.url, trellis.baseUrl).href;
    expect(hookUrl).toContain(hook.data.workflowWebhook.secret);
    const deals = await trellis.graphql(`{ opportunities(first: 50) { edges { node { id name } } } }`);
    dealId = deals.data.opportunities.edges.find((e: { node: { name: string } }) => e.node.name === DEAL).node.id;
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, `/data/opportunity/${dealId}`));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
    await receiver?.close();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  it('runs the manual workflow from its button on the record page and follows the toast to the run', async () => {
    await see(page.getByRole('heading', { name: DEAL, level: 1 }));
    const stage = page.locator('form.record-form').getByLabel('Stage');
    expect(await stage.inputValue()).toBe('proposal');
    await page.getByRole('button', { name: 'Mark as won' }).click();
    const toast = page.getByRole('status').filter({ hasText: '“Mark as won” started' });
    await see(toast);
    // The page follows the run and shows what it changed (a stale form would undo it on the next save).
    await eventually(() => stage.inputValue(), (v) => v === 'won');
    const panelRows = page.getByRole('region', { name: 'Workflow runs' }).getByRole('row').filter({ hasText: 'Mark as won' });
    await see(panelRows.getByText('Succeeded', { exact: true }));
    await shot(page, 'manual-started');
    await toast.getByRole('link', { name: 'View run' }).click();

    await see(page.getByRole('heading', { name: /Run of “Mark as won”/, level: 1 }));
    await see(page.getByRole('heading', { level: 1 }).getByText('Succeeded', { exact: true }));
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await eventually(() => steps.count(), (n) => n === 1);
    const step = steps.first();
    await see(step.getByRole('heading', { name: /Set the stage to won/ }));
    await see(step.getByText('Succeeded', { exact: true }));
    expect(await step.locator('.step-run-duration').innerText()).toMatch(/^\d[\d,]* ms$/);
    await see(page.getByRole('definition').filter({ hasText: /^\d+ ms$|^\d+\.\d+ s$/ }));
    await see(page.getByRole('definition').filter({ hasText: /^Administrator$/ }));
    await shot(page, 'manual-run');

    // Back on the deal through the run's record link.
    await page.getByRole('link', { name: `Opportunity “${DEAL}”` }).click();
    await see(page.getByRole('heading', { name: DEAL, level: 1 }));
    await eventually(() => stage.inputValue(), (v) => v === 'won');
    expect(await stage.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Won');
    const panel = page.getByRole('region', { name: 'Workflow runs' });
    const rows = panel.getByRole('table', { name: 'Workflow runs' }).getByRole('row').filter({ hasText: 'Mark as won' });
    await eventually(() => rows.count(), (n) => n === 1);
    await see(rows.first().getByText('Succeeded', { exact: true }));
    expect(await texts(rows.first().getByRole('cell'))).toEqual(expect.arrayContaining(['Manual']));
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'record-won');
  });

  it('keeps unsaved edits when the button’s workflow changes the record, and says how to see its values', async () => {
    const other = await trellis.graphql(`{ opportunities(first: 50) { edges { node { id name } } } }`);
    const spareParts = other.data.opportunities.edges.find((e: { node: { name: string } }) => e.node.name === 'Bluefin – spare parts portal').node.id;
    await page.goto(new URL(`/#/data/opportunity/${spareParts}`, trellis.baseUrl).href);
    const form = page.locator('form.record-form');
    await see(page.getByRole('heading', { name: 'Bluefin – spare parts portal', level: 1 }));
    await form.getByLabel('Notes').fill('Call back on Monday');
    await page.getByRole('button', { name: 'Mark as won' }).click();
    await see(page.getByRole('status').filter({ hasText: '“Mark as won” changed this opportunity: discard your changes to see its new values.' }));
    expect(await form.getByLabel('Stage').inputValue()).toBe('qualified');
    expect(await form.getByLabel('Notes').inputValue()).toBe('Call back on Monday');
    await shot(page, 'record-changed-while-editing');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await form.getByLabel('Stage').inputValue()).toBe('won');
    expect(await form.getByLabel('Notes').inputValue()).toBe('');
  });

  it('shows webhook runs whose HTTP step keeps failing in the dead letter, retries one after the fix and cancels the other', async () => {
    const send = async (deal: string) => {
      const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deal }) });
      expect(res.status).toBe(202);
      return ((await res.json()) as { runId: string }).runId;
    };
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflow runs' }).click();
    await see(page.getByRole('heading', { name: 'Workflow runs', level: 1 }));
    await page.getByRole('navigation', { name: 'Run status' }).getByRole('link', { name: /^Failed/ }).click();
    await see(page.getByRole('heading', { name: 'Failed runs', level: 1 }));
    await see(page.getByText('No failed runs: nothing waits for a retry.'));

    const first = await send('Bluefin');
    const second = await send('Copperleaf');
    // Both fail twice (the server allows 2 tries) and stop: the dead letter. "Refresh" shows them.
    const table = page.getByRole('table', { name: 'Workflow runs' });
    const rowOf = (runId: string) => table.getByRole('row').filter({ has: page.getByTitle(`Run ${runId}`) });
    const shown = await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh', exact: true }).click();
        await page.waitForTimeout(300);
        return (await rowOf(first).getByText('Failed (dead letter)').count()) + (await rowOf(second).getByText('Failed (dead letter)').count());
      },
      (n) => n === 2,
      30_000,
    );
    expect(shown).toBe(2);
    expect(receiver.requests).toHaveLength(4);
    await see(page.getByRole('navigation', { name: 'Run status' }).getByRole('link', { name: /^Failed\s*2$/ }));
    for (const runId of [first, second]) {
      const row = rowOf(runId);
      await see(row);
      await see(row.getByText('Failed (dead letter)'));
      const error = await row.locator('.run-error-text').innerText();
      expect(error).toContain('Step “Send to the CRM”');
      expect(error).toMatch(/answered 500/);
    }
    await shot(page, 'dead-letter');

    // The CRM is back: retry the first run.
    receiver.status = 200;
    await rowOf(first).getByRole('button', { name: 'Retry' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Run queued again' }));
    await rowOf(first).getByRole('link').first().click();
    await see(page.getByRole('heading', { name: /Run of “Push deals to the CRM”/, level: 1 }));
    await see(page.getByRole('heading', { level: 1 }).getByText('Succeeded', { exact: true }));
    const tries = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await eventually(() => tries.count(), (n) => n === 3);
    const outcomes = await Promise.all([0, 1, 2].map(async (i) => (await tries.nth(i).locator('.chip').innerText()).trim()));
    expect(outcomes).toEqual(['Failed', 'Failed', 'Succeeded']);
    for (const i of [0, 1]) expect(await tries.nth(i).getByRole('note').innerText()).toMatch(/answered 500/);
    // Numbered over the whole run: the person's retry does not start again at 1.
    expect(await texts(tries.locator('.step-run-meta'))).toEqual([expect.stringMatching(/^Try 1 ·/), expect.stringMatching(/^Try 2 ·/), expect.stringMatching(/^Try 3 ·/)]);
    await see(page.getByRole('definition').filter({ hasText: /^A webhook call$/ }));
    await see(tries.nth(2).getByText(/"received": true/));
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, 'retried-run');

    // Every try of a run carried the same idempotency key; the receiver got the payload.
    const keys = receiver.requests.map((r) => r.headers['idempotency-key']);
    expect(keys.filter((k) => k === `${first}:callCrm`)).toHaveLength(3);
    expect(keys.filter((k) => k === `${second}:callCrm`)).toHaveLength(2);
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toEqual({ deal: 'Bluefin' });

    // The other failed run is not wanted any more: cancel it.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Workflow runs' }).click();
    await page.getByRole('navigation', { name: 'Run status' }).getByRole('link', { name: /^Failed/ }).click();
    await see(page.getByRole('heading', { name: 'Failed runs', level: 1 }));
    await see(rowOf(second));
    expect(await rowOf(first).count()).toBe(0);
    await rowOf(second).getByRole('button', { name: 'Cancel run' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Run cancelled' }));
    await see(rowOf(second).getByText('Cancelled', { exact: true }));
    await shot(page, 'cancelled');
    await rowOf(second).getByRole('link').first().click();
    await see(page.getByRole('heading', { name: /Run of “Push deals to the CRM”/, level: 1 }));
    await see(page.getByRole('heading', { level: 1 }).getByText('Cancelled', { exact: true }));
    await see(page.getByRole('button', { name: 'Retry' }));
    await shot(page, 'cancelled-run');
    expect(receiver.requests).toHaveLength(5);
  });

  it('lists both runs on the workflow editor’s Runs tab', async () => {
    await page.getByRole('link', { name: 'Push deals to the CRM' }).click();
    await see(page.getByRole('heading', { name: /Push deals to the CRM/, level: 1 }));
    await page.getByRole('tab', { name: 'Runs' }).click();
    const rows = page.getByRole('tabpanel').getByRole('table', { name: 'Workflow runs' }).locator('tbody tr');
    await eventually(() => rows.count(), (n) => n === 2);
    const statuses = await texts(rows.locator('.chip'));
    expect(statuses.sort()).toEqual(['Cancelled', 'Succeeded']);
    await shot(page, 'editor-runs-tab');
  });
});
