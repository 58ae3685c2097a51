import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, trellisWorkDir, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * A plugin the published metadata relies on goes missing (here switched off with TRELLIS_DISABLED_PLUGINS, as an
 * operator would for a misbehaving plugin): the server still starts on the same database, end users keep working
 * on what does not need it and are told what is not available, the studio lists the suspended components and
 * still publishes other changes; with the plugin back, the field and its data are there again.
 */
describe('a workspace whose geo plugin is switched off', () => {
  const workDir = trellisWorkDir();
  const start = (env: Record<string, string> = {}) => startTrellis({ TRELLIS_STARTER_PACK: '0', ...env }, { workDir });
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('missing-plugin');

  const sites = {
    entities: {
      site: {
        label: 'Site',
        pluralLabel: 'Sites',
        plural: 'sites',
        displayField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          location: { type: 'geoPoint', label: 'Location' },
          city: { type: 'text', label: 'City' },
        },
        rules: {
          inEurope: {
            invalidWhen: { '>': [{ distanceKm: [{ var: 'record.location' }, [50, 10]] }, 3000] },
            message: 'Sites must be in Europe',
            fields: ['location'],
          },
        },
        layouts: {
          form: { sections: [{ label: 'Site', fields: ['name', 'location', 'city'] }] },
          list: { columns: ['name', 'location', 'city'] },
        },
      },
    },
  };

  beforeAll(async () => {
    trellis = await start();
    const published = await trellis.metadata('mutation($d: JSON!) { publishMetadata(document: $d, message: "Sites") { version } }', { d: sites });
    expect(published.errors).toBeUndefined();
    const created = await trellis.graphql('mutation { createSite(data: { name: "Paris office", city: "Paris", location: { lat: 48.8566, lng: 2.3522 } }) { id } }');
    expect(created.errors).toBeUndefined();
    await trellis.stop();
    [trellis, browser] = await Promise.all([start({ TRELLIS_DISABLED_PLUGINS: '@trellis/plugin-geo' }), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/data/site'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon|status of 400/.test(p));
    expect(seen).toEqual([]);
  });

  const notice = () => page.getByRole('status').filter({ hasText: 'Not available until a missing plugin is loaded again' });

  it('lists the records without the suspended field and tells the end user what is not available', async () => {
    const table = await see(page.getByRole('table', { name: 'Sites' }));
    const rows = await eventually(() => texts(table.locator('tbody tr')), (r) => r.length === 1);
    expect(rows[0]).toMatch(/Paris office\s*Paris/);
    expect(await texts(table.locator('thead th'))).not.toContain('Location');
    await see(notice().getByText(/: Field “Location” of Site; Rule “inEurope” of Site\. Their data is kept/));
    await shot(page, 'list-notice');

    await table.getByRole('link', { name: 'Paris office' }).click();
    await see(page.getByRole('heading', { name: 'Paris office', level: 1 }));
    await see(notice());
    const form = page.locator('form.record-form');
    await see(form.getByLabel('City', { exact: true }));
    expect(await form.getByLabel('Location latitude').count()).toBe(0);
    await form.getByLabel('City', { exact: true }).fill('Paris 8e');
    await form.getByRole('button', { name: 'Save' }).click();
    await see(page.getByRole('status').getByText('Saved', { exact: true }));
  });

  it('shows the suspended components in the studio and still publishes another field', async () => {
    await page.goto(new URL('/#/studio/entities/site', trellis.baseUrl).href);
    const banner = await see(page.getByRole('status').filter({ hasText: '4 components are suspended' }));
    await banner.getByText('What is suspended').click();
    const items = (await texts(banner.getByRole('listitem'))).sort();
    expect(items).toEqual([
      expect.stringMatching(/^Field “Location” of Site: .*unknown type "geoPoint"/),
      expect.stringMatching(/^Form field “Location” of Site: It refers to a suspended component\./),
      expect.stringMatching(/^List column “Location” of Site: It refers to a suspended component\./),
      expect.stringMatching(/^Rule “inEurope” of Site: .*distanceKm/),
    ]);
    await see(page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ hasText: 'Geo point' }).getByText('Suspended', { exact: true }));
    await shot(page, 'studio-banner');

    await page.getByRole('button', { name: 'Add field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add field to Site' });
    await dialog.getByRole('radio', { name: 'Phone', exact: true }).check();
    await dialog.getByLabel('Field label', { exact: true }).fill('Phone');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByRole('list', { name: 'Migration plan' }).getByRole('listitem').filter({ hasText: /phone/i }));
    await see(page.getByRole('status').filter({ hasText: '4 components are suspended' }));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await see(page.getByRole('status').filter({ hasText: /Published version 2\./ }));
    await shot(page, 'published-meanwhile');

    // Removing the field (after the rule that reads it) needs the plugin: the review says so and Publish stays off.
    await page.goto(new URL('/#/studio/entities/site', trellis.baseUrl).href);
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('button', { name: 'Remove rule inEurope' }).click();
    await page.getByRole('dialog', { name: 'Remove rule “inEurope”?' }).getByRole('button', { name: 'Remove rule' }).click();
    await page.getByRole('tab', { name: 'Fields' }).click();
    await page.getByRole('button', { name: 'Remove field Location' }).click();
    await page.getByRole('dialog', { name: 'Remove field “Location”?' }).getByRole('button', { name: 'Remove field' }).click();
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('link', { name: /Review & publish/ }).click();
    await see(page.getByText(/Field site.location has type "geoPoint", which no loaded plugin provides, so it must stay as it is/));
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await shot(page, 'removal-refused');
    await page.goto(new URL('/#/studio/entities', trellis.baseUrl).href);
    await page.getByRole('toolbar', { name: 'Draft' }).getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('dialog', { name: 'Discard the draft?' }).getByRole('button', { name: 'Discard draft' }).click();

    const stored = await trellis.metadata('{ currentMetadata { document suspended { path } } }');
    expect(Object.keys(stored.data.currentMetadata.document.entities.site.fields)).toEqual(['name', 'location', 'city', 'phone']);
    expect(stored.data.currentMetadata.suspended.map((s: { path: string }) => s.path)).toContain('/entities/site/fields/location');
  });

  it('has the field and its data back once the plugin loads again', async () => {
    await trellis.stop();
    trellis = await start();
    const api = await trellis.graphql('{ sites { edges { node { name city phone location { lat lng } } } } }');
    expect(api.errors).toBeUndefined();
    expect(api.data.sites.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { name: 'Paris office', city: 'Paris 8e', phone: null, location: { lat: 48.8566, lng: 2.3522 } },
    ]);
    const current = await trellis.metadata('{ currentMetadata { suspended { path } } }');
    expect(current.data.currentMetadata.suspended).toEqual([]);
  });
});
