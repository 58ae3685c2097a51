import starter, { metadata as starterDocument, packDir, seed as starterSeed } from '@trellis/pack-starter-sales';
import { readPackFolder } from '@trellis/plugin-sdk';
import { systemContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { RecordService } from '../records/record.service.js';
import { withTestApp } from '../testing/test-app.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { seedRecords } from './seed-records.js';
import { StarterPackService } from './starter-pack.service.js';

describe('starter pack', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
  });

  afterAll(async () => {
    await db.stop();
  });

  it('installs the pack’s metadata and seed records into an empty workspace on startup, once', async () => {
    const first = await withTestApp(undefined, { starterPack: true, database: db });
    try {
      const { rows: versions } = await db.pool.query(`SELECT version, author, message FROM trellis.metadata_version`);
      expect(versions).toEqual([{ version: 1, author: 'system:starter-pack', message: 'Install starter sales pack' }]);
      // Installed through the packs' install path: it is recorded, with its document as the base of a later upgrade.
      const { rows: installs } = await db.pool.query(`SELECT pack, version, installed_by, document FROM trellis.pack_install`);
      expect(installs).toEqual([{ pack: 'starter-sales', version: starter.version, installed_by: 'system:starter-pack', document: starterDocument }]);
      for (const group of starterSeed) {
        const table = group.entity.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM main."${table}"`);
        expect({ entity: group.entity, n: rows[0].n }).toEqual({ entity: group.entity, n: group.records.length });
      }
      // $lookup values became the ids of the companies seeded before them.
      const { rows } = await db.pool.query(
        `SELECT o.name, c.name AS company, o.created_by FROM main.opportunity o JOIN main.company c ON c.id = o.company_id WHERE o.name = $1`,
        ['Ledgerly – compliance reporting'],
      );
      expect(rows).toEqual([{ name: 'Ledgerly – compliance reporting', company: 'Ledgerly Financial', created_by: 'system:starter-pack' }]);
    } finally {
      await first.close();
    }

    const second = await withTestApp(undefined, { starterPack: true, database: db });
    try {
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM trellis.metadata_version`);
      expect(rows[0].n).toBe(1);
      expect(await second.app.get(StarterPackService).installIfEmpty('main')).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('resolves a $lookup against records already stored, and refuses one that matches nothing', async () => {
    const t = await withTestApp(undefined, { starterPack: true, database: db });
    try {
      const records = t.app.get(RecordService);
      const database = t.app.get(DatabaseService);
      const ctx = systemContext('test');
      const document = (await t.metadata<{ currentMetadata: { document: never } }>(`{ currentMetadata { document } }`)).data!.currentMetadata.document;
      const created = await database.transaction((client) =>
        seedRecords(records, ctx, document, [{ entity: 'person', records: [{ firstName: 'Ada', lastName: 'Stone', company: { $lookup: { name: 'Quillstone Labs' } } }] }], client),
      );
      const ada = created.get('person')![0]!;
      const { rows } = await db.pool.query(`SELECT c.name FROM main.person p JOIN main.company c ON c.id = p.company_id WHERE p.id = $1`, [ada['id']]);
      expect(rows).toEqual([{ name: 'Quillstone Labs' }]);

      await expect(
        database.transaction((client) =>
          seedRecords(records, ctx, document, [{ entity: 'person', records: [{ firstName: 'Nobody', company: { $lookup: { name: 'No Such Co' } } }] }], client),
        ),
      ).rejects.toThrow(/no company record matches/);
    } finally {
      await t.close();
    }
  });

  it('installs a pack whole or not at all: a bad seed record leaves no version, no table and no record', async () => {
    const fresh = await startTestDatabase();
    const t = await withTestApp(undefined, { starterPack: false, database: fresh });
    try {
      const broken = {
        ...(await readPackFolder(packDir)),
        seed: [{ entity: 'company', records: [{ name: 'Fine Co' }, { name: 'Bad Co', employees: -5 }] }],
      };
      const installed = await t.app.get(StarterPackService).install('main', broken, 'Install broken pack');

      expect(installed).toBe(false);
      const versions = await fresh.pool.query(`SELECT count(*)::int AS n FROM trellis.metadata_version`);
      expect(versions.rows[0].n).toBe(0);
      const tables = await fresh.pool.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'main'`);
      expect(tables.rows[0].n).toBe(0);
      const installs = await fresh.pool.query(`SELECT count(*)::int AS n FROM trellis.pack_install`);
      expect(installs.rows[0].n).toBe(0);
      // The next attempt (the next start) can still install the real pack.
      expect(await t.app.get(StarterPackService).installIfEmpty('main')).toBe(true);
    } finally {
      await t.close();
      await fresh.stop();
    }
  });
});
