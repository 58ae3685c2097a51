import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see } from './support/ui.js';

/**
 * An after-save workflow changes the record a moment after the person saved it ("a won deal is 100% likely"). The
 * record page looks again and shows the workflow's value without a reload, so a second save cannot undo it.
 */
describe('the record form after a save-triggered workflow', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('after-save-refresh');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis({ TRELLIS_WORKFLOW_POLL_MS: '200' }), launchBrowser()]);
    const current = await trellis.metadata(`{ currentMetadata { document version } }`);
    const { document, version } = current.data.currentMetadata;
    document.workflows = {
      ...document.workflows,
      wonIsCertain: {
        label: 'A won deal is certain',
        active: true,
        trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] },
        condition: { '==': [{ var: 'record.stage' }, 'won'] },
        steps: [{ key: 'certain', label: 'Set the probability to 100%', type: 'updateRecord', values: { probability: 100 } }],
      },
    };
    const published = await trellis.metadata(`mutation($d: JSON!, $v: Int) { publishMetadata(document: $d, baseVersion: $v, message: "Won is certain") { version } }`, { d: document, v: version });
    expect(published.errors).toBeUndefined();
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/data/opportunity'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  const form = () => page.locator('form.record-form');

  it('shows the value the workflow set, without a reload', async () => {
    await page.getByRole('searchbox', { name: 'Search Opportunities' }).fill('spare parts');
    await page.getByRole('link', { name: 'Bluefin – spare parts portal' }).click();
    await see(page.getByRole('heading', { name: 'Bluefin – spare parts portal', level: 1 }));
    expect(await form().getByLabel('Probability').inputValue()).toBe('30');
    await form().getByLabel('Stage').selectOption({ label: 'Won' });
    await form().getByLabel('Close date').fill('2026-11-20');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('status').getByText('Saved', { exact: true }));

    expect(await eventually(() => form().getByLabel('Probability').inputValue(), (v) => v === '100')).toBe('100');
    await see(page.getByRole('status').getByText('A workflow updated this opportunity'));
    await shot(page, 'updated-by-workflow');
    const api = await trellis.graphql(`{ opportunities(filter: { name: { eq: "Bluefin – spare parts portal" } }) { edges { node { stage probability } } } }`);
    expect(api.data.opportunities.edges[0].node).toEqual({ stage: 'won', probability: 100 });
  });
});
