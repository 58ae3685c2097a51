import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { openStudio, screenshots, see } from './support/ui.js';

/**
 * A pack's translations reach the people who use the data: the administrator installs "Field service" (which ships
 * German labels in translations/de.json); in the user menu they pick "Deutsch" — the Data navigation, the list and
 * its columns speak German, also after a reload — while the studio's entity designer keeps the original labels.
 */
describe('pack translations: the data screens in the language picked in the user menu', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('pack-translations');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    const preview = await trellis.metadata(`{ previewPackInstall(name: "field-service") { clashes { path } } }`);
    expect(preview.errors).toBeUndefined();
    const choices = Object.fromEntries(preview.data.previewPackInstall.clashes.map((c: { path: string }) => [c.path, 'takePack']));
    const installed = await trellis.metadata(`mutation($choices: JSON) { installPack(name: "field-service", clashChoices: $choices) { version } }`, { choices });
    expect(installed.errors).toBeUndefined();
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/data/workOrder'));
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
  const language = () => page.getByLabel('Language of labels');
  const openUserMenu = async () => {
    await nav().getByRole('button', { name: /^Account:/ }).click();
    await see(language());
  };

  it('shows the default labels to an English browser, and lists the pack’s German in the user menu', async () => {
    await see(nav().getByRole('link', { name: 'Work orders', exact: true }));
    await see(page.getByRole('columnheader', { name: /Due date/ }));
    await openUserMenu();
    expect(await language().inputValue()).toBe('default');
    expect(await language().locator('option').allInnerTexts()).toEqual(['Default labels', 'Deutsch (de)']);
    await shot(page, 'user-menu');
  });

  it('switches the data screens to German, and keeps the choice after a reload', async () => {
    await language().selectOption('de');
    await see(nav().getByRole('link', { name: 'Arbeitsaufträge', exact: true }));
    await see(page.getByRole('columnheader', { name: /Fällig am/ }));
    // German nouns keep their capital inside the screens' sentences.
    await see(page.getByRole('link', { name: 'New Arbeitsauftrag' }));
    await page.keyboard.press('Escape');
    await shot(page, 'german-list');
    await page.reload();
    await see(nav().getByRole('link', { name: 'Arbeitsaufträge', exact: true }));
    await see(page.getByRole('columnheader', { name: /Fällig am/ }));
  });

  it('keeps the original labels in the studio’s entity designer', async () => {
    await nav().getByRole('link', { name: 'Entities' }).click();
    await see(page.getByRole('table', { name: 'Entities' }).getByRole('link', { name: 'Work order', exact: true }));
    await shot(page, 'designer-untranslated');
  });

  it('goes back to the default labels when picked', async () => {
    await openUserMenu();
    await language().selectOption('default');
    await see(nav().getByRole('link', { name: 'Work orders', exact: true }));
  });
});
