import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * A sales rep works with the starter pack's opportunities: sorts, filters and pages the list, opens a deal,
 * edits and saves it, and is stopped — clearly, field by field, with nothing saved — when a value is invalid.
 */

const FILLERS = 20; // with the 8 sample deals: 28 rows, more than the list's page of 25

describe('end user works with the opportunities list and form', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const mutations: string[] = [];
  const shot = screenshots('end-user');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    // Only to have enough rows for a second page: more deals, created the way an import would.
    const fillers = Array.from({ length: FILLERS }, (_, i) => ({
      name: `Renewal ${String(i + 1).padStart(2, '0')}`,
      stage: 'qualified',
      amount: { amount: 1_000 + i * 1_500, currency: 'USD' },
      closeDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
    }));
    const created = await trellis.graphql(`mutation($data: [OpportunityCreateInput!]!) { createOpportunities(data: $data) { id } }`, { data: fillers });
    expect(created.errors).toBeUndefined();

    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/'));
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql' && /^\s*mutation/.test(JSON.parse(r.postData() ?? '{}').query ?? '')) mutations.push(r.postData()!);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const table = () => page.getByRole('table', { name: 'Opportunities' });
  const rowNames = () => texts(table().locator('tbody tr td:first-child'));
  const pagerText = () => page.getByRole('navigation', { name: 'Pagination' }).locator('.pager-range').innerText();
  const form = () => page.locator('form.record-form');
  const errorsOf = (field: string) => texts(form().locator(`[data-field="${field}"] .field-error`));

  /** The first page of opportunities as the API orders and filters them. */
  async function apiNames(orderBy: unknown[], filter?: unknown): Promise<{ names: string[]; total: number }> {
    const result = await trellis.graphql(
      `query($orderBy: [OpportunityOrderBy!], $filter: OpportunityFilter) {
         opportunities(orderBy: $orderBy, filter: $filter, first: 25) { totalCount edges { node { name } } } }`,
      { orderBy, filter },
    );
    expect(result.errors).toBeUndefined();
    return { names: result.data.opportunities.edges.map((e: any) => e.node.name), total: result.data.opportunities.totalCount };
  }

  async function opportunity(name: string): Promise<any> {
    const result = await trellis.graphql(
      `query($name: String!) { opportunities(filter: { name: { eq: $name } }) { edges { node { id name stage probability closeDate notes amount { amount currency } } } } }`,
      { name },
    );
    return result.data.opportunities.edges[0]?.node;
  }

  async function listShows(expected: string[]): Promise<void> {
    const shown = await eventually(rowNames, (names) => JSON.stringify(names) === JSON.stringify(expected));
    expect(shown).toEqual(expected);
  }

  it('opens the Opportunities list from the navigation, sorted by close date', async () => {
    await nav().getByRole('link', { name: 'Opportunities' }).click();
    await see(table());
    await listShows((await apiNames([{ field: 'closeDate', direction: 'ASC' }])).names);
    expect(await table().getByRole('columnheader', { name: /Close date/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await pagerText()).toBe(`1–25 of ${8 + FILLERS}`);
    await shot(page, 'opportunities-list');
  });

  it('sorts by a column when its header is clicked, ascending then descending', async () => {
    const amount = table().getByRole('columnheader', { name: /Amount/ });
    const before = await rowNames();

    await amount.getByRole('button').click();
    const ascending = (await apiNames([{ field: 'amount', direction: 'ASC' }])).names;
    await listShows(ascending);
    expect(await amount.getAttribute('aria-sort')).toBe('ascending');
    expect(ascending).not.toEqual(before);
    expect(ascending[0]).toBe('Renewal 01'); // $1,000, the smallest amount
    await shot(page, 'sorted-by-amount-ascending');

    await amount.getByRole('button').click();
    const descending = (await apiNames([{ field: 'amount', direction: 'DESC' }])).names;
    await listShows(descending);
    expect(await amount.getAttribute('aria-sort')).toBe('descending');
    expect(descending[0]).toBe('Ledgerly – compliance reporting'); // $415,000, the largest
    await shot(page, 'sorted-by-amount-descending');
  });

  it('filters by stage = Won and shows only the won deals', async () => {
    await page.getByRole('button', { name: 'Filter' }).click();
    const filterForm = await see(page.getByRole('form', { name: 'Add filter' }));
    await filterForm.getByLabel('Filter field').selectOption({ label: 'Stage' });
    await filterForm.getByLabel('Filter operator').selectOption({ label: 'is' });
    await filterForm.getByLabel('Filter value').selectOption({ label: 'Won' });
    await shot(page, 'filter-form');
    await filterForm.getByRole('button', { name: 'Apply filter' }).click();

    await see(page.getByRole('list', { name: 'Active filters' }).getByText('Stage is Won'));
    const won = await apiNames([{ field: 'amount', direction: 'DESC' }], { stage: { eq: 'won' } });
    expect(won.names).toEqual(['Copperleaf – team plan upgrade']);
    await listShows(won.names);
    expect(await pagerText()).toBe('1–1 of 1');
    await shot(page, 'filtered-stage-won');

    await page.getByRole('button', { name: 'Remove filter Stage is Won' }).click();
    await eventually(pagerText, (t) => t === `1–25 of ${8 + FILLERS}`);
  });

  it('pages forward and back with Next and Prev', async () => {
    const next = page.getByRole('button', { name: 'Next page' });
    const prev = page.getByRole('button', { name: 'Previous page' });
    const firstPage = await rowNames();
    expect(firstPage).toHaveLength(25);
    expect(await prev.isDisabled()).toBe(true);

    await next.click();
    await eventually(pagerText, (t) => t === `26–28 of ${8 + FILLERS}`);
    const secondPage = await eventually(rowNames, (n) => n.length === 3);
    expect(secondPage).toHaveLength(3);
    // Every deal exactly once over the two pages, in the API's order.
    const all = await trellis.graphql(`{ opportunities(orderBy: [{ field: amount, direction: DESC }], first: 100) { edges { node { name } } } }`);
    expect([...firstPage, ...secondPage]).toEqual(all.data.opportunities.edges.map((e: any) => e.node.name));
    expect(await next.isDisabled()).toBe(true);
    await shot(page, 'second-page');

    await prev.click();
    await eventually(pagerText, (t) => t === `1–25 of ${8 + FILLERS}`);
    await listShows(firstPage);
  });

  it('opens a deal, edits it, saves, and the change survives a reload', async () => {
    await table().getByRole('link', { name: 'Ledgerly – compliance reporting' }).click();
    await see(page.getByRole('heading', { name: 'Ledgerly – compliance reporting', level: 1 }));
    await see(form().getByLabel('Amount', { exact: true }));
    expect(await form().getByLabel('Amount', { exact: true }).inputValue()).toBe('415000');
    await shot(page, 'deal-opened');

    await form().getByLabel('Amount', { exact: true }).fill('430000');
    await form().getByLabel('Stage').selectOption({ label: 'Negotiation' });
    await form().getByLabel('Probability').fill('60');
    await form().getByLabel('Close date').fill('2026-05-29');
    await form().getByLabel('Notes').fill('SOC 2 report received; pricing agreed, legal review next.');
    await shot(page, 'deal-edited');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('status').getByText('Saved', { exact: true }));

    await page.reload();
    await see(page.getByRole('heading', { name: 'Ledgerly – compliance reporting', level: 1 }));
    const amount = form().getByLabel('Amount', { exact: true });
    await see(amount);
    expect(await amount.inputValue()).toBe('430000');
    expect(await form().getByLabel('Stage').inputValue()).toBe('negotiation');
    expect(await form().getByLabel('Probability').inputValue()).toBe('60');
    expect(await form().getByLabel('Close date').inputValue()).toBe('2026-05-29');
    await shot(page, 'deal-after-reload');

    expect(await opportunity('Ledgerly – compliance reporting')).toMatchObject({
      stage: 'negotiation',
      probability: 60,
      closeDate: '2026-05-29',
      amount: { amount: 430000, currency: 'USD' },
      notes: 'SOC 2 report received; pricing agreed, legal review next.',
    });
  });

  it('shows inline errors for an empty required name, a too long name, a negative amount and a probability over 100, and saves nothing', async () => {
    const saved = await opportunity('Ledgerly – compliance reporting');
    const sent = mutations.length;
    const name = form().getByLabel('Name', { exact: true });

    await name.fill('');
    await name.press('Tab');
    expect(await eventually(() => errorsOf('name'), (e) => e.length > 0)).toEqual(['Name is required']);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'error-required-name');

    await name.fill('x'.repeat(201));
    expect(await eventually(() => errorsOf('name'), (e) => e.some((m) => /200/.test(m)))).toEqual(['Name must be at most 200 characters']);

    const amount = form().getByLabel('Amount', { exact: true });
    await amount.fill('-5');
    await amount.press('Tab');
    expect(await eventually(() => errorsOf('amount'), (e) => e.length > 0)).toEqual(['Amount must be at least 0']);

    const probability = form().getByLabel('Probability');
    await probability.fill('150');
    await probability.press('Tab');
    expect(await eventually(() => errorsOf('probability'), (e) => e.length > 0)).toEqual(['Probability must be at most 100']);

    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').getByText('3 fields need your attention.'));
    await shot(page, 'errors-on-save');

    expect(mutations.length).toBe(sent);
    expect(await opportunity('Ledgerly – compliance reporting')).toEqual(saved);

    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await form().getByLabel('Name', { exact: true }).inputValue()).toBe('Ledgerly – compliance reporting');
    expect(await form().locator('.field-error').count()).toBe(0);
  });

  it('refuses to create a deal without a name', async () => {
    const before = (await apiNames([])).total;
    const sent = mutations.length;
    await nav().getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('link', { name: 'New opportunity' }).click();
    await see(page.getByRole('heading', { name: 'New opportunity', level: 1 }));
    // The stage has a default; the name is the one required field left empty.
    expect(await form().getByLabel('Stage').inputValue()).toBe('new');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').getByText('One field needs your attention.'));
    expect(await errorsOf('name')).toEqual(['Name is required']);
    await shot(page, 'new-deal-required-name');
    expect(mutations.length).toBe(sent);
    expect((await apiNames([])).total).toBe(before);
  });

  it('shows an inline error for an invalid e-mail address on a person, and saves nothing', async () => {
    const sent = mutations.length;
    await nav().getByRole('link', { name: 'People' }).click();
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Okafor', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Okafor', level: 1 }));
    const email = form().getByLabel('Email');
    await see(email);
    await email.fill('amara.okafor at bluefin');
    await email.press('Tab');
    expect(await eventually(() => errorsOf('email'), (e) => e.length > 0)).toEqual(['Email must be a valid email address']);
    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').getByText('One field needs your attention.'));
    await shot(page, 'person-invalid-email');

    expect(mutations.length).toBe(sent);
    const person = await trellis.graphql(`{ people(filter: { lastName: { eq: "Okafor" } }) { edges { node { email } } } }`);
    expect(person.data.people.edges[0].node.email).toBe('amara.okafor@bluefin-robotics.example');
  });

  it('shows the server’s refusal of a duplicate e-mail inline under the field, and saves nothing', async () => {
    // Only the server knows the other records: uniqueness is checked there, and its answer lands on the field.
    const email = form().getByLabel('Email');
    await email.fill('jonas.lindqvist@bluefin-robotics.example');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').getByText('The server refused some values.'));
    expect(await eventually(() => errorsOf('email'), (e) => e.length > 0)).toEqual(['Email must be unique: another person already has this value']);
    await shot(page, 'person-duplicate-email');
    const person = await trellis.graphql(`{ people(filter: { lastName: { eq: "Okafor" } }) { edges { node { email } } } }`);
    expect(person.data.people.edges[0].node.email).toBe('amara.okafor@bluefin-robotics.example');
    // Editing the field again clears the server's message.
    await email.fill('amara@bluefin-robotics.example');
    expect(await eventually(() => errorsOf('email'), (e) => e.length === 0)).toEqual([]);
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('shows inline errors for negative employees and revenue on a company, and saves nothing', async () => {
    const sent = mutations.length;
    await nav().getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('table', { name: 'Companies' }).getByRole('link', { name: 'Quillstone Labs' }).click();
    await see(page.getByRole('heading', { name: 'Quillstone Labs', level: 1 }));
    const employees = form().getByLabel('Employees');
    await see(employees);
    await employees.fill('-3');
    await employees.press('Tab');
    const revenue = form().getByLabel('Annual revenue', { exact: true });
    await revenue.fill('-1');
    await revenue.press('Tab');
    expect(await eventually(() => errorsOf('employees'), (e) => e.length > 0)).toEqual(['Employees must be at least 0']);
    expect(await eventually(() => errorsOf('annualRevenue'), (e) => e.length > 0)).toEqual(['Annual revenue must be at least 0']);
    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').getByText('2 fields need your attention.'));
    await shot(page, 'company-negative-numbers');

    expect(mutations.length).toBe(sent);
    const company = await trellis.graphql(`{ companies(filter: { name: { eq: "Quillstone Labs" } }) { edges { node { employees annualRevenue { amount } } } } }`);
    expect(company.data.companies.edges[0].node).toEqual({ employees: 12, annualRevenue: null });
  });

  it('offers only the defined options for a pick list (other values are refused by the API, see api.test.ts)', async () => {
    await nav().getByRole('link', { name: 'Opportunities' }).click();
    // It has no close date, so it sorts last (page 2): search for it instead.
    await page.getByRole('searchbox', { name: 'Search Opportunities' }).fill('Quillstone');
    await listShows(['Quillstone – starter subscription']);
    await table().getByRole('link', { name: 'Quillstone – starter subscription' }).click();
    const stage: Locator = form().getByLabel('Stage');
    await see(stage);
    const options = await stage.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(['', 'new', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
  });

  it('moves a deal to another company with the relation picker, keeping the current company visible on focus', async () => {
    await nav().getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('searchbox', { name: 'Search Opportunities' }).fill('Quillstone');
    await listShows(['Quillstone – starter subscription']);
    await table().getByRole('link', { name: 'Quillstone – starter subscription' }).click();
    const company = form().getByRole('combobox', { name: 'Company' });
    await see(company);
    await company.focus();
    // Focus opens the suggestions without blanking the value the user is looking at.
    expect(await company.inputValue()).toBe('Quillstone Labs');
    await company.pressSequentially('Copper');
    await see(page.getByRole('option', { name: /Copperleaf Software/ }));
    await company.press('Enter');
    expect(await company.inputValue()).toBe('Copperleaf Software');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('status').getByText('Saved', { exact: true }));
    await shot(page, 'deal-moved-company');

    const result = await trellis.graphql(`{ opportunities(filter: { name: { eq: "Quillstone – starter subscription" } }) { edges { node { company { name } } } } }`);
    expect(result.data.opportunities.edges[0].node.company.name).toBe('Copperleaf Software');
  });
});
