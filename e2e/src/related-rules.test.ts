import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * A validation rule that reads the related record, as Salesforce's `Account.NumberOfEmployees`: "enterprise
 * deals need a company of 100 people or more". The form checks it live once it has fetched the chosen company,
 * names that company in the message, and clears it when a bigger company is picked; the API refuses the same
 * write with the same message.
 */
const RULE = {
  label: 'Enterprise deals need a large company',
  invalidWhen: { and: [{ '>=': [{ var: 'record.amount.amount' }, 100000] }, { '<': [{ var: 'record.company.employees' }, 100] }] },
  message: '{{record.company.name}} has fewer than 100 people: too small for an enterprise deal',
  fields: ['company'],
};

describe('rules that read a related record, in the form and the API', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('related-rules');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    const current = await trellis.metadata(`{ currentMetadata { document version } }`);
    const { document, version } = current.data.currentMetadata;
    document.entities.opportunity.rules = { ...document.entities.opportunity.rules, enterpriseNeedsLargeCompany: RULE };
    const published = await trellis.metadata(`mutation($d: JSON!, $v: Int) { publishMetadata(document: $d, baseVersion: $v, message: "A rule on the company") { version } }`, {
      d: document,
      v: version,
    });
    expect(published.errors).toBeUndefined();
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/data/opportunity/new'));
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
  const companyErrors = () => texts(form().locator('[data-field="company"] .field-error'));
  const MESSAGE = 'Quillstone Labs has fewer than 100 people: too small for an enterprise deal';

  async function pickCompany(search: string, name: RegExp): Promise<void> {
    const company = form().getByRole('combobox', { name: 'Company' });
    await company.fill('');
    await company.pressSequentially(search);
    await page.getByRole('option', { name }).click();
  }

  it('shows the message live once the chosen company is known, and clears it for a bigger company', async () => {
    await see(page.getByRole('heading', { name: 'New opportunity', level: 1 }));
    await form().getByLabel('Name', { exact: true }).fill('Quillstone – enterprise rollout');
    await form().getByLabel('Stage').selectOption({ label: 'Qualified' });
    await form().getByLabel('Amount', { exact: true }).fill('250000');
    await pickCompany('Quill', /Quillstone Labs/);
    await see(form().locator('[data-field="company"] .field-error').filter({ hasText: MESSAGE }));
    await shot(page, 'too-small');

    await pickCompany('Ledger', /Ledgerly Financial/);
    expect(await eventually(companyErrors, (errors) => errors.length === 0)).toEqual([]);
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'Quillstone – enterprise rollout', level: 1 }));
    await shot(page, 'saved-with-large-company');
  });

  it('is enforced by the API with the same message', async () => {
    const companies = await trellis.graphql(`{ companies(filter: { name: { eq: "Quillstone Labs" } }) { edges { node { id } } } }`);
    const quillstone = companies.data.companies.edges[0].node.id;
    const result = await trellis.graphql(`mutation($d: OpportunityCreateInput!) { createOpportunity(data: $d) { id } }`, {
      d: { name: 'Too big for Quillstone', stage: 'new', amount: { amount: 150000, currency: 'USD' }, company: quillstone },
    });
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'company', message: MESSAGE, rule: 'enterpriseNeedsLargeCompany' }]);
  });
});
