/**
 * The shipped industry packs install into a real workspace: what validatePackFolder cannot see (view filters the SQL
 * compiler must run, formulas computed over seed and existing records, seed lookups across packs) is checked here.
 * Field service and customer service (with B2B sales) into an empty workspace; B2B sales on top of the starter pack,
 * taking the pack's definition wherever they clash.
 */
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { dataOf, withTestApp, type TestApp } from '../testing/test-app.js';

jest.setTimeout(120_000);

const INSTALL = 'mutation($name: String!, $choices: JSON) { installPack(name: $name, clashChoices: $choices) { version } }';
const PREVIEW = 'query($name: String!) { previewPackInstall(name: $name) { installOrder clashes { path } seedCounts plan { valid problems { path message } } } }';

interface Preview {
  installOrder: string[];
  clashes: { path: string }[];
  seedCounts: Record<string, number>;
  plan: { valid: boolean; problems: { path: string; message: string }[] };
}

const ok = dataOf;

async function install(t: TestApp, name: string, choices?: Record<string, string>): Promise<Preview> {
  const preview = ok(await t.metadata<{ previewPackInstall: Preview }>(PREVIEW, { name })).previewPackInstall;
  ok(await t.metadata(INSTALL, { name, choices: choices ?? null }));
  return preview;
}

async function count(t: TestApp, table: string): Promise<number> {
  return Number((await t.pool.query(`SELECT count(*) FROM main.${table}`)).rows[0].count);
}

it('installs field service and customer service (with B2B sales) into an empty workspace, seed included', async () => {
  const t = await withTestApp();
  try {
    const field = await install(t, 'field-service');
    expect(field.plan).toEqual({ valid: true, problems: [] });
    for (const [entity, rows] of Object.entries(field.seedCounts)) expect({ entity, rows: await count(t, snake(entity)) }).toEqual({ entity, rows });

    const service = await install(t, 'service');
    expect(service.installOrder).toEqual(['b2b-sales', 'service']);
    expect(service.clashes).toEqual([]);
    expect(await count(t, 'service_case')).toBe(service.seedCounts['serviceCase']);
    // Formulas were computed over the seed: every quote has its totals.
    expect(Number((await t.pool.query(`SELECT count(*) FROM main.quote WHERE grand_total IS NULL`)).rows[0].count)).toBe(0);
    const installed = (await t.pool.query(`SELECT pack FROM trellis.pack_install ORDER BY pack`)).rows.map((r) => r.pack);
    expect(installed).toEqual(['b2b-sales', 'field-service', 'service']);
    // Their German labels are the workspace's translations now (and valid: the publish validated them).
    const doc = ok(await t.metadata<{ currentMetadata: { document: MetadataDocument } }>('{ currentMetadata { document } }')).currentMetadata.document;
    expect(doc.translations?.['de']).toMatchObject({
      '/entities/serviceCase/label': 'Fall',
      '/entities/serviceCase/fields/priority/options/urgent/label': 'Dringend',
    });
  } finally {
    await t.close();
  }
});

it('installs B2B sales on top of the starter pack, taking the pack’s definition where they clash', async () => {
  const t = await withTestApp(undefined, { starterPack: true });
  try {
    const doc = ok(await t.metadata<{ currentMetadata: { document: MetadataDocument } }>('{ currentMetadata { document } }')).currentMetadata.document;
    expect(doc.entities['opportunity']).toBeDefined(); // installed on boot, as a fresh `npm start` does
    const preview = ok(await t.metadata<{ previewPackInstall: Preview }>(PREVIEW, { name: 'b2b-sales' })).previewPackInstall;
    expect(preview.clashes.length).toBeGreaterThan(0);
    const takePack = Object.fromEntries(preview.clashes.map((c) => [c.path, 'takePack']));
    ok(await t.metadata(INSTALL, { name: 'b2b-sales', choices: takePack }));
    expect(await count(t, 'opportunity')).toBeGreaterThan(8);
  } finally {
    await t.close();
  }
});

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
