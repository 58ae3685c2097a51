/**
 * A pack's seed that would not load into the document the install publishes is reported by the preview (with
 * the pack, the record and the field) and refuses the install before anything is written. Records already
 * stored (which seeding skips) are not reported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataOf, withTestApp, type GraphQLResponse } from '../testing/test-app.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing');
const PREVIEW = 'query($choices: JSON) { previewPackInstall(name: "fixture-base", clashChoices: $choices) { plan { valid problems { path code message } } } }';
const INSTALL = 'mutation($choices: JSON) { installPack(name: "fixture-base", clashChoices: $choices) { version } }';

afterEach(() => {
  delete process.env['TRELLIS_PACK_DIRS'];
});

describe('seed data in the install preview', () => {
  it('reports a seed record that would not load into a kept component, and refuses the install', async () => {
    process.env['TRELLIS_PACK_DIRS'] = path.join(fixtures, 'fixture-base');
    // The customer's own Client has a required Region, which the pack's seed does not fill.
    const t = await withTestApp({
      entities: {
        account: {
          label: 'Client',
          pluralLabel: 'Clients',
          plural: 'accounts',
          displayField: 'name',
          fields: { name: { type: 'text', label: 'Name', required: true }, region: { type: 'text', label: 'Region', required: true } },
        },
      },
    });
    try {
      await t.pool.query(`BEGIN; SELECT set_config('trellis.actor', 'system:test', true); INSERT INTO main.account (name, region) VALUES ('Acme Corp', 'EMEA'); COMMIT`);
      const choices = { '/entities/account': 'keepMine' };
      const { previewPackInstall } = dataOf(await t.metadata<{ previewPackInstall: { plan: { valid: boolean; problems: unknown[] } } }>(PREVIEW, { choices }));
      // Acme Corp is stored already (seeding skips it); Globex would be refused.
      expect(previewPackInstall.plan).toEqual({
        valid: false,
        problems: [{ path: '/seed/fixture-base/account/1/region', code: 'SEED_VALUE', message: "The fixture-base pack's seed Client 2: Region is required." }],
      });
      const refused = (await t.metadata(INSTALL, { choices })) as GraphQLResponse;
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('PACK_SEED_INVALID');
      expect(refused.errors?.[0]?.message).toBe("The seed data of fixture-base would not load: The fixture-base pack's seed Client 2: Region is required.");
      expect((await t.pool.query(`SELECT count(*)::int AS n FROM trellis.pack_install`)).rows).toEqual([{ n: 0 }]);
      expect((await t.pool.query(`SELECT name FROM main.account`)).rows).toEqual([{ name: 'Acme Corp' }]);
    } finally {
      await t.close();
    }
  });
});
