/**
 * Packs through the /metadata API on a real Postgres, with the fixture packs of ./testing (TRELLIS_PACK_DIRS):
 * install with a dependency, customize, upgrade by 3-way merge with a conflict decided, uninstall (refused while a
 * dependent is installed; data-loss preview), idempotent seeding, clashes, export round trip, permissions.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MetadataDocument } from '@trellis/metadata';
import { writePackFolder } from '@trellis/plugin-sdk';
import { dataOf, withTestApp, type GraphQLResponse, type TestApp } from '../testing/test-app.js';
import { readInstalls } from './pack-install.repository.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing');
const useDirs = (...names: string[]): void => {
  process.env['TRELLIS_PACK_DIRS'] = names.map((n) => (path.isAbsolute(n) ? n : path.join(fixtures, n))).join(',');
};
const code = (answer: GraphQLResponse): unknown => answer.errors?.[0]?.extensions?.['code'];
const ok = dataOf;
const current = async (t: TestApp): Promise<MetadataDocument> =>
  ok(await t.metadata<{ currentMetadata: { document: MetadataDocument } }>('{ currentMetadata { document } }')).currentMetadata.document;
const rows = async (t: TestApp, sql: string): Promise<unknown[]> => (await t.pool.query(sql)).rows;
/** A direct write to record tables (their history triggers need an actor). */
const write = async (t: TestApp, sql: string): Promise<void> => {
  await t.pool.query(`BEGIN; SELECT set_config('trellis.actor', 'system:test', true); ${sql}; COMMIT`);
};

const INSTALL = 'mutation($name: String!, $choices: JSON) { installPack(name: $name, clashChoices: $choices) { version message } }';
const UNINSTALL = 'mutation($name: String!) { uninstallPack(name: $name) { version } }';

afterEach(() => {
  delete process.env['TRELLIS_PACK_DIRS'];
});

describe('packs API', () => {
  it('installs with its dependency, merges an upgrade with the customer’s edits, uninstalls what nothing else needs', async () => {
    const t = await withTestApp();
    try {
      useDirs('fixture-base', 'service-v1');
      const listed = ok(await t.metadata<{ packs: { name: string; version: string; origin: string; installedVersion: string | null }[] }>('{ packs { name version origin installedVersion upgradeAvailable dependencies } }'));
      expect(listed.packs.filter((p) => p.name.startsWith('fixture-'))).toEqual([
        expect.objectContaining({ name: 'fixture-base', version: '1.0.0', installedVersion: null }),
        expect.objectContaining({ name: 'fixture-service', version: '1.0.0', installedVersion: null }),
      ]);

      const preview = ok(await t.metadata<{ previewPackInstall: { installOrder: string[]; clashes: unknown[]; seedCounts: unknown; plan: { valid: boolean; problems: unknown[] } } }>(
        'query { previewPackInstall(name: "fixture-service") { installOrder clashes { path } seedCounts plan { valid problems { path message } steps { description } } } }',
      )).previewPackInstall;
      expect(preview).toMatchObject({ installOrder: ['fixture-base', 'fixture-service'], clashes: [], seedCounts: { account: 2, supportCase: 2 }, plan: { valid: true } });

      ok(await t.metadata(INSTALL, { name: 'fixture-service' }));
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install ORDER BY pack`)).toEqual([
        { pack: 'fixture-base', version: '1.0.0' },
        { pack: 'fixture-service', version: '1.0.0' },
      ]);
      expect(await rows(t, `SELECT c.title, a.name FROM main.support_case c JOIN main.account a ON a.id = c.account_id ORDER BY c.title`)).toEqual([
        { title: 'Invoice question', name: 'Globex' },
        { title: 'Printer on fire', name: 'Acme Corp' },
      ]);
      expect(code(await t.metadata(INSTALL, { name: 'fixture-service' }))).toBe('PACK_ALREADY_INSTALLED');
      expect(code(await t.metadata(INSTALL, { name: 'no-such-pack' }))).toBe('PACK_NOT_FOUND');
      expect(code(await t.metadata('mutation { upgradePack(name: "fixture-service", decisions: {}) { version } }'))).toBe('PACK_UP_TO_DATE');
      const origins = ok(await t.metadata<{ componentOrigins: Record<string, string> }>('{ componentOrigins }')).componentOrigins;
      expect(origins).toMatchObject({
        '/entities/account': 'fixture-base@1.0.0',
        '/entities/account/fields/tier': 'fixture-service@1.0.0',
        '/entities/supportCase': 'fixture-service@1.0.0',
        '/roles/agent': 'fixture-service@1.0.0',
      });

      // The customer adds a field to Case and relabels it.
      const doc = await current(t);
      doc.entities["supportCase"]!.label = 'Ticket';
      doc.entities["supportCase"]!.fields['internalNote'] = { type: 'text', label: 'Internal note' };
      doc.entities["supportCase"]!.layouts!.form!.sections[0]!.fields.push('internalNote');
      doc.entities['account']!.fields['website'] = { type: 'url', label: 'Website' };
      await t.publish(doc, 'customer edits');
      await write(t, `UPDATE main.support_case SET internal_note = 'VIP' WHERE title = 'Printer on fire'`);

      // v2 relabels Case too: one conflict; the rest merges.
      useDirs('fixture-base', 'service-v1', 'service-v2');
      const infos = ok(await t.metadata<{ packs: { name: string; upgradeAvailable: boolean }[] }>('{ packs { name upgradeAvailable } }')).packs;
      expect(infos.find((p) => p.name === 'fixture-service')).toEqual({ name: 'fixture-service', upgradeAvailable: true });
      const upgrade = ok(await t.metadata<{ previewPackUpgrade: { version: string; conflicts: { path: string; kind: string; base: unknown; theirs: unknown; ours: unknown }[]; plan: { valid: boolean } } }>(
        'query { previewPackUpgrade(name: "fixture-service") { version conflicts { path kind base theirs ours message } changes plan { valid } } }',
      )).previewPackUpgrade;
      expect(upgrade.version).toBe('2.0.0');
      expect(upgrade.conflicts).toEqual([{ path: '/entities/supportCase/label', kind: 'bothChanged', base: 'Case', theirs: 'Support case', ours: 'Ticket', message: expect.any(String) }]);

      const refused = await t.metadata('mutation { upgradePack(name: "fixture-service", decisions: {}) { version } }');
      expect(code(refused)).toBe('PACK_CONFLICTS');
      expect(refused.errors![0]!.message).toContain('/entities/supportCase/label');

      ok(await t.metadata('mutation($d: JSON!) { upgradePack(name: "fixture-service", decisions: $d) { version } }', { d: { '/entities/supportCase/label': { take: 'theirs' } } }));
      const merged = await current(t);
      const kase = merged.entities["supportCase"]!;
      expect(kase.label).toBe('Support case');
      expect(Object.keys(kase.fields)).toEqual(expect.arrayContaining(['title', 'priority', 'account', 'slaDue', 'internalNote']));
      expect(kase.fields['priority']!.options!.map((o) => o.value)).toEqual(['low', 'high', 'urgent']);
      expect(kase.layouts!.form!.sections[0]!.fields).toEqual(['title', 'priority', 'slaDue', 'account', 'internalNote']);
      expect(merged.entities['account']!.fields['website']).toBeDefined();
      expect(await rows(t, `SELECT title, internal_note FROM main.support_case ORDER BY title`)).toEqual([
        { title: 'Invoice question', internal_note: null },
        { title: 'Printer on fire', internal_note: 'VIP' },
      ]);
      expect(await rows(t, `SELECT version FROM trellis.pack_install WHERE pack = 'fixture-service'`)).toEqual([{ version: '2.0.0' }]);

      // Uninstall: refused for the dependency; the dependent's preview lists the data that goes.
      const blocked = await t.metadata(UNINSTALL, { name: 'fixture-base' });
      expect(code(blocked)).toBe('PACK_REQUIRED');
      expect(blocked.errors![0]!.message).toContain('fixture-service');
      const baseView = ok(await t.metadata<{ previewPackUninstall: { blockedBy: string[] } }>('{ previewPackUninstall(name: "fixture-base") { blockedBy } }'));
      expect(baseView.previewPackUninstall.blockedBy).toEqual(['fixture-service']);

      await write(t, `UPDATE main.account SET tier = 'gold' WHERE name = 'Acme Corp'`);
      const loss = ok(await t.metadata<{ previewPackUninstall: { dataLoss: unknown; blockedBy: string[]; plan: { valid: boolean; destructive: boolean } } }>(
        '{ previewPackUninstall(name: "fixture-service") { dataLoss blockedBy plan { valid destructive } } }',
      )).previewPackUninstall;
      expect(loss).toEqual({ dataLoss: { entities: { supportCase: 2 }, fields: { 'account.tier': 1 } }, blockedBy: [], plan: { valid: true, destructive: true } });

      ok(await t.metadata(UNINSTALL, { name: 'fixture-service' }));
      const after = await current(t);
      expect(after.entities["supportCase"]).toBeUndefined();
      expect(after.roles?.['agent']).toBeUndefined();
      expect(Object.keys(after.entities['account']!.fields)).toEqual(['name', 'industry', 'website']);
      expect(await rows(t, `SELECT pack FROM trellis.pack_install`)).toEqual([{ pack: 'fixture-base' }]);

      // Seeding is idempotent: uninstalling and installing the base again does not duplicate its accounts.
      // (The entity goes with the customer's own field on it; its table is set aside and comes back on reinstall.)
      ok(await t.metadata(UNINSTALL, { name: 'fixture-base' }));
      expect((await current(t)).entities['account']).toBeUndefined();
      ok(await t.metadata(INSTALL, { name: 'fixture-base' }));
      expect(await rows(t, `SELECT name FROM main.account ORDER BY name`)).toEqual([{ name: 'Acme Corp' }, { name: 'Globex' }]);
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install`)).toEqual([{ pack: 'fixture-base', version: '1.0.0' }]);
    } finally {
      await t.close();
    }
  });

  it('reports a clash with the customer’s own component and installs only with a choice', async () => {
    const t = await withTestApp({
      entities: {
        account: { label: 'Client', pluralLabel: 'Clients', plural: 'accounts', displayField: 'name', fields: { name: { type: 'text', label: 'Name', required: true } } },
      },
    });
    try {
      useDirs('fixture-base');
      await write(t, `INSERT INTO main.account (name) VALUES ('Acme Corp')`);
      const preview = ok(await t.metadata<{ previewPackInstall: { clashes: { path: string; message: string }[] } }>('{ previewPackInstall(name: "fixture-base") { clashes { path message } } }'));
      expect(preview.previewPackInstall.clashes).toEqual([{ path: '/entities/account', message: expect.stringContaining("keep yours, or take the pack's") }]);
      const refused = await t.metadata(INSTALL, { name: 'fixture-base' });
      expect(code(refused)).toBe('PACK_CLASHES');
      expect(await rows(t, `SELECT count(*)::int AS n FROM trellis.pack_install`)).toEqual([{ n: 0 }]);

      ok(await t.metadata(INSTALL, { name: 'fixture-base', choices: { '/entities/account': 'keepMine' } }));
      const doc = await current(t);
      expect(doc.entities['account']).toMatchObject({ label: 'Client', fields: { name: { type: 'text' }, industry: { type: 'text' } } });
      // Acme Corp was there already: only Globex is seeded.
      expect(await rows(t, `SELECT name FROM main.account ORDER BY name`)).toEqual([{ name: 'Acme Corp' }, { name: 'Globex' }]);
    } finally {
      await t.close();
    }
  });

  it('exports a workspace as a pack that installs into an empty workspace as the identical document', async () => {
    const source = await withTestApp();
    let dir: string | undefined;
    try {
      useDirs('fixture-base', 'service-v1');
      ok(await source.metadata(INSTALL, { name: 'fixture-service' }));
      const document = await current(source);
      const exported = ok(await source.metadata<{ exportPack: { files: { path: string; content: string }[] } }>('{ exportPack(name: "exported", version: "1.0.0") }')).exportPack;
      expect(exported.files.map((f) => f.path)).toContain('trellis-pack.json');
      dir = await mkdtemp(path.join(tmpdir(), 'trellis-exported-'));
      for (const file of exported.files) {
        await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
        await writeFile(path.join(dir, file.path), file.content);
      }
      const partial = await source.metadata('{ exportPack(name: "cases", version: "1.0.0", entities: ["supportCase"]) }');
      expect(code(partial)).toBe('PACK_EXPORT_INVALID');

      const target = await withTestApp();
      try {
        useDirs(dir);
        ok(await target.metadata(INSTALL, { name: 'exported' }));
        expect(await current(target)).toEqual(document);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  it('records the packs one install brings in dependency order, a dependent named before its dependency included', async () => {
    const t = await withTestApp();
    const dir = await mkdtemp(path.join(tmpdir(), 'trellis-addon-'));
    try {
      const note = { label: 'Note', pluralLabel: 'Notes', plural: 'notes', displayField: 'title', fields: { title: { type: 'text', label: 'Title' } } };
      await writePackFolder(dir, { manifest: { name: 'addon', version: '1.0.0', label: 'Add-on', dependencies: { 'fixture-base': '^1.0.0' } }, document: { entities: { note } } as MetadataDocument });
      useDirs('fixture-base', dir);
      ok(await t.metadata(INSTALL, { name: 'addon' }));
      expect((await readInstalls(t.pool, 'main')).map((i) => i.pack)).toEqual(['fixture-base', 'addon']);
      const [base, addon] = (await rows(t, `SELECT installed_at FROM trellis.pack_install ORDER BY installed_at`)) as { installed_at: Date }[];
      expect(addon!.installed_at.getTime()).toBeGreaterThanOrEqual(base!.installed_at.getTime());
      expect(await rows(t, `SELECT count(DISTINCT installed_at)::int AS n FROM trellis.pack_install`)).toEqual([{ n: 2 }]);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('needs the manageMetadata capability', async () => {
    const t = await withTestApp({
      entities: { note: { label: 'Note', pluralLabel: 'Notes', plural: 'notes', fields: { title: { type: 'text', label: 'Title' } } } },
      roles: { reader: { label: 'Reader', entities: { note: { read: true } } } },
    });
    try {
      useDirs('fixture-base');
      const { client } = await t.createUser({ email: 'reader@trellis.test', name: 'Reader', roles: ['reader'] });
      expect(code(await client.metadata('{ packs { name } }'))).toBe('FORBIDDEN');
      expect(code(await client.metadata('{ componentOrigins }'))).toBe('FORBIDDEN');
      expect(code(await client.metadata('{ previewPackInstall(name: "fixture-base") { pack } }'))).toBe('FORBIDDEN');
      expect(code(await client.metadata(INSTALL, { name: 'fixture-base' }))).toBe('FORBIDDEN');
      expect(code(await client.metadata(UNINSTALL, { name: 'fixture-base' }))).toBe('FORBIDDEN');
      expect(code(await client.metadata('{ exportPack(name: "x", version: "1.0.0") }'))).toBe('FORBIDDEN');
      expect(await rows(t, `SELECT count(*)::int AS n FROM trellis.pack_install`)).toEqual([{ n: 0 }]);
    } finally {
      await t.close();
    }
  });
});
