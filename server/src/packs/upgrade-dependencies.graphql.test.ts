/**
 * Upgrading a pack whose new version depends on packs that are not installed: they are installed first in the
 * same publish (clashes reported and chosen as on install, seed loaded), the preview lists them, and a dependency
 * installed at a version outside the new range is refused naming the pack to upgrade first. Temporary pack
 * folders (written with the SDK) sit beside the fixture packs of ./testing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityDefinition, MetadataDocument, PackManifest } from '@trellis/metadata';
import { writePackFolder } from '@trellis/plugin-sdk';
import { dataOf, withTestApp, type GraphQLResponse, type TestApp } from '../testing/test-app.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing');
const code = (answer: GraphQLResponse): unknown => answer.errors?.[0]?.extensions?.['code'];
const ok = dataOf;
const current = async (t: TestApp): Promise<MetadataDocument> =>
  ok(await t.metadata<{ currentMetadata: { document: MetadataDocument } }>('{ currentMetadata { document } }')).currentMetadata.document;
const rows = async (t: TestApp, sql: string): Promise<unknown[]> => (await t.pool.query(sql)).rows;

const INSTALL = 'mutation($name: String!) { installPack(name: $name) { version } }';
const PREVIEW = 'query($choices: JSON) { previewPackUpgrade(name: "projects", clashChoices: $choices) { version installOrder clashes { path message } seedCounts plan { valid problems { path message } } } }';
const UPGRADE = 'mutation($choices: JSON) { upgradePack(name: "projects", decisions: {}, clashChoices: $choices) { version message } }';

interface Preview {
  version: string;
  installOrder: string[];
  clashes: { path: string; message: string }[];
  seedCounts: Record<string, number> | null;
  plan: { valid: boolean; problems: unknown[] };
}

const project: EntityDefinition = {
  label: 'Project',
  pluralLabel: 'Projects',
  plural: 'projects',
  displayField: 'name',
  fields: { name: { type: 'text', label: 'Name', required: true } },
};
/** projects 2.x: projects belong to an account of fixture-base, which also gets a region field. */
const projectOnAccount = (): MetadataDocument => ({
  entities: {
    project: { ...project, fields: { ...project.fields, account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' } } },
    account: { fields: { region: { type: 'text', label: 'Region' } } } as unknown as EntityDefinition,
  },
});

let folders: string;
const folder = async (name: string, manifest: PackManifest, document: MetadataDocument): Promise<string> => {
  const dir = path.join(folders, name);
  await writePackFolder(dir, { manifest, document });
  return dir;
};
const useDirs = (...dirs: string[]): void => {
  process.env['TRELLIS_PACK_DIRS'] = dirs.join(',');
};
const fixtureBase = path.join(fixtures, 'fixture-base');

beforeEach(async () => {
  folders = await mkdtemp(path.join(tmpdir(), 'trellis-upgrade-deps-'));
});
afterEach(async () => {
  delete process.env['TRELLIS_PACK_DIRS'];
  await rm(folders, { recursive: true, force: true });
});

/** A workspace with projects 1.0.0 installed (no dependency); returns the folder of 2.0.0 (needs fixture-base ^1.0.0). */
async function withProjectsV1(t: TestApp): Promise<string> {
  const v1 = await folder('projects-v1', { name: 'projects', version: '1.0.0', label: 'Projects' }, { entities: { project } });
  useDirs(v1);
  ok(await t.metadata(INSTALL, { name: 'projects' }));
  return folder('projects-v2', { name: 'projects', version: '2.0.0', label: 'Projects', dependencies: { 'fixture-base': '^1.0.0' } }, projectOnAccount());
}

describe('upgrading to a version with new dependencies', () => {
  it('installs the missing dependency first, in the same publish, and lists it in the preview', async () => {
    const t = await withTestApp();
    try {
      const v2 = await withProjectsV1(t);
      useDirs(fixtureBase, v2);
      const preview = ok(await t.metadata<{ previewPackUpgrade: Preview }>(PREVIEW)).previewPackUpgrade;
      expect(preview).toMatchObject({ version: '2.0.0', installOrder: ['fixture-base', 'projects'], clashes: [], seedCounts: { account: 2 }, plan: { valid: true } });

      const upgraded = ok(await t.metadata<{ upgradePack: { message: string } }>(UPGRADE)).upgradePack;
      expect(upgraded.message).toBe('Upgrade pack projects 1.0.0 → 2.0.0 (installs fixture-base@1.0.0)');
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install ORDER BY pack`)).toEqual([
        { pack: 'fixture-base', version: '1.0.0' },
        { pack: 'projects', version: '2.0.0' },
      ]);
      const doc = await current(t);
      expect(Object.keys(doc.entities['account']!.fields)).toEqual(['name', 'industry', 'region']);
      expect(doc.entities['account']!.label).toBe('Account');
      expect(doc.entities['project']!.fields['account']).toMatchObject({ type: 'relation', target: 'account' });
      expect(await rows(t, `SELECT name FROM main.account ORDER BY name`)).toEqual([{ name: 'Acme Corp' }, { name: 'Globex' }]);
      const origins = ok(await t.metadata<{ componentOrigins: Record<string, string> }>('{ componentOrigins }')).componentOrigins;
      expect(origins).toMatchObject({ '/entities/account': 'fixture-base@1.0.0', '/entities/account/fields/region': 'projects@2.0.0' });
    } finally {
      await t.close();
    }
  });

  it('reports the dependency’s clashes with the workspace like an install, and upgrades only with a choice', async () => {
    const t = await withTestApp({
      entities: {
        account: { label: 'Client', pluralLabel: 'Clients', plural: 'accounts', displayField: 'name', fields: { name: { type: 'text', label: 'Name', required: true } } },
      },
    });
    try {
      const v2 = await withProjectsV1(t);
      useDirs(fixtureBase, v2);
      const preview = ok(await t.metadata<{ previewPackUpgrade: Preview }>(PREVIEW)).previewPackUpgrade;
      expect(preview.installOrder).toEqual(['fixture-base', 'projects']);
      expect(preview.clashes).toEqual([{ path: '/entities/account', message: expect.stringContaining('fixture-base') }]);

      const refused = await t.metadata(UPGRADE);
      expect(code(refused)).toBe('PACK_CLASHES');
      expect(refused.errors![0]!.message).toContain('installs fixture-base');
      expect(refused.errors![0]!.message).toContain('/entities/account');
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install ORDER BY pack`)).toEqual([{ pack: 'projects', version: '1.0.0' }]);
      expect(code(await t.metadata(UPGRADE, { choices: { '/entities/nope': 'keepMine' } }))).toBe('BAD_USER_INPUT');

      ok(await t.metadata(UPGRADE, { choices: { '/entities/account': 'keepMine' } }));
      const account = (await current(t)).entities['account']!;
      expect(account.label).toBe('Client');
      expect(Object.keys(account.fields)).toEqual(['name', 'industry', 'region']);
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install ORDER BY pack`)).toEqual([
        { pack: 'fixture-base', version: '1.0.0' },
        { pack: 'projects', version: '2.0.0' },
      ]);
    } finally {
      await t.close();
    }
  });

  it('refuses while an installed dependency is older than the new range, naming the pack to upgrade first', async () => {
    const t = await withTestApp();
    try {
      const v1 = await folder('projects-v1', { name: 'projects', version: '1.0.0', label: 'Projects', dependencies: { 'fixture-base': '^1.0.0' } }, projectOnAccount());
      useDirs(fixtureBase, v1);
      ok(await t.metadata(INSTALL, { name: 'projects' }));
      const v2 = await folder('projects-v2', { name: 'projects', version: '2.0.0', label: 'Projects', dependencies: { 'fixture-base': '^2.0.0' } }, projectOnAccount());

      useDirs(fixtureBase, v1, v2);
      const none = await t.metadata(PREVIEW);
      expect(code(none)).toBe('PACK_INCOMPATIBLE');
      expect(none.errors![0]!.message).toBe(
        'Upgrading projects to 2.0.0 needs fixture-base ^2.0.0, but fixture-base 1.0.0 is installed: no available version of fixture-base matches ^2.0.0; add one to plugins/ or TRELLIS_PACK_DIRS, upgrade fixture-base, then projects.',
      );

      const base2 = await folder('fixture-base-v2', { name: 'fixture-base', version: '2.0.0', label: 'Fixture base' }, { entities: { account: { ...project, label: 'Account', pluralLabel: 'Accounts', plural: 'accounts' } } });
      useDirs(fixtureBase, base2, v1, v2);
      const refused = await t.metadata(UPGRADE);
      expect(code(refused)).toBe('PACK_INCOMPATIBLE');
      expect(refused.errors![0]!.message).toContain('upgrade fixture-base to 2.0.0 first, then projects.');
      expect(await rows(t, `SELECT pack, version FROM trellis.pack_install ORDER BY pack`)).toEqual([
        { pack: 'fixture-base', version: '1.0.0' },
        { pack: 'projects', version: '1.0.0' },
      ]);
    } finally {
      await t.close();
    }
  });

  it('refuses with the pack that is missing when no folder holds the new dependency', async () => {
    const t = await withTestApp();
    try {
      const v2 = await withProjectsV1(t);
      useDirs(v2);
      const refused = await t.metadata(PREVIEW);
      expect(code(refused)).toBe('PACK_NOT_FOUND');
      expect(refused.errors![0]!.message).toContain('Upgrading projects to 2.0.0: Pack "fixture-base" (needed by projects) is not available');
    } finally {
      await t.close();
    }
  });
});
