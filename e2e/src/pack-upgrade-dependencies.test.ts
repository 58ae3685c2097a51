import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writePackFolder } from '@trellis/plugin-sdk';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { eventually, openStudio, screenshots, see } from './support/ui.js';

/**
 * An upgrade whose new version depends on a pack that is not installed, as an administrator clicks it: the preview
 * says which pack it also installs (with its version), the dependency's name clash with the starter pack is the
 * customer's choice (as on install), and "Upgrade" installs both in one publish.
 */

const project = (withCompany: boolean) => ({
  label: 'Project',
  pluralLabel: 'Projects',
  plural: 'projects',
  displayField: 'name',
  fields: {
    name: { type: 'text', label: 'Name', required: true },
    ...(withCompany ? { client: { type: 'relation', label: 'Client', target: 'company', cardinality: 'manyToOne' } } : {}),
  },
});
/** The dependency brings its own company (clashing with the starter pack's) and an invoice entity. */
const billing = {
  entities: {
    company: { label: 'Organisation', pluralLabel: 'Organisations', plural: 'companies', displayField: 'name', fields: { name: { type: 'text', label: 'Name', required: true, maxLength: 200 }, vatNumber: { type: 'text', label: 'VAT number' } } },
    invoice: { label: 'Invoice', pluralLabel: 'Invoices', plural: 'invoices', displayField: 'number', fields: { number: { type: 'text', label: 'Number', required: true } } },
  },
};

describe('upgrading a pack whose new version brings a dependency', () => {
  let packDirs: string;
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const shot = screenshots('pack-upgrade-deps');

  beforeAll(async () => {
    packDirs = mkdtempSync(join(tmpdir(), 'trellis-upgrade-deps-'));
    await writePackFolder(join(packDirs, 'projects-v1'), { manifest: { name: 'projects', version: '1.0.0', label: 'Projects' }, document: { entities: { project: project(false) } } as never });
    [trellis, browser] = await Promise.all([startTrellis({ TRELLIS_PACK_DIRS: packDirs }), launchBrowser()]);
    const installed = await trellis.metadata(`mutation { installPack(name: "projects") { version } }`);
    expect(installed.errors).toBeUndefined();
    // The implementer ships projects 2.0.0, which needs the billing pack.
    rmSync(join(packDirs, 'projects-v1'), { recursive: true });
    await writePackFolder(join(packDirs, 'projects-v2'), {
      manifest: { name: 'projects', version: '2.0.0', label: 'Projects', dependencies: { billing: '^1.0.0' } },
      document: { entities: { project: project(true) } } as never,
    });
    await writePackFolder(join(packDirs, 'billing'), { manifest: { name: 'billing', version: '1.0.0', label: 'Billing' }, document: billing as never });
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/packs'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
    rmSync(packDirs, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  it('shows the pack it also installs, asks for the clash, and installs both in the upgrade', async () => {
    await page.getByRole('button', { name: 'Upgrade Projects' }).click();
    await see(page.getByRole('heading', { name: 'Upgrade Projects', level: 1 }));
    await see(page.getByText('Also installs: Billing 1.0.0'));

    const clashes = page.getByRole('list', { name: 'Name clashes' }).getByRole('listitem');
    await see(clashes);
    expect(await clashes.count()).toBe(1);
    await see(clashes.getByText(/company/i));
    const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
    expect(await upgrade.isDisabled()).toBe(true);
    await see(page.getByText(/Choose for every clash first/));
    await shot(page, 'preview');

    await clashes.getByRole('button', { name: 'Keep mine', exact: true }).click();
    await eventually(() => upgrade.isEnabled(), (enabled) => enabled);
    await shot(page, 'ready');
    await upgrade.click();
    await see(page.getByRole('heading', { name: 'Packs', level: 1 }).or(page.getByText('Upgrade failed; nothing was changed')));
    expect(await page.getByText('Upgrade failed; nothing was changed').count()).toBe(0);
    const installed = page.getByRole('list', { name: 'Installed packs' });
    await see(installed.getByRole('heading', { name: /^Billing/ }));
    await see(installed.getByRole('heading', { name: /^Projects/ }));
    await shot(page, 'upgraded');

    const packs = await trellis.metadata(`{ packs { name installedVersion } currentMetadata { document } }`);
    expect(packs.data.packs).toEqual(expect.arrayContaining([{ name: 'billing', installedVersion: '1.0.0' }, { name: 'projects', installedVersion: '2.0.0' }]));
    const company = packs.data.currentMetadata.document.entities.company;
    expect(company.label).toBe('Company');
    expect(company.fields.vatNumber).toEqual({ type: 'text', label: 'VAT number' });
    expect(packs.data.currentMetadata.document.entities.project.fields.client).toMatchObject({ target: 'company' });
  });
});
