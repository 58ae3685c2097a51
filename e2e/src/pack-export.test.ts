import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { validatePackFolder } from '@trellis/plugin-sdk';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { gone, openStudio, screenshots, see } from './support/ui.js';

/**
 * Studio → Packs → "Export as pack", as an implementer clicks it: a pack name the server would refuse is caught in
 * the dialog; a chosen entity that relates to one left out is refused by the server, shown in words in the dialog;
 * exporting one standalone entity downloads `<name>-<version>.zip`, whose folder holds trellis-pack.json and the
 * entity's metadata file, and validates as a pack folder with the SDK.
 */

const TICKET = {
  label: 'Ticket',
  pluralLabel: 'Tickets',
  plural: 'tickets',
  displayField: 'subject',
  fields: {
    subject: { type: 'text', label: 'Subject', required: true },
    severity: { type: 'select', label: 'Severity', options: [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }] },
  },
};

describe('export as pack from the studio', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let unzipped: string | undefined;
  const shot = screenshots('pack-export');

  beforeAll(async () => {
    [trellis, browser] = await Promise.all([startTrellis(), launchBrowser()]);
    // A standalone entity next to the starter pack's (whose entities all relate to each other).
    const current = await trellis.metadata(`{ currentMetadata { version document } }`);
    const { version, document } = current.data.currentMetadata;
    const published = await trellis.metadata(`mutation($d: JSON!, $v: Int) { publishMetadata(document: $d, baseVersion: $v, message: "Add tickets") { version } }`, {
      d: { ...document, entities: { ...document.entities, ticket: TICKET } },
      v: version,
    });
    expect(published.errors).toBeUndefined();
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/studio/packs'));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
    if (unzipped) rmSync(unzipped, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = (problems ?? []).splice(0).filter((p) => !/favicon/.test(p));
    expect(seen).toEqual([]);
  });

  const dialog = () => page.getByRole('dialog', { name: 'Export as pack' });

  it('exports one entity as a zip of a pack folder that validates, after a refused selection shown in words', async () => {
    await see(page.getByRole('heading', { name: 'Packs', level: 1 }));
    await page.getByRole('button', { name: 'Export as pack' }).click();
    await see(dialog());

    // A name trellis-pack.json would refuse is caught before anything is sent.
    await dialog().getByLabel('Pack name').fill('Help Desk');
    await see(dialog().getByText('Use lowercase letters, digits and single hyphens, starting with a letter: e.g. “help-desk”.'));
    await dialog().getByLabel('Pack name').fill('help-desk');
    await dialog().getByLabel('Version').fill('1.2.0');
    await dialog().getByLabel('Description').fill('Tickets for the help desk');

    // A person without the company it relates to does not make a pack on its own: refused, in words.
    await dialog().getByLabel('Chosen entities and workflows').check();
    await dialog().getByRole('group', { name: 'Entities' }).getByLabel(/^Person/).check();
    await see(dialog().getByText(/relate to Company, which is left out/));
    await dialog().getByRole('button', { name: 'Export', exact: true }).click();
    const refusal = dialog().getByRole('alert');
    await see(refusal.getByText('The pack could not be exported'));
    await see(refusal.getByText(/do not make a pack on their own/));
    await see(refusal.getByRole('list', { name: 'Problems' }).getByText(/entity person/i));
    await see(refusal.getByRole('button', { name: 'Add Company to the pack' }));
    await shot(page, 'refused');
    // The dialog offers to add what is missing.
    await refusal.getByRole('button', { name: 'Add Company to the pack' }).click();
    expect(await dialog().getByRole('group', { name: 'Entities' }).getByLabel(/^Company/).isChecked()).toBe(true);
    await gone(refusal);
    await dialog().getByRole('group', { name: 'Entities' }).getByLabel(/^Company/).uncheck();

    // One standalone entity: the zip is downloaded.
    await dialog().getByRole('group', { name: 'Entities' }).getByLabel(/^Person/).uncheck();
    await dialog().getByRole('group', { name: 'Entities' }).getByLabel(/^Ticket/).check();
    await shot(page, 'ticket-chosen');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('help-desk-1.2.0.zip');
    await gone(dialog());
    await see(page.getByText('Exported help-desk 1.2.0 as help-desk-1.2.0.zip'));
    await shot(page, 'exported');

    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(files).sort()).toEqual(['help-desk/metadata/01-ticket.json', 'help-desk/trellis-pack.json']);
    expect(JSON.parse(strFromU8(files['help-desk/trellis-pack.json']!))).toEqual({ name: 'help-desk', version: '1.2.0', description: 'Tickets for the help desk' });
    expect(JSON.parse(strFromU8(files['help-desk/metadata/01-ticket.json']!))).toEqual({ entities: { ticket: TICKET } });

    unzipped = mkdtempSync(join(tmpdir(), 'trellis-pack-export-'));
    for (const [file, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(unzipped, file)), { recursive: true });
      writeFileSync(join(unzipped, file), bytes);
    }
    expect(await validatePackFolder(join(unzipped, 'help-desk'))).toEqual([]);
  });
});
