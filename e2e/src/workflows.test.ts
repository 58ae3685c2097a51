import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see } from './support/ui.js';

/**
 * The workflow, built by a power user in the studio: "when an opportunity's stage changes to won, create
 * a follow-up task for the owner in 3 days and notify the sales manager". It is tested in dry run (nothing
 * written), activated and published; then a sales rep moves their opportunity to won in the app, and the task
 * shows in their "My tasks" and the notification in the sales manager's bell.
 */

const REP = { email: 'wendy@trellis.test', password: 'Copper-Kettle-Harbor-58' };
const MANAGER = { email: 'mario@trellis.test', password: 'Granite-Meadow-Sparrow-71' };
const DEAL = 'Ledgerly – compliance reporting';

describe('workflows: built in the studio, tested in dry run, activated, run by an end user’s change', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let dealId: string;
  const shot = screenshots('workflows');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    const users: Record<string, string> = {};
    for (const [who, roles, name] of [
      [REP, ['salesRep'], 'Wendy Rep'],
      [MANAGER, ['salesManager'], 'Mario Manager'],
    ] as const) {
      const created = await trellis.metadata(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email: who.email, name, roles, password: who.password },
      });
      expect(created.errors).toBeUndefined();
      users[who.email] = created.data.createUser.id;
    }
    // The rep owns the deal they will win.
    const deals = await trellis.graphql(`{ opportunities(first: 50) { edges { node { id name } } } }`);
    dealId = deals.data.opportunities.edges.find((e: { node: { name: string } }) => e.node.name === DEAL).node.id;
    const owned = await trellis.graphql(`mutation($id: ID!, $owner: ID!) { updateOpportunity(id: $id, data: { owner: $owner }) { id } }`, {
      id: dealId,
      owner: users[REP.email],
    });
    expect(owned.errors).toBeUndefined();
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/workflows'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  it('creates the workflow: stage changed to won → follow-up task for the owner in 3 days, notify the sales manager', async () => {
    await page.getByRole('button', { name: 'New workflow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByLabel('Workflow label').fill('Won deal follow-up');
    await dialog.getByLabel('Starts').selectOption({ label: 'Field changed' });
    await dialog.getByLabel('Entity').selectOption({ label: 'Opportunities' });
    await dialog.getByRole('button', { name: 'Create workflow' }).click();
    await see(page.getByRole('heading', { name: /Won deal follow-up/, level: 1 }));

    await page.getByRole('group', { name: 'Fields' }).getByRole('checkbox', { name: 'Stage' }).check();
    await page.getByRole('button', { name: 'Add condition' }).click();
    const condition = page.getByRole('group', { name: 'Run only when' });
    await condition.getByLabel('Condition 1 field').selectOption('record:stage');
    await condition.getByLabel('Condition 1 value').selectOption({ label: 'Won' });

    await page.getByRole('button', { name: 'Add step', exact: true }).click();
    await page.getByRole('dialog', { name: 'Add a step' }).getByRole('button', { name: /^Create task/ }).click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Follow up on {{record.name}}');
    await page.getByLabel('Due in: amount').fill('3');
    await page.getByLabel('Due in: unit').selectOption('days');
    await shot(page, 'task-step');
    await page.getByRole('button', { name: 'Close step settings' }).click();

    await page.getByRole('button', { name: 'Add step', exact: true }).click();
    await page.getByRole('dialog', { name: 'Add a step' }).getByRole('button', { name: /^Notify/ }).click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('{{record.name}} was won');
    await page.getByRole('checkbox', { name: 'The record’s owner' }).uncheck();
    await page.getByRole('group', { name: 'Recipients: roles' }).getByRole('checkbox', { name: 'Sales manager' }).check();
    await page.getByRole('button', { name: 'Close step settings' }).click();

    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await eventually(() => steps.count(), (n) => n === 2);
    expect(await page.getByRole('alert').filter({ hasText: 'Problems in this workflow' }).count()).toBe(0);
    await shot(page, 'built');
  });

  it('test-runs it against a won deal in dry run: both steps would run, nothing is written', async () => {
    const tasksBefore = await trellis.metadata(`{ myTasks(status: "open") { id } }`);
    await page.getByRole('button', { name: 'Test run' }).click();
    const record = page.getByRole('combobox', { name: 'Test with record' });
    await record.click();
    await record.fill('Copperleaf');
    await page.getByRole('option', { name: /Copperleaf – team plan upgrade/ }).click();
    await page.getByRole('button', { name: 'Run test' }).click();
    const result = page.getByRole('region', { name: 'Test result' });
    const testSteps = result.getByRole('list', { name: 'Test steps' }).getByRole('listitem');
    await eventually(() => testSteps.filter({ hasText: 'Would run' }).count(), (n) => n === 2);
    await see(testSteps.filter({ hasText: /Follow up on Copperleaf – team plan upgrade/ }));
    await shot(page, 'dry-run');
    const tasksAfter = await trellis.metadata(`{ myTasks(status: "open") { id } }`);
    expect(tasksAfter.data.myTasks).toHaveLength(tasksBefore.data.myTasks.length);
    const runs = await trellis.metadata(`{ workflowRunCounts { queued running succeeded dead } }`);
    expect(runs.data.workflowRunCounts).toEqual({ queued: 0, running: 0, succeeded: 0, dead: 0 });
  });

  it('activates it and publishes', async () => {
    await page.getByRole('switch', { name: 'Active' }).click();
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByRole('heading', { name: 'Publish', level: 1 }));
    await page.getByLabel('Publish message').fill('Won deal follow-up');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version \d+\./ }));
    const current = await trellis.metadata(`{ currentMetadata { document } }`);
    expect(current.data.currentMetadata.document.workflows.wonDealFollowUp).toMatchObject({ active: true, trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] } });
  });

  it('a sales rep wins their deal; the follow-up task is in their tasks and the manager is notified', async () => {
    const rep = await openStudio(browser, trellis.baseUrl, `/data/opportunity/${dealId}`, { as: REP });
    const form = rep.page.locator('form.record-form');
    await form.getByLabel('Stage').selectOption({ label: 'Won' });
    await form.getByRole('button', { name: 'Save' }).click();
    await see(rep.page.getByRole('status').getByText('Saved', { exact: true }));

    await rep.page.getByRole('link', { name: 'My tasks' }).click();
    await see(rep.page.getByRole('heading', { name: 'My tasks' }));
    const task = rep.page.getByRole('checkbox', { name: `Follow up on ${DEAL}` });
    await eventually(
      async () => {
        if (await task.count()) return true;
        await rep.page.reload();
        return false;
      },
      (found) => found,
    );
    await shot(rep.page, 'rep-task');
    const due = await trellis.metadata(`{ workflowRuns(workflow: "wonDealFollowUp", first: 5) { runs { status steps { key output } } } }`);
    expect(due.errors).toBeUndefined();
    expect(due.data.workflowRuns.runs).toHaveLength(1);
    expect(due.data.workflowRuns.runs[0].status).toBe('succeeded');

    const manager = await openStudio(browser, trellis.baseUrl, '/data/opportunity', { as: MANAGER });
    const bell = manager.page.getByRole('button', { name: /^Notifications, 1 unread/ });
    await see(bell);
    await bell.click();
    await see(manager.page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: new RegExp(`${DEAL} was won`) }));
    await shot(manager.page, 'manager-notified');
    expect([...rep.problems, ...manager.problems].filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
