import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * A power user extends the workspace in the studio, as they would by hand: a new "Project" entity,
 * a field of every type, the migration plan reviewed before publishing, then the new entity used at
 * once in the app and through the API — no restart. Then a rename (the plan renames, it does not
 * drop and re-add) and a removal (flagged destructive, confirmed twice).
 */

interface FieldSpec {
  /** The type's label in the field-type picker (the registry's label). */
  type: string;
  label: string;
  name: string;
  /** What the "Add column" step of the plan says about the column(s). */
  columns: RegExp;
  options?: string[];
}

const FIELDS: FieldSpec[] = [
  { type: 'Text', label: 'Code', name: 'code', columns: /Add column "code" text to project/ },
  { type: 'Long text', label: 'Summary', name: 'summary', columns: /Add column "summary" text to project/ },
  { type: 'Whole number', label: 'Headcount', name: 'headcount', columns: /Add column "headcount" integer to project/ },
  { type: 'Decimal number', label: 'Effort ratio', name: 'effortRatio', columns: /Add column "effort_ratio" numeric\(18,2\) to project/ },
  { type: 'Currency', label: 'Budget', name: 'budget', columns: /Add columns "budget" numeric\(18,2\), "budget_currency" char\(3\) to project/ },
  { type: 'Percent', label: 'Completion', name: 'completion', columns: /Add column "completion" numeric\(9,4\) to project/ },
  { type: 'Checkbox', label: 'Active', name: 'active', columns: /Add column "active" boolean to project/ },
  { type: 'Date', label: 'Start date', name: 'startDate', columns: /Add column "start_date" date to project/ },
  { type: 'Date and time', label: 'Kickoff at', name: 'kickoffAt', columns: /Add column "kickoff_at" timestamptz to project/ },
  { type: 'Pick list', label: 'Priority', name: 'priority', columns: /Add column "priority" text to project/, options: ['Low', 'Medium', 'High'] },
  { type: 'Multi-select', label: 'Tags', name: 'tags', columns: /Add column "tags" jsonb to project/, options: ['Internal', 'Billable'] },
  { type: 'E-mail', label: 'Contact email', name: 'contactEmail', columns: /Add column "contact_email" text to project/ },
  { type: 'Phone', label: 'Contact phone', name: 'contactPhone', columns: /Add column "contact_phone" text to project/ },
  { type: 'URL', label: 'Homepage', name: 'homepage', columns: /Add column "homepage" text to project/ },
  { type: 'JSON', label: 'Settings', name: 'settings', columns: /Add column "settings" jsonb to project/ },
  { type: 'Relation', label: 'Client', name: 'client', columns: /Add column "client_id" uuid to project/ },
];

describe('power user extends the workspace in the studio', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('power-user');
  let projectId: string;

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/entities'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    // Errors in the browser console are bugs even when the screen looks right.
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const planSteps = () => page.getByRole('list', { name: 'Migration plan' }).getByRole('listitem');

  /** Opens the publish page from the studio toolbar and waits for the server's plan. */
  async function reviewPlan(): Promise<string[]> {
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByRole('heading', { name: 'Publish', level: 1 }));
    await see(planSteps());
    return texts(page.getByRole('list', { name: 'Migration plan' }).locator('.plan-step-text'));
  }

  async function publish(message: string): Promise<void> {
    await page.getByLabel('Publish message').fill(message);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version \d+\./ }));
  }

  it('creates the "Project" entity and publishes it; it is in the Data nav and the API at once', async () => {
    await see(page.getByRole('table', { name: 'Entities' }));
    await page.getByRole('button', { name: 'New entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entity' });
    await dialog.getByLabel('Label', { exact: true }).fill('Project');
    await dialog.getByLabel('Description').fill('Work we deliver for a client.');
    // The dialog suggests the API names from the label.
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('project');
    expect(await dialog.getByLabel('Plural name').inputValue()).toBe('projects');
    expect(await dialog.getByLabel('Plural label').inputValue()).toBe('Projects');
    await shot(page, 'new-entity-dialog');
    await dialog.getByRole('button', { name: 'Create entity' }).click();

    await see(page.getByRole('heading', { name: /Project/, level: 1 }));
    expect(page.url()).toMatch(/#\/studio\/entities\/project$/);

    const steps = await reviewPlan();
    expect(steps).toEqual([expect.stringMatching(/^Create table for entity Project \(project\)$/)]);
    await shot(page, 'publish-new-entity');
    await publish('Add projects');

    // No restart: the navigation lists the new entity and the API answers for it on the very next request.
    await see(nav().getByRole('link', { name: 'Projects' }));
    const api = await trellis.graphql(`{ projects { totalCount } }`);
    expect(api).toEqual({ data: { projects: { totalCount: 0 } } });
    await shot(page, 'published-new-entity');
  });

  it('adds a field of every type and previews an "Add column" step for each', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Entities' }).click();
    await page.getByRole('table', { name: 'Entities' }).getByRole('link', { name: 'Project' }).click();
    await see(page.getByRole('table', { name: 'Fields' }));

    for (const [i, spec] of FIELDS.entries()) {
      await page.getByRole('button', { name: 'Add field' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add field to Project' });
      await dialog.getByRole('radio', { name: spec.type, exact: true }).check();
      await dialog.getByLabel('Field label', { exact: true }).fill(spec.label);
      expect(await dialog.getByLabel('Field name', { exact: true }).inputValue()).toBe(spec.name);
      if (spec.options) {
        for (const [n, option] of spec.options.entries()) {
          await dialog.getByRole('button', { name: 'Add option' }).click();
          await dialog.getByLabel(`Option ${n + 1} label`).fill(option);
        }
        expect(await dialog.getByLabel('Option 1 value').inputValue()).toBe(spec.options[0].toLowerCase());
      }
      if (spec.type === 'Text') await dialog.getByLabel('Maximum length').fill('12');
      if (spec.type === 'Whole number') await dialog.getByLabel('Minimum', { exact: true }).fill('0');
      if (spec.type === 'Relation') {
        await dialog.getByLabel('Target entity').selectOption({ label: 'Company' });
        expect(await dialog.getByLabel('Cardinality').inputValue()).toBe('manyToOne');
        expect(await dialog.getByLabel('Inverse field name').inputValue()).toBe('projects');
        expect(await dialog.getByLabel('Also create inverse field on target').isChecked()).toBe(true);
      }
      if (i === 0 || spec.options || spec.type === 'Relation') await shot(page, `add-field-${spec.name}`);
      await dialog.getByRole('button', { name: 'Add field' }).click();
      await gone(dialog);
    }

    const rows = page.getByRole('table', { name: 'Fields' }).locator('tbody tr');
    expect(await rows.count()).toBe(1 + FIELDS.length);
    await shot(page, 'fields-of-every-type');

    const steps = await reviewPlan();
    for (const spec of FIELDS) expect(steps).toContainEqual(expect.stringMatching(spec.columns));
    // The relation gets its foreign key, and Company gets the inverse list without a column of its own.
    expect(steps).toContainEqual(expect.stringMatching(/^Link project\.client to company \(foreign key/));
    expect(steps).toContainEqual(expect.stringMatching(/^Add field projects to company: the other side of project\.client \(no column\)/));
    expect(await page.getByRole('list', { name: 'Migration plan' }).getByText('Destructive').count()).toBe(0);
    // The SQL of each step is one click away.
    const budgetStep = planSteps().filter({ hasText: /"budget" numeric\(18,2\)/ });
    await budgetStep.getByText('SQL').click();
    await see(budgetStep.locator('pre').filter({ hasText: /ALTER TABLE "main"\."project" ADD COLUMN "budget" numeric\(18,2\), ADD COLUMN "budget_currency" char\(3\)/ }));
    await shot(page, 'plan-add-columns');
    await publish('Project fields of every type');
    await shot(page, 'published-fields');
  });

  it('shows the new fields in the list and the form, and a record saved in the form is in the API', async () => {
    await nav().getByRole('link', { name: 'Projects' }).click();
    const table = await see(page.getByRole('table', { name: 'Projects' }));
    const headers = await texts(table.getByRole('columnheader'));
    expect(headers.map((h) => h.replace(/[↑↓↕]/g, '').trim())).toEqual(['Name', 'Code', 'Headcount', 'Effort ratio', 'Budget', 'Completion']);
    await shot(page, 'projects-list-empty');

    await page.getByRole('link', { name: 'New project' }).click();
    await see(page.getByRole('heading', { name: 'New project', level: 1 }));
    const form = page.locator('form.record-form');
    for (const spec of FIELDS) {
      if (spec.type === 'Multi-select') await see(form.getByRole('group', { name: spec.label }));
      else await see(form.getByLabel(spec.label, { exact: true }));
    }

    await form.getByLabel('Name', { exact: true }).fill('Telemetry dashboard');
    await form.getByLabel('Code', { exact: true }).fill('TLM-1');
    await form.getByLabel('Summary').fill('A dashboard of the fleet, refreshed every minute.');
    await form.getByLabel('Headcount').fill('4');
    await form.getByLabel('Effort ratio').fill('1.25');
    await form.getByLabel('Budget', { exact: true }).fill('125000.50');
    await form.getByLabel('Budget currency').selectOption('EUR');
    await form.getByLabel('Completion').fill('12.5');
    await form.getByLabel('Active').check();
    await form.getByLabel('Start date').fill('2026-02-01');
    await form.getByLabel('Kickoff at').fill('2026-02-02T09:30');
    await form.getByLabel('Priority').selectOption({ label: 'High' });
    await form.getByRole('group', { name: 'Tags' }).getByLabel('Billable').check();
    await form.getByLabel('Contact email').fill('pm@bluefin-robotics.example');
    await form.getByLabel('Contact phone').fill('+1 (555) 010-0150');
    await form.getByLabel('Homepage').fill('https://telemetry.example');
    await form.getByLabel('Settings').fill('{"refresh": 60}');
    const client = form.getByRole('combobox', { name: 'Client' });
    await client.click();
    await client.fill('Bluefin');
    await page.getByRole('option', { name: 'Bluefin Robotics' }).click();
    await shot(page, 'project-form-filled');

    await form.getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'Telemetry dashboard', level: 1 }));
    projectId = /#\/data\/project\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(projectId).not.toBe('');
    await shot(page, 'project-saved');

    const api = await trellis.graphql(
      `query($id: ID!) { project(id: $id) { name code summary headcount effortRatio budget { amount currency } completion active
         startDate kickoffAt priority tags contactEmail contactPhone homepage settings client { name } }
         projects { totalCount } }`,
      { id: projectId },
    );
    expect(api.errors).toBeUndefined();
    expect(api.data.projects.totalCount).toBe(1);
    expect(api.data.project).toEqual({
      name: 'Telemetry dashboard',
      code: 'TLM-1',
      summary: 'A dashboard of the fleet, refreshed every minute.',
      headcount: 4,
      effortRatio: 1.25,
      budget: { amount: 125000.5, currency: 'EUR' },
      completion: 12.5,
      active: true,
      startDate: '2026-02-01',
      kickoffAt: expect.stringMatching(/^2026-02-02T09:30:00(\.000)?(Z|\+00:00)$/),
      priority: 'high',
      tags: ['billable'],
      contactEmail: 'pm@bluefin-robotics.example',
      contactPhone: '+1 (555) 010-0150',
      homepage: 'https://telemetry.example',
      settings: { refresh: 60 },
      client: { name: 'Bluefin Robotics' },
    });

    // The inverse: Company now lists its projects.
    const inverse = await trellis.graphql(`{ companies(filter: { name: { eq: "Bluefin Robotics" } }) { edges { node { projects { name } } } } }`);
    expect(inverse.data.companies.edges[0].node.projects).toEqual([{ name: 'Telemetry dashboard' }]);

    await nav().getByRole('link', { name: 'Projects' }).click();
    const row = await see(page.getByRole('table', { name: 'Projects' }).getByRole('row').filter({ hasText: 'Telemetry dashboard' }));
    expect(await row.innerText()).toMatch(/TLM-1/);
    await shot(page, 'projects-list-with-record');
  });

  it('renames a field: the plan renames the column (no drop and add) and the data stays', async () => {
    await openDesigner();
    await page.getByRole('button', { name: 'Edit field Code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit field “Code”' });
    await dialog.getByLabel('Field label', { exact: true }).fill('Reference');
    await dialog.getByLabel('Field name', { exact: true }).fill('reference');
    await see(dialog.getByText(/Renaming keeps the data: the column is renamed/));
    await shot(page, 'rename-field-dialog');
    await dialog.getByRole('button', { name: 'Save field' }).click();
    await gone(dialog);
    await see(page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'Reference' }).getByText('Renamed'));

    const steps = await reviewPlan();
    expect(steps).toContainEqual(expect.stringMatching(/^Rename field code to reference on project \(column kept, data kept\)$/));
    expect(steps.filter((s) => /^(Remove field|Add column)/.test(s))).toEqual([]);
    expect(await page.getByRole('list', { name: 'Migration plan' }).getByText('Destructive').count()).toBe(0);
    expect(await page.getByLabel('I understand this hides data').count()).toBe(0);
    await shot(page, 'plan-rename');
    await publish('Code is called Reference');

    const api = await trellis.graphql(`query($id: ID!) { project(id: $id) { reference } }`, { id: projectId });
    expect(api).toEqual({ data: { project: { reference: 'TLM-1' } } });
  });

  it('removes a field only after a confirmation and an explicit "hides data" acknowledgement', async () => {
    await openDesigner();
    await page.getByRole('button', { name: 'Remove field Homepage' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove field “Homepage”?' });
    await see(confirm.getByText(/Publishing hides this field's data/));
    await shot(page, 'remove-field-confirmation');
    await confirm.getByRole('button', { name: 'Remove field' }).click();
    await gone(confirm);
    expect(await page.getByRole('table', { name: 'Fields' }).getByRole('button', { name: 'Homepage', exact: true }).count()).toBe(0);

    const steps = await reviewPlan();
    expect(steps).toContainEqual(expect.stringMatching(/^Remove field homepage from project: column moved aside as "?__dropped_v\d+_homepage"? \(data kept for undo\)$/));
    // Only the removal is flagged; the layout change that goes with it is metadata only.
    const step = planSteps().filter({ hasText: 'Remove field homepage' });
    await see(step.getByText('Destructive'));
    expect(await page.getByRole('list', { name: 'Migration plan' }).getByText('Destructive').count()).toBe(1);
    const publishButton = page.getByRole('button', { name: 'Publish', exact: true });
    expect(await publishButton.isDisabled()).toBe(true);
    await see(page.getByText('Confirm the destructive steps to publish.'));
    await shot(page, 'plan-remove-destructive');

    await page.getByLabel('I understand this hides data').check();
    expect(await publishButton.isEnabled()).toBe(true);
    await publish('Homepage is not needed');
    await shot(page, 'published-removal');

    const api = await trellis.graphql(`query($id: ID!) { project(id: $id) { homepage } }`, { id: projectId });
    expect(api.errors?.[0].message).toMatch(/Cannot query field "homepage"/);
    const still = await trellis.graphql(`query($id: ID!) { project(id: $id) { name reference } }`, { id: projectId });
    expect(still).toEqual({ data: { project: { name: 'Telemetry dashboard', reference: 'TLM-1' } } });

    // The form no longer offers the field.
    await nav().getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'Telemetry dashboard' }).click();
    await see(page.getByRole('heading', { name: 'Telemetry dashboard', level: 1 }));
    await see(page.locator('form.record-form').getByLabel('Reference', { exact: true }));
    expect(await page.locator('form.record-form').getByLabel('Homepage').count()).toBe(0);
    await shot(page, 'project-form-after-removal');
  });

  async function openDesigner(): Promise<Locator> {
    await nav().getByRole('link', { name: 'Entities' }).click();
    await page.getByRole('table', { name: 'Entities' }).getByRole('link', { name: 'Project' }).click();
    return see(page.getByRole('table', { name: 'Fields' }));
  }
});
