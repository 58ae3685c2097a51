import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * One rule, everywhere. A power user writes a validation rule ("A won opportunity needs a close date") with
 * the visual builder, tests it against a real deal, checks the JSON it wrote, adds a "Loss reason" field that is
 * only shown — and required — while the stage is lost, and publishes. An end user then sees the field appear and
 * disappear as they edit, and the rule's message next to Close date before saving; the same invalid data sent
 * straight to /graphql is refused with the very same messages.
 */

const RULE_MESSAGE = 'A won opportunity needs a close date';

describe('rules: written in the studio, enforced in the form and the API', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('rules');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/entities/opportunity?tab=rules'));
    // A refused request names itself in the failure (the console only says "400").
    page.on('response', async (r) => {
      if (r.status() >= 400 && !/favicon/.test(r.url())) problems.push(`response ${r.status()} to ${r.request().postData()?.slice(0, 300)}: ${(await r.text().catch(() => '')).slice(0, 300)}`);
    });
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

  const form = () => page.locator('form.record-form');
  const fieldBox = (name: string) => form().locator(`[data-field="${name}"]`);
  const errorsOf = (name: string) => texts(fieldBox(name).locator('.field-error'));
  const monacoText = (scope: Locator) => scope.locator('.monaco-editor .view-lines').first().innerText();

  async function publish(message: string): Promise<string[]> {
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByRole('heading', { name: 'Publish', level: 1 }));
    const plan = page.getByRole('list', { name: 'Migration plan' });
    await see(plan.getByRole('listitem'));
    const steps = await texts(plan.locator('.plan-step-text'));
    await page.getByLabel('Publish message').fill(message);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version \d+\./ }));
    return steps;
  }

  /** A fresh page at `hash` (the studio draft survives: it is kept in localStorage). */
  async function open(hash: string): Promise<void> {
    await page.goto(new URL(`/#${hash}`, trellis.baseUrl).href);
    await page.reload();
  }

  async function createViaApi(data: Record<string, unknown>) {
    return trellis.graphql(`mutation($data: OpportunityCreateInput!) { createOpportunity(data: $data) { id } }`, { data });
  }

  it('writes "A won opportunity needs a close date" with the visual builder and tests it on a real deal', async () => {
    await see(page.getByRole('heading', { name: 'Validation rules' }));
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add validation rule to Opportunity' });
    await dialog.getByLabel('Rule label').fill('Won needs a close date');
    expect(await dialog.getByLabel('Rule name').inputValue()).toBe('wonNeedsACloseDate');

    const builder = dialog.getByRole('group', { name: 'Invalid when', exact: true });
    await builder.getByRole('button', { name: 'Add condition' }).click();
    await builder.getByLabel('Condition 1 field').selectOption({ label: 'Stage' });
    await builder.getByLabel('Condition 1 operator').selectOption({ label: 'is' });
    await builder.getByLabel('Condition 1 value').selectOption({ label: 'Won' });
    await builder.getByRole('button', { name: 'Add condition' }).click();
    await builder.getByLabel('Condition 2 field').selectOption({ label: 'Close date' });
    await builder.getByLabel('Condition 2 operator').selectOption({ label: 'is blank' });
    await dialog.getByLabel('Message', { exact: true }).fill(RULE_MESSAGE);
    await dialog.getByRole('group', { name: 'Show message next to' }).getByLabel('Close date').check();

    // The rule as JSON Logic, exactly what the builder shows; and back to the builder without losing it.
    await builder.getByRole('button', { name: 'JSON' }).click();
    const json = await eventually(() => monacoText(builder), (t) => t.includes('isBlank'));
    expect(json.replace(/\s+/g, '')).toContain('"and":[{"==":[{"var":"record.stage"},"won"]},{"isBlank":{"var":"record.closeDate"}}]');
    await shot(page, 'rule-as-json');
    await builder.getByRole('button', { name: 'Visual builder' }).click();
    expect(await builder.getByLabel('Condition 2 field').inputValue()).toBe('record:closeDate');

    // Tested on a won deal from the starter pack (it has a close date), then on the same deal without one.
    const tester = dialog.getByRole('region', { name: 'Test this rule' });
    const record = tester.getByRole('combobox', { name: 'Test with record' });
    await record.click();
    await record.fill('Copperleaf');
    await page.getByRole('option', { name: /Copperleaf – team plan upgrade/ }).click();
    const result = tester.getByRole('status', { name: 'Test result' });
    await see(result.getByText('Valid — the record would be saved.'));
    const sample = tester.getByLabel('Sample record (JSON)');
    await eventually(() => sample.inputValue(), (v) => v.includes('"closeDate": "2026-01-20"'));
    await sample.fill((await sample.inputValue()).replace('"closeDate": "2026-01-20"', '"closeDate": null'));
    await see(result.getByText(RULE_MESSAGE));
    expect(await result.innerText()).toContain('next to Close date');
    await shot(page, 'rule-dialog-tested');

    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await gone(dialog);
    const row = page.getByRole('table', { name: 'Validation rules' }).getByRole('row', { name: /Won needs a close date/ });
    await see(row);
    expect(await row.innerText()).toContain('Stage is "won" and Close date is empty');
    expect(await row.getByRole('checkbox', { name: 'Rule Won needs a close date active' }).isChecked()).toBe(true);
    await shot(page, 'rules-tab');
  });

  it('edits a rule as JSON Logic with completion and inline problems; too complex for the builder, it stays JSON', async () => {
    await open('/studio/entities/opportunity?tab=rules');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add validation rule to Opportunity' });
    const editor = dialog.getByRole('group', { name: 'Invalid when', exact: true });
    await editor.getByRole('button', { name: 'JSON' }).click();
    const code = editor.locator('.monaco-editor').last();
    await see(code);
    await code.click();
    await page.keyboard.insertText('{">": [{"daysBetween": [{"var": "now"}, {"var": "record.clos"}]}, 30]}');
    // The problem is listed with its line, and underlined in the editor.
    await see(editor.getByRole('list', { name: 'Problems in invalid when' }).getByText(/Line 1: .*\bclos\b/));
    await see(code.locator('.squiggly-error'));
    // Completion offers the entity's fields as var paths.
    for (let i = 0; i < '"}]}, 30]}'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget');
    await see(suggestions.getByText('"record.closeDate"'));
    await shot(page, 'json-completion');
    await page.keyboard.press('Enter');
    await eventually(() => editor.getByRole('list', { name: 'Problems in invalid when' }).count(), (n) => n === 0);
    // Escape in the editor closes suggestions, never the dialog with the rule in it.
    await page.keyboard.press('Escape');
    await see(dialog);

    await editor.getByRole('button', { name: 'Visual builder' }).click();
    await see(editor.getByRole('status').getByText(/This rule is too complex for the visual builder; edit it as JSON/));
    expect(await editor.getByRole('button', { name: 'JSON' }).getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'json-too-complex');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await gone(dialog);
  });

  it('writes "a won deal stays won" on the previous value, for the whole record', async () => {
    await open('/studio/entities/opportunity?tab=rules');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add validation rule to Opportunity' });
    await dialog.getByLabel('Rule label').fill('Won stays won');
    const builder = dialog.getByRole('group', { name: 'Invalid when', exact: true });
    await builder.getByRole('button', { name: 'Add condition' }).click();
    await builder.getByLabel('Condition 1 field').selectOption({ label: 'Stage (before the change)' });
    await builder.getByLabel('Condition 1 value').selectOption({ label: 'Won' });
    await builder.getByRole('button', { name: 'Add condition' }).click();
    await builder.getByLabel('Condition 2 field').selectOption({ label: 'Stage' });
    await builder.getByLabel('Condition 2 operator').selectOption({ label: 'is not' });
    await builder.getByLabel('Condition 2 value').selectOption({ label: 'Won' });
    await dialog.getByLabel('Message', { exact: true }).fill('{{record.name}} was won: it stays won');
    // As an update of a won deal that goes back to negotiation.
    const tester = dialog.getByRole('region', { name: 'Test this rule' });
    await tester.getByLabel('Sample record (JSON)').fill('{ "name": "Deal", "stage": "negotiation" }');
    await tester.getByLabel('Test as an update of a previous version').check();
    await tester.getByLabel('Previous version (JSON)').fill('{ "name": "Deal", "stage": "won" }');
    await see(tester.getByRole('status', { name: 'Test result' }).getByText('Deal was won: it stays won'));
    expect(await tester.getByRole('status', { name: 'Test result' }).innerText()).toContain('next to the whole record');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await gone(dialog);
    await see(page.getByRole('table', { name: 'Validation rules' }).getByRole('row', { name: /Won stays won/ }));
  });

  it('adds a "Loss reason" field shown and required only while the stage is lost, and publishes', async () => {
    await open('/studio/entities/opportunity');
    await page.getByRole('button', { name: 'Add field' }).click();
    const add = page.getByRole('dialog', { name: 'Add field to Opportunity' });
    await add.getByRole('radio', { name: 'Text', exact: true }).check();
    await add.getByLabel('Field label', { exact: true }).fill('Loss reason');
    await add.getByRole('button', { name: 'Add field' }).click();
    await gone(add);

    await page.getByRole('tab', { name: 'Form layout' }).click();
    await page.getByRole('button', { name: 'Conditions of Loss reason' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conditions of “Loss reason”' });
    for (const kind of ['Visible when', 'Required when']) {
      const builder = dialog.getByRole('group', { name: kind, exact: true });
      await builder.getByRole('button', { name: 'Add condition' }).click();
      await builder.getByLabel('Condition 1 field').selectOption({ label: 'Stage' });
      await builder.getByLabel('Condition 1 value').selectOption({ label: 'Lost' });
    }
    // The dialog's own test: a lost deal shows the field and requires it.
    const sample = dialog.getByLabel('Sample record (JSON)');
    await sample.fill('{ "stage": "lost" }');
    await see(dialog.getByRole('status', { name: 'Test result' }).getByText(/is visible, required and editable/));
    await shot(page, 'conditions-dialog');
    await dialog.getByRole('button', { name: 'Save conditions' }).click();
    await gone(dialog);
    await see(page.getByRole('button', { name: 'Conditions of Loss reason' }).filter({ hasText: 'Visible when… Required when…' }));
    await shot(page, 'form-layout-conditions');

    const steps = await publish('Rule: won needs a close date; loss reason when lost');
    expect(steps).toContainEqual(expect.stringMatching(/Add column "loss_reason" text to opportunity/));
  });

  it('shows the end user the field appear and disappear, and the rule message before saving', async () => {
    await open('/data/opportunity');
    await page.getByRole('link', { name: 'New opportunity' }).click();
    await see(page.getByRole('heading', { name: 'New opportunity', level: 1 }));
    await form().getByLabel('Name', { exact: true }).fill('Quillstone – enterprise tier');
    await expect(fieldBox('lossReason').count()).resolves.toBe(0);

    const stage = form().getByLabel('Stage', { exact: true });
    await stage.selectOption({ label: 'Lost' });
    await see(fieldBox('lossReason'));
    expect(await fieldBox('lossReason').locator('.req').count()).toBe(1); // the required asterisk
    await shot(page, 'form-lost-shows-loss-reason');
    await stage.selectOption({ label: 'Qualified' });
    await gone(fieldBox('lossReason'));

    // The rule's message, next to Close date, as soon as the stage is won — nothing was submitted.
    await stage.selectOption({ label: 'Won' });
    await eventually(() => errorsOf('closeDate'), (e) => e.includes(RULE_MESSAGE));
    expect(await errorsOf('closeDate')).toEqual([RULE_MESSAGE]);
    await shot(page, 'form-won-without-close-date');

    // Saving is stopped in the browser, with the focus on the field.
    let mutations = 0;
    const count = (r: { url(): string; postData(): string | null }) => {
      if (new URL(r.url()).pathname === '/graphql' && /mutation/.test(r.postData() ?? '')) mutations++;
    };
    page.on('request', count);
    await form().getByRole('button', { name: 'Save' }).click();
    await see(form().getByRole('alert').filter({ hasText: 'One field needs your attention.' }));
    expect(await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('closeDate');
    expect(mutations).toBe(0);
    page.off('request', count);

    await form().getByLabel('Close date').fill('2026-07-01');
    await eventually(() => errorsOf('closeDate'), (e) => e.length === 0);
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'Quillstone – enterprise tier', level: 1 }));
    await shot(page, 'form-saved');
  });

  it('shows a record-level rule in the form’s alert before saving an edit', async () => {
    await open('/data/opportunity');
    await page.getByRole('link', { name: 'Copperleaf – team plan upgrade' }).click();
    await see(page.getByRole('heading', { name: 'Copperleaf – team plan upgrade', level: 1 }));
    await form().getByLabel('Stage', { exact: true }).selectOption({ label: 'Negotiation' });
    const alert = form().getByRole('alert');
    await see(alert.getByText('Copperleaf – team plan upgrade was won: it stays won'));
    await shot(page, 'form-record-level-rule');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(alert.getByText('This record cannot be saved yet:'));
    await form().getByLabel('Stage', { exact: true }).selectOption({ label: 'Won' });
    await gone(alert);
  });

  it('refuses the same invalid data sent straight to /graphql with the same messages', async () => {
    const won = await createViaApi({ name: 'API deal', stage: 'won' });
    expect(won.data).toBeNull();
    expect(won.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'closeDate', message: RULE_MESSAGE, rule: 'wonNeedsACloseDate' }],
    });

    const copperleaf = (await trellis.graphql(`{ opportunities(filter: { stage: { eq: "won" } }) { edges { node { id name } } } }`)).data.opportunities.edges[0].node;
    const back = await trellis.graphql(`mutation($id: ID!) { updateOpportunity(id: $id, data: { stage: "negotiation" }) { id } }`, { id: copperleaf.id });
    expect(back.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: '_record', message: `${copperleaf.name} was won: it stays won`, rule: 'wonStaysWon' }],
    });

    const lost = await createViaApi({ name: 'API deal', stage: 'lost' });
    expect(lost.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'lossReason', message: 'Loss reason is required', rule: 'requiredWhen' }],
    });

    // The same "Loss reason is required" the form shows for a lost deal.
    await open('/data/opportunity/new');
    await form().getByLabel('Name', { exact: true }).fill('API deal');
    await form().getByLabel('Stage', { exact: true }).selectOption({ label: 'Lost' });
    await form().getByRole('button', { name: 'Save' }).click();
    await eventually(() => errorsOf('lossReason'), (e) => e.length > 0);
    expect(await errorsOf('lossReason')).toEqual(['Loss reason is required']);

    const fine = await createViaApi({ name: 'API deal', stage: 'lost', lossReason: 'Budget frozen' });
    expect(fine.errors).toBeUndefined();
  });

  it('puts sections under tabs and saves an "Open deals" view, both published at once', async () => {
    await open('/studio/entities/opportunity?tab=form');
    await page.getByLabel('Section 1 tab').fill('Deal');
    await page.getByLabel('Section 2 tab').fill('More');

    await page.getByRole('tab', { name: 'Views' }).click();
    await page.getByRole('button', { name: 'Add view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add view to Opportunities' });
    await dialog.getByLabel('View label').fill('Open deals');
    expect(await dialog.getByLabel('View name').inputValue()).toBe('openDeals');
    const filter = dialog.getByRole('group', { name: 'Filter', exact: true });
    await filter.getByRole('button', { name: 'Add condition' }).click();
    await filter.getByLabel('Condition 1 field').selectOption({ label: 'Stage' });
    await filter.getByLabel('Condition 1 operator').selectOption({ label: 'is none of' });
    await filter.getByRole('group', { name: 'Condition 1 value' }).getByLabel('Won').check();
    await filter.getByRole('group', { name: 'Condition 1 value' }).getByLabel('Lost').check();
    for (const column of ['Name', 'Stage', 'Close date']) await dialog.getByLabel(`Show ${column} in the view`).check();
    await dialog.getByLabel('View sort by').selectOption({ label: 'Close date' });
    await shot(page, 'view-dialog');
    await dialog.getByRole('button', { name: 'Add view' }).click();
    await gone(dialog);
    await publish('Tabs and an open deals view');

    // The form in tabs: Loss reason (required once lost) is under "More", and the tab says so.
    await page.goto(new URL('/#/data/opportunity/new', trellis.baseUrl).href);
    const tabs = form().getByRole('tablist', { name: 'Form tabs' });
    await see(tabs);
    expect(await texts(tabs.getByRole('tab'))).toEqual(['Deal', 'More']);
    await form().getByLabel('Name', { exact: true }).fill('Tabbed deal');
    await form().getByLabel('Stage', { exact: true }).selectOption({ label: 'Lost' });
    await form().getByRole('button', { name: 'Save' }).click();
    // Saving jumps to the tab with the field that needs attention.
    await see(form().getByRole('tab', { name: /More/, selected: true }));
    expect(await errorsOf('lossReason')).toEqual(['Loss reason is required']);
    await shot(page, 'form-tabs');

    // The list's view picker: the URL remembers the view, the API filters by it.
    await page.goto(new URL('/#/data/opportunity', trellis.baseUrl).href);
    const list = page.getByRole('table', { name: 'Opportunities' });
    await see(list);
    await page.getByLabel('View', { exact: true }).selectOption({ label: 'Open deals' });
    await eventually(async () => page.url(), (u) => u.endsWith('?view=openDeals'));
    const stages = async () => texts(list.locator('tbody tr td:nth-child(2)'));
    const shown = await eventually(stages, (s) => s.length > 0 && !s.includes('Won') && !s.includes('Lost'));
    expect(shown).not.toContain('Won');
    expect(await texts(list.getByRole('columnheader'))).toEqual([expect.stringMatching(/^Name/), expect.stringMatching(/^Stage/), expect.stringMatching(/^Close date/)]);
    await shot(page, 'list-open-deals-view');
    await page.reload();
    await see(list);
    expect(await page.getByLabel('View', { exact: true }).inputValue()).toBe('openDeals');
  });
});
