/**
 * A pack's translations through the /metadata API on a real Postgres: install adds them to the document's
 * `translations` (the customer's own text wins), an upgrade 3-way merges them per label (a conflict where both
 * changed one), uninstall drops those of the removed components, and export → install round-trips them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { writePackFolder } from '@trellis/plugin-sdk';
import { dataOf, withTestApp, type TestApp } from '../testing/test-app.js';

jest.setTimeout(120_000);

const ok = dataOf;
const current = async (t: TestApp): Promise<MetadataDocument> =>
  ok(await t.metadata<{ currentMetadata: { document: MetadataDocument } }>('{ currentMetadata { document } }')).currentMetadata.document;
const INSTALL = 'mutation($name: String!) { installPack(name: $name) { version } }';

const NOTES: MetadataDocument = {
  entities: {
    note: {
      label: 'Note',
      pluralLabel: 'Notes',
      plural: 'notes',
      fields: {
        title: { type: 'text', label: 'Title' },
        status: { type: 'select', label: 'Status', options: [{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }] },
      },
    },
  },
};
const V1 = { '/entities/note/label': 'Notiz', '/entities/note/fields/title/label': 'Titel', '/entities/note/fields/status/options/open/label': 'Offen' };
const NOTE_LABEL = '/translations/de/~1entities~1note~1label';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'trellis-translated-packs-'));
});
afterAll(async () => {
  delete process.env['TRELLIS_PACK_DIRS'];
  await rm(root, { recursive: true, force: true });
});

/** Writes version `version` of the "notes" pack with German translations `de`; returns its folder. */
async function notesPack(version: string, de: Record<string, string>): Promise<string> {
  const dir = path.join(root, `notes-${version}`);
  await writePackFolder(dir, { manifest: { name: 'notes', version }, document: NOTES, translations: { de } });
  return dir;
}

it('installs, upgrades (3-way merge per label) and uninstalls a pack’s translations', async () => {
  const t = await withTestApp();
  try {
    process.env['TRELLIS_PACK_DIRS'] = await notesPack('1.0.0', V1);
    const preview = ok(await t.metadata<{ previewPackInstall: { plan: { valid: boolean; steps: { description: string; sql: string[] }[] } } }>(
      '{ previewPackInstall(name: "notes") { plan { valid steps { description sql } } } }',
    )).previewPackInstall;
    expect(preview.plan.valid).toBe(true);
    expect(preview.plan.steps).toContainEqual({ description: 'Change the de translations of labels: 3 added (metadata only)', sql: [] });
    ok(await t.metadata(INSTALL, { name: 'notes' }));
    expect((await current(t)).translations).toEqual({ de: V1 });

    // The customer rewords two German labels and adds French.
    const doc = await current(t);
    doc.translations!.de!['/entities/note/label'] = 'Vermerk';
    doc.translations!.de!['/entities/note/fields/title/label'] = 'Überschrift';
    doc.translations!.fr = { '/entities/note/label': 'Note (fr)' };
    await t.publish(doc, 'customer translations');

    // v2 rewords the entity label too (a conflict) and translates another option (applied).
    process.env['TRELLIS_PACK_DIRS'] = await notesPack('2.0.0', { ...V1, '/entities/note/label': 'Notizzettel', '/entities/note/fields/status/options/done/label': 'Erledigt' });
    const upgrade = ok(await t.metadata<{ previewPackUpgrade: { conflicts: { path: string; kind: string; theirs: unknown; ours: unknown }[] } }>(
      '{ previewPackUpgrade(name: "notes") { conflicts { path kind base theirs ours } } }',
    )).previewPackUpgrade;
    expect(upgrade.conflicts).toEqual([{ path: NOTE_LABEL, kind: 'bothChanged', base: 'Notiz', theirs: 'Notizzettel', ours: 'Vermerk' }]);
    ok(await t.metadata('mutation($d: JSON!) { upgradePack(name: "notes", decisions: $d) { version } }', { d: { [NOTE_LABEL]: { take: 'theirs' } } }));
    expect((await current(t)).translations).toEqual({
      de: {
        '/entities/note/label': 'Notizzettel',
        '/entities/note/fields/title/label': 'Überschrift',
        '/entities/note/fields/status/options/open/label': 'Offen',
        '/entities/note/fields/status/options/done/label': 'Erledigt',
      },
      fr: { '/entities/note/label': 'Note (fr)' },
    });

    // Uninstall: the note entity goes, and every translation of its labels (the customer's French too).
    ok(await t.metadata('mutation { uninstallPack(name: "notes") { version } }'));
    const after = await current(t);
    expect(after.entities['note']).toBeUndefined();
    expect(after.translations).toBeUndefined();
  } finally {
    await t.close();
  }
});

it('keeps the workspace’s own translation of a label on install, and exports translations so that they install again', async () => {
  const source = await withTestApp();
  let exportDir: string | undefined;
  try {
    process.env['TRELLIS_PACK_DIRS'] = await notesPack('1.0.0', V1);
    ok(await source.metadata(INSTALL, { name: 'notes' }));
    const document = await current(source);
    const exported = ok(await source.metadata<{ exportPack: { files: { path: string; content: string }[] } }>('{ exportPack(name: "exported", version: "1.0.0") }')).exportPack;
    const de = exported.files.find((f) => f.path === 'translations/de.json');
    expect(JSON.parse(de!.content)).toEqual(V1);
    expect(exported.files.filter((f) => f.path.startsWith('metadata/')).every((f) => !f.content.includes('translations'))).toBe(true);
    exportDir = await mkdtemp(path.join(tmpdir(), 'trellis-exported-translations-'));
    for (const file of exported.files) {
      await mkdir(path.dirname(path.join(exportDir, file.path)), { recursive: true });
      await writeFile(path.join(exportDir, file.path), file.content);
    }

    const target = await withTestApp();
    try {
      process.env['TRELLIS_PACK_DIRS'] = exportDir;
      ok(await target.metadata(INSTALL, { name: 'exported' }));
      expect(await current(target)).toEqual(document);

      // A workspace with its own German text for the note label keeps it when the pack is installed.
      const mine = await withTestApp({ ...structuredClone(NOTES), translations: { de: { '/entities/note/label': 'Meine Notiz' } } });
      try {
        ok(await mine.metadata('mutation($name: String!, $choices: JSON) { installPack(name: $name, clashChoices: $choices) { version } }', { name: 'exported', choices: null }));
        expect((await current(mine)).translations?.de).toEqual({ ...V1, '/entities/note/label': 'Meine Notiz' });
      } finally {
        await mine.close();
      }
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
    if (exportDir) await rm(exportDir, { recursive: true, force: true });
  }
});
