import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * The template-pack story, as people click it: an administrator installs "Customer service" from Studio →
 * Packs (its dependency "B2B sales" comes along; every name clash with the starter pack is chosen, never silently
 * overwritten); a power user adds a field to Case and relabels one of the pack's fields; the implementer ships
 * version 1.1.0, which relabels the same field (a conflict) and adds a field to Case's form (a pack-only change).
 * The upgrade shows exactly that one conflict, and the merged form has the customer's field, the pack's new field
 * next to its pack neighbour, and the label that was decided. The data stays.
 */

const servicePack = fileURLToPath(new URL('../../plugins/pack-service/', import.meta.url));
const CONFLICT = 'The label of field subject of entity serviceCase';
const MY_LABEL = 'Case title';
const PACK_LABEL = 'Issue summary';
const MY_CASE = 'Espresso machine leaks after the firmware update';

describe('template packs: install from the studio, customize, upgrade with a conflict resolved', () => {
  let packDirs: string;
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let seededCases: number;
  let myCaseId: string;
  const shot = screenshots('packs');

  beforeAll(async () => {
    // The implementer's folder: empty at first; version 1.1.0 of the service pack lands here later.
    packDirs = mkdtempSync(join(tmpdir(), 'trellis-packs-'));
    [trellis, browser] = await Promise.all([startTrellis({ TRELLIS_PACK_DIRS: packDirs }), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/entities'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
    rmSync(packDirs, { recursive: true, force: true });
  });
  afterEach(() => {
    // Errors in the browser console are bugs even when the screen looks right.
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const installed = () => page.getByRole('list', { name: 'Installed packs' });
  const form = () => page.locator('form.record-form');

  async function openPacks(): Promise<void> {
    await nav().getByRole('link', { name: 'Packs' }).click();
    await see(page.getByRole('heading', { name: 'Packs', level: 1 }));
    await see(page.getByRole('list', { name: 'Available packs' }).or(installed()));
  }

  async function openDesigner(entity: string): Promise<void> {
    await nav().getByRole('link', { name: 'Entities' }).click();
    await page.getByRole('table', { name: 'Entities' }).getByRole('link', { name: entity, exact: true }).click();
    await see(page.getByRole('table', { name: 'Fields' }));
  }

  /** The labels of the form's fields, in the order they are shown (section by section). */
  const formLabels = async (): Promise<string[]> => texts(form().locator('label.field-label, legend.field-label'));

  it('installs "Customer service" from the Packs page; B2B sales comes along, every clash chosen', async () => {
    await openPacks();
    await see(page.getByRole('button', { name: 'Install Customer service', exact: true }));
    await shot(page, 'available');
    await page.getByRole('button', { name: 'Install Customer service', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Install Customer service', level: 1 }));

    // Dependencies first, in the same publish.
    const order = await see(page.getByRole('list', { name: 'Install order' }).getByRole('listitem'));
    expect((await texts(order)).map((t) => t.replace(/Dependency$/, '').trim())).toEqual(['b2b-sales', 'service']);

    // B2B sales' opportunity meets the starter pack's: each clash is the customer's choice.
    const clashes = page.getByRole('list', { name: 'Name clashes' }).getByRole('listitem');
    await see(clashes);
    const clashCount = await clashes.count();
    expect(clashCount).toBeGreaterThan(0);
    const install = page.getByRole('button', { name: 'Install', exact: true });
    expect(await install.isDisabled()).toBe(true);
    await see(page.getByText(/Choose for every clash first/));
    await shot(page, 'install-clashes');
    // Keep the starter pack's opportunity, except its stages: the pack's seed deals are in the pack's stages.
    const choice = (name: string) => (name === 'Field stage of entity opportunity' ? "Take pack's" : 'Keep mine');
    const names = await texts(clashes.locator('strong'));
    expect(names).toContain('Field stage of entity opportunity');
    for (let i = 0; i < clashCount; i++) await clashes.nth(i).getByRole('button', { name: choice(names[i]), exact: true }).click();
    for (let i = 0; i < clashCount; i++) expect(await clashes.nth(i).getByRole('button', { name: choice(names[i]), exact: true }).getAttribute('aria-pressed')).toBe('true');

    await see(page.getByText(`${clashCount} of ${clashCount} clashes decided`));
    // Chosen: the plan is previewed again with the choices, then Install is enabled (after the data-loss check if any).
    await eventually(
      async () => (await install.isEnabled()) || (await page.getByLabel('I understand this hides data').count()) > 0,
      (ready) => ready,
    );
    if (await page.getByLabel('I understand this hides data').count()) await page.getByLabel('I understand this hides data').check();
    await eventually(() => install.isEnabled(), (enabled) => enabled);
    await shot(page, 'install-ready');
    expect(await whyDisabled(install)).toBe('');
    await install.click();
    await doneOrFailed('Install');
    await see(installed().getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Customer service/ }) }));
    await see(installed().getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^B2B sales/ }) }));
    for (const label of ['Customer service', 'B2B sales']) {
      await see(installed().getByRole('button', { name: `Uninstall ${label}` }));
      expect(await page.getByRole('button', { name: `Install ${label}`, exact: true }).count()).toBe(0);
    }
    await shot(page, 'installed');

    const packs = await trellis.metadata(`{ packs { name installedVersion } }`);
    expect(packs.data.packs).toEqual(
      expect.arrayContaining([
        { name: 'service', installedVersion: '1.0.0' },
        { name: 'b2b-sales', installedVersion: '1.0.0' },
      ]),
    );

    // The Case list exists in Data, with the pack's seed cases.
    await nav().getByRole('link', { name: 'Cases', exact: true }).click();
    const table = await see(page.getByRole('table', { name: 'Cases' }));
    await see(table.getByRole('row').filter({ hasText: 'SSO login fails for all Hamburg users' }));
    const api = await trellis.graphql(`{ serviceCases { totalCount } }`);
    expect(api.errors).toBeUndefined();
    seededCases = api.data.serviceCases.totalCount;
    expect(seededCases).toBeGreaterThan(0);
    await shot(page, 'cases-list');
  });

  it('the power user adds "Customer mood" to Case, relabels Subject, publishes, and files a case', async () => {
    // Each entity says where it came from: the pack's (and version) or the workspace's own.
    await nav().getByRole('link', { name: 'Entities' }).click();
    const entityRow = (label: string) => page.getByRole('table', { name: 'Entities' }).getByRole('row').filter({ has: page.getByRole('link', { name: label, exact: true }) });
    await see(entityRow('Case').getByText('Pack service 1.0.0'));
    await see(entityRow('Company').getByText('Pack starter-sales 0.1.0'));
    await shot(page, 'entities-with-sources');
    await openDesigner('Case');
    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add field to Case' });
    await dialog.getByRole('radio', { name: 'Pick list', exact: true }).check();
    await dialog.getByLabel('Field label', { exact: true }).fill('Customer mood');
    expect(await dialog.getByLabel('Field name', { exact: true }).inputValue()).toBe('customerMood');
    for (const [n, option] of ['Calm', 'Upset'].entries()) {
      await dialog.getByRole('button', { name: 'Add option' }).click();
      await dialog.getByLabel(`Option ${n + 1} label`).fill(option);
    }
    await shot(page, 'add-customer-mood');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await gone(dialog);

    await page.getByRole('button', { name: 'Edit field Subject' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit field “Subject”' });
    await edit.getByLabel('Field label', { exact: true }).fill(MY_LABEL);
    expect(await edit.getByLabel('Field name', { exact: true }).inputValue()).toBe('subject');
    await edit.getByRole('button', { name: 'Save field' }).click();
    await gone(edit);
    await see(page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: MY_LABEL }));
    await see(page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'Customer mood' }));
    // The pack's fields carry its badge; the customer's own field does not.
    await see(page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: MY_LABEL }).getByText('Pack service 1.0.0'));
    expect(await page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'Customer mood' }).getByText(/^Pack /).count()).toBe(0);
    await shot(page, 'designer-customized');

    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByRole('heading', { name: 'Publish', level: 1 }));
    await see(page.getByRole('list', { name: 'Migration plan' }).getByRole('listitem'));
    const steps = await texts(page.getByRole('list', { name: 'Migration plan' }).locator('.plan-step-text'));
    expect(steps).toContainEqual(expect.stringMatching(/Add column "customer_mood" text to service_case/));
    await shot(page, 'publish-customization');
    await page.getByLabel('Publish message').fill('Case: customer mood, "Case title"');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version \d+\./ }));

    // A service agent's case, with the customer's own field filled in.
    await nav().getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'New case' }).click();
    await see(page.getByRole('heading', { name: 'New case', level: 1 }));
    await form().getByLabel(MY_LABEL, { exact: true }).fill(MY_CASE);
    await form().getByLabel('Web email').fill('barista@bean-there.example');
    await showTabOf('Customer mood');
    await form().getByLabel('Customer mood').selectOption({ label: 'Upset' });
    await shot(page, 'case-form-customized');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: MY_CASE, level: 1 }));
    myCaseId = /#\/data\/serviceCase\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(myCaseId).not.toBe('');
  });

  it('version 1.1.0 lands in the pack folder: one conflict, decided "Keep mine", upgraded', async () => {
    writeServicePackV110(packDirs);

    await openPacks();
    const upgrade = await see(page.getByRole('button', { name: 'Upgrade Customer service' }));
    await see(installed().getByText('1.1.0 available'));
    await shot(page, 'upgrade-available');
    await upgrade.click();
    await see(page.getByRole('heading', { name: 'Upgrade Customer service', level: 1 }));

    const conflicts = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await see(conflicts);
    expect(await conflicts.count()).toBe(1);
    const card = page.getByRole('listitem', { name: CONFLICT });
    await see(card);
    await see(card.getByText(MY_LABEL));
    await see(card.getByText(PACK_LABEL));
    const button = page.getByRole('button', { name: 'Upgrade', exact: true });
    expect(await button.isDisabled()).toBe(true);
    await shot(page, 'upgrade-conflict');

    await card.getByRole('button', { name: 'Keep mine' }).click();
    expect(await card.getByRole('button', { name: 'Keep mine' }).getAttribute('aria-pressed')).toBe('true');
    await eventually(
      async () => (await button.isEnabled()) || (await page.getByLabel('I understand this hides data').count()) > 0,
      (ready) => ready,
    );
    // Adding a field hides nothing: the merged plan is not destructive.
    expect(await page.getByLabel('I understand this hides data').count()).toBe(0);
    await see(page.getByRole('list', { name: 'Merged plan' }).getByText(/Add column "product_area" text to service_case/));
    await shot(page, 'upgrade-decided');
    await button.click();
    await doneOrFailed('Upgrade');
    await see(installed().getByRole('heading', { name: /^Customer service\s*1\.1\.0/ }));
    expect(await page.getByRole('button', { name: 'Upgrade Customer service' }).count()).toBe(0);
    await shot(page, 'upgraded');
  });

  it('the new Case form has the customer’s field, the pack’s new field next to its neighbour, and the kept label; data intact', async () => {
    await nav().getByRole('link', { name: 'Cases', exact: true }).click();
    await see(page.getByRole('table', { name: 'Cases' }));
    await page.getByRole('link', { name: 'New case' }).click();
    await see(page.getByRole('heading', { name: 'New case', level: 1 }));
    await see(form().getByLabel(MY_LABEL, { exact: true }));
    expect(await form().getByLabel(PACK_LABEL).count()).toBe(0);
    // The pack put "Product area" right after "Category" in the Case section.
    await see(form().getByLabel('Product area'));
    const labels = await formLabels();
    expect(labels).toEqual(expect.arrayContaining([MY_LABEL, 'Category', 'Product area']));
    expect(labels.indexOf('Product area')).toBe(labels.indexOf('Category') + 1);
    await shot(page, 'merged-form');
    await showTabOf('Customer mood');
    await see(form().getByLabel('Customer mood'));
    await shot(page, 'merged-form-customer-field');

    // Data intact: the seed cases and the agent's case with its mood.
    const api = await trellis.graphql(`query($id: ID!) { serviceCases { totalCount } serviceCase(id: $id) { subject customerMood suppliedEmail productArea } }`, {
      id: myCaseId,
    });
    expect(api.errors).toBeUndefined();
    expect(api.data.serviceCases.totalCount).toBe(seededCases + 1);
    expect(api.data.serviceCase).toEqual({ subject: MY_CASE, customerMood: 'upset', suppliedEmail: 'barista@bean-there.example', productArea: null });

    await page.goto(new URL(`/#/data/serviceCase/${myCaseId}`, trellis.baseUrl).href);
    await see(page.getByRole('heading', { name: MY_CASE, level: 1 }));
    expect(await form().getByLabel(MY_LABEL, { exact: true }).inputValue()).toBe(MY_CASE);
    await showTabOf('Customer mood');
    expect(await form().getByLabel('Customer mood').inputValue()).toBe('upset');
    await shot(page, 'my-case-after-upgrade');

    // The merge base moved on: the workspace records the upgraded version.
    const packs = await trellis.metadata(`{ packs { name installedVersion upgradeAvailable } }`);
    expect(packs.data.packs).toContainEqual({ name: 'service', installedVersion: '1.1.0', upgradeAvailable: false });
  });

  /** Why the pack action's button is disabled, in the page's words ('' when enabled): makes a failure readable. */
  async function whyDisabled(button: ReturnType<Page['getByRole']>): Promise<string> {
    if (await button.isEnabled()) return '';
    const problems = page.locator('.card-danger');
    return [await page.locator('.publish-box').innerText(), ...(await problems.allInnerTexts())].join('\n');
  }

  /** After Install / Upgrade: back on the Packs page, or the failure banner's words fail the test. */
  async function doneOrFailed(verb: string): Promise<void> {
    const failed = page.getByText(`${verb} failed; nothing was changed`);
    await see(page.getByRole('heading', { name: 'Packs', level: 1 }).or(failed));
    if (await failed.count()) {
      await shot(page, `${verb.toLowerCase()}-failed`);
      throw new Error(await page.locator('.publish-box').innerText());
    }
  }

  /** A field the designer appended to the last section may sit on another tab of the form: open it. */
  async function showTabOf(label: string): Promise<void> {
    if (await form().getByLabel(label).isVisible()) return;
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      if (await form().getByLabel(label).isVisible()) return;
    }
    await see(form().getByLabel(label));
  }
});

/**
 * Version 1.1.0 of the service pack, as its implementer would ship it: Subject relabelled (the customer relabelled
 * it too: a conflict), and a new "Product area" field placed right after Category in the form (pack-only changes).
 */
function writeServicePackV110(into: string): void {
  const dir = join(into, 'pack-service');
  cpSync(servicePack, dir, { recursive: true });
  const manifestFile = join(dir, 'trellis-pack.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.version = '1.1.0';
  delete manifest.$schema;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

  const caseFile = join(dir, 'metadata', '01-serviceCase.json');
  const metadata = JSON.parse(readFileSync(caseFile, 'utf8'));
  delete metadata.$schema;
  const serviceCase = metadata.entities.serviceCase;
  serviceCase.fields.subject.label = PACK_LABEL;
  serviceCase.fields.productArea = { type: 'text', label: 'Product area', maxLength: 120 };
  const section = serviceCase.layouts.form.sections.find((s: { label: string }) => s.label === 'Case');
  section.fields.splice(section.fields.indexOf('category') + 1, 0, 'productArea');
  writeFileSync(caseFile, JSON.stringify(metadata, null, 2));
}
