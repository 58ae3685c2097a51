import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * A plugin field type as people use it: the geo plugin (plugins/plugin-geo) is in the studio bundle and on the
 * server without any setup. A power user adds a "Geo point" field to a new entity and publishes; an end user
 * pastes coordinates into the coordinate widget, is told in words when a latitude is out of range, sees the
 * points in words in the list, and filters the list to the sites within 50 km of a point.
 */
describe('a plugin field type: geo points in the designer, the form, the list and the filter', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('plugin-geo');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/entities'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon|status of 400/.test(p));
    expect(seen).toEqual([]);
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const form = () => page.locator('form.record-form');

  it('adds a "Geo point" field from the type picker; the plan stores it in two columns', async () => {
    await see(page.getByRole('table', { name: 'Entities' }));
    await page.getByRole('button', { name: 'New entity' }).click();
    const entityDialog = page.getByRole('dialog', { name: 'New entity' });
    await entityDialog.getByLabel('Label', { exact: true }).fill('Site');
    await entityDialog.getByRole('button', { name: 'Create entity' }).click();
    await see(page.getByRole('heading', { name: /Site/, level: 1 }));

    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add field to Site' });
    await dialog.getByRole('radio', { name: 'Geo point', exact: true }).check();
    await dialog.getByLabel('Field label', { exact: true }).fill('Location');
    await shot(page, 'add-geo-field');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await gone(dialog);

    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    const plan = await see(page.getByRole('list', { name: 'Migration plan' }));
    const step = plan.getByRole('listitem').filter({ hasText: /Create table/ });
    await step.getByText('SQL').click();
    await see(step.locator('pre').filter({ hasText: /"location" double precision,\s*"location_lng" double precision/ }));
    await shot(page, 'plan');
    await page.getByLabel('Publish message').fill('Sites with a location');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version \d+\./ }));
  });

  async function newSite(name: string, fill: () => Promise<void>): Promise<void> {
    await nav().getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('link', { name: 'New site' }).click();
    await see(page.getByRole('heading', { name: 'New site', level: 1 }));
    await form().getByLabel('Name', { exact: true }).fill(name);
    await fill();
  }

  it('edits a point with the coordinate widget: pasted coordinates fill both inputs; out of range is said in words', async () => {
    await newSite('Paris workshop', async () => {
      await form().getByLabel('Location latitude').fill('48.8566, 2.3522');
      expect(await form().getByLabel('Location longitude').inputValue()).toBe('2.3522');
      await see(form().getByText('48.8566° N, 2.3522° E'));
    });
    await shot(page, 'widget-pasted');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'Paris workshop', level: 1 }));
    await see(form().getByText('48.8566° N, 2.3522° E'));
    await shot(page, 'saved');

    await newSite('London depot', async () => {
      await form().getByLabel('Location latitude').fill('95');
      await form().getByLabel('Location longitude').fill('-0.1278');
      await form().getByLabel('Location longitude').blur();
    });
    await see(form().getByText('Location latitude must be at most 90'));
    await shot(page, 'widget-out-of-range');
    await form().getByLabel('Location latitude').fill('51.5074');
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'London depot', level: 1 }));

    await newSite('Lyon yard', async () => {
      await form().getByLabel('Location latitude').fill('45.764');
      await form().getByLabel('Location longitude').fill('4.8357');
    });
    await form().getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('heading', { name: 'Lyon yard', level: 1 }));

    const api = await trellis.graphql('{ sites(orderBy: [{ field: name }]) { edges { node { name location { lat lng } } } } }');
    expect(api.errors).toBeUndefined();
    expect(api.data.sites.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { name: 'London depot', location: { lat: 51.5074, lng: -0.1278 } },
      { name: 'Lyon yard', location: { lat: 45.764, lng: 4.8357 } },
      { name: 'Paris workshop', location: { lat: 48.8566, lng: 2.3522 } },
    ]);
  });

  it('lists points in words and filters to the sites within 50 km of a point', async () => {
    await nav().getByRole('link', { name: 'Sites' }).click();
    const table = await see(page.getByRole('table', { name: 'Sites' }));
    const rows = () => texts(table.locator('tbody tr'));
    await eventually(rows, (r) => r.length === 3);
    expect((await rows()).find((r) => r.startsWith('Paris workshop'))).toContain('48.8566° N, 2.3522° E');

    await page.getByRole('button', { name: 'Filter' }).click();
    const filterForm = await see(page.getByRole('form', { name: 'Add filter' }));
    await filterForm.getByLabel('Filter field').selectOption({ label: 'Location' });
    await filterForm.getByLabel('Filter operator').selectOption({ label: 'is within' });
    await filterForm.getByLabel('Distance (km)').fill('50');
    await filterForm.getByLabel('Latitude').fill('48.85');
    await filterForm.getByLabel('Longitude').fill('2.35');
    await shot(page, 'filter-within');
    await filterForm.getByRole('button', { name: 'Apply filter' }).click();

    await see(page.getByRole('list', { name: 'Active filters' }).getByText('Location is within 50 km of 48.8500° N, 2.3500° E'));
    const filtered = await eventually(rows, (r) => r.length === 1);
    expect(filtered[0]).toMatch(/^Paris workshop/);
    await shot(page, 'filtered');
  });
});
