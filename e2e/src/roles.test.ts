import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * Roles are metadata. An administrator creates the role "Own deals, no amount" in the roles editor (read and
 * update the opportunities they own, create opportunities, read every company, the amount hidden), publishes it,
 * and the Effective access panel explains it. A user holding the role then sees a list without the amount.
 */

const REP = { email: 'rita@trellis.test', password: 'Plum-Orchard-Lantern-43' };

describe('roles: edited in the studio, explained, applied to the data screens', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('roles');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/roles'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  it('lists the built-in administrator as a row that cannot be changed', async () => {
    const admin = await see(page.getByRole('row', { name: /Administrator/ }));
    await see(admin.getByText('Built in', { exact: true }));
    expect(await admin.getByRole('button').count()).toBe(0);
    await shot(page, 'list');
  });

  it('creates “Own deals, no amount” in the roles editor', async () => {
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog', { name: 'New role' });
    await dialog.getByLabel('Role label').fill('Own deals, no amount');
    expect(await dialog.getByLabel('Role name').inputValue()).toBe('ownDealsNoAmount');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await see(page.getByRole('heading', { name: /Own deals, no amount/, level: 1 }));

    // Read: a condition, with the "Owner is me" preset.
    await page.getByLabel('Read Opportunities').selectOption('condition');
    const scope = page.getByRole('dialog', { name: /Which opportunities may Own deals, no amount read\?/ });
    await see(scope.getByRole('button', { name: 'Owner is me', pressed: true }));
    await see(scope.getByRole('status').filter({ hasText: 'where owner is me' }));
    await shot(page, 'scope');
    await scope.getByRole('button', { name: 'Save condition' }).click();

    await page.getByLabel('Create Opportunities').check();
    await page.getByLabel('Update Opportunities').selectOption('condition');
    await page.getByRole('dialog', { name: /may Own deals, no amount update/ }).getByRole('button', { name: 'Save condition' }).click();
    await page.getByLabel('Read Companies').selectOption('all');

    const opportunities = page.getByRole('row', { name: /Opportunities/ });
    expect(await texts(opportunities.locator('.scope-condition'))).toEqual(['Owner is me', 'Owner is me']);
    await opportunities.getByRole('button', { name: 'All visible' }).click();
    await page.getByRole('radiogroup', { name: 'Access to Amount' }).getByRole('radio', { name: 'Hidden' }).click();
    await see(opportunities.getByRole('button', { name: '1 hidden' }));
    await shot(page, 'editor');
  });

  it('publishes the role, and the plan says what it grants', async () => {
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    const plan = page.getByRole('list', { name: 'Migration plan' });
    await see(plan.getByText(/Add role Own deals, no amount \(ownDealsNoAmount\)/));
    await page.getByLabel('Publish message').fill('Add the role Own deals, no amount');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.locator('.banner-success').filter({ hasText: /Published version \d+\./ }));
  });

  it('explains the role in the Effective access panel', async () => {
    await page.goto(new URL('/#/studio/roles', trellis.baseUrl).href);
    await page.getByLabel('User or role').selectOption({ label: 'Own deals, no amount' });
    await page.getByLabel('Entity', { exact: true }).selectOption({ label: 'Opportunities' });
    const result = page.getByRole('region', { name: 'Access explained' });
    const rights = await texts(result.locator('.effective-right'));
    expect(rights).toEqual([
      'READ\nWhere owner is me',
      'CREATE\nYes',
      'UPDATE\nWhere owner is me',
      'DELETE\nNo',
      'TRANSFER\nNo',
      'HIDDEN FIELDS\nAmount',
      'READ-ONLY FIELDS\nNone',
    ]);
    expect(await texts(result.getByRole('list', { name: 'Reasons' }).getByRole('listitem'))).toEqual([
      'via role Own deals, no amount: read where Owner is me',
      'via role Own deals, no amount: create opportunities',
      'via role Own deals, no amount: update where Owner is me',
      'via role Own deals, no amount: cannot delete opportunities',
      'via role Own deals, no amount: Amount is hidden',
    ]);
    await shot(page, 'effective-access');
  });

  it('assigns the role to a new user in Administration → Users', async () => {
    await page.goto(new URL('/#/admin/users', trellis.baseUrl).href);
    await see(page.getByRole('heading', { name: 'Users', level: 1 }));
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Rita Rep');
    await dialog.getByLabel('Email').fill(REP.email);
    await dialog.getByRole('checkbox', { name: /^Own deals, no amount/ }).check();
    await dialog.getByRole('radio', { name: /Set a password now/ }).check();
    await dialog.getByLabel('Initial password').fill(REP.password);
    await shot(page, 'assign-role');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await gone(dialog);
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: REP.email });
    expect(await (await see(row)).innerText()).toMatch(/Own deals, no amount/);
  });

  it('shows that user exactly their own opportunities, without the amount, and only the entities the role reads', async () => {
    const rep = await openStudio(browser, trellis.baseUrl, '/data/opportunity', { as: REP });
    try {
      const nav = rep.page.getByRole('navigation', { name: 'Main' });
      const table = rep.page.getByRole('table', { name: 'Opportunities' });
      const headers = await eventually(() => texts(table.locator('thead th')), (h) => h.length > 0);
      expect(headers.join(' ')).not.toMatch(/Amount/);
      expect(await texts(nav.getByRole('list', { name: 'Data' }).getByRole('link'))).toEqual(['Companies', 'Opportunities']);
      // The starter pack's deals belong to nobody: none is hers.
      await see(rep.page.getByText('No opportunities you can see yet'));
      await shot(rep.page, 'rep-list-empty');

      await rep.page.getByRole('link', { name: /New opportunity/ }).click();
      await see(rep.page.getByRole('heading', { name: 'New opportunity', level: 1 }));
      const form = rep.page.locator('form.record-form');
      expect(await form.getByLabel('Amount').count()).toBe(0);
      await form.getByLabel('Name').fill('Rita’s first deal');
      await shot(rep.page, 'rep-new-deal');
      await form.getByRole('button', { name: 'Save' }).click();
      await see(rep.page.getByRole('heading', { name: 'Rita’s first deal', level: 1 }));

      await nav.getByRole('link', { name: 'Opportunities' }).click();
      const names = await eventually(() => texts(table.locator('tbody tr td:first-child')), (n) => n.length > 0);
      expect(names).toEqual(['Rita’s first deal']);
      await shot(rep.page, 'rep-list-own');
      expect(rep.problems.filter((p) => !/favicon/.test(p))).toEqual([]);
    } finally {
      await rep.page.context().close();
    }
    // The administrator still sees every deal, with the amount; hers is owned by her.
    const all = await trellis.graphql(`{ opportunities(first: 100) { totalCount edges { node { id name amount { amount } owner } } } }`);
    expect(all.data.opportunities.totalCount).toBeGreaterThan(1);
    const hers = all.data.opportunities.edges.find((e: { node: { name: string } }) => e.node.name === 'Rita’s first deal');
    expect(hers.node.owner).toEqual(expect.any(String));

    // Her deal's history, as the administrator sees it on the record page: who created it, from where, with what.
    await page.goto(new URL(`/#/data/opportunity/${hers.node.id}`, trellis.baseUrl).href);
    const history = page.getByRole('region', { name: 'History' });
    const entries = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
    const first = await eventually(() => texts(entries), (t) => t.length > 0);
    expect(first[0]).toMatch(/Rita Rep/);
    expect(first[0]).toMatch(/Rita’s first deal/);
    // The owner by name: the directory was loaded again after the administrator added Rita.
    expect(first[0]).toMatch(/Owner\s+Rita Rep/);
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'admin-sees-history');
  });
});
