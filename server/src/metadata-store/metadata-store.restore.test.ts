/**
 * Removing a field or entity moves its column or table aside; restoring an earlier version (revert, or a document
 * adding it back) must bring that data back. Real Postgres; one workspace (schema) per test on a shared cluster.
 */
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { systemContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { columnsOf } from '../testing/db-snapshot.js';
import { crmDocument } from '../testing/fixtures.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { MetadataStoreService } from './metadata-store.service.js';

const ACME = '00000000-0000-4000-8000-00000000000a';
const GLOBEX = '00000000-0000-4000-8000-00000000000b';
const BIG = '00000000-0000-4000-8000-0000000000d1';
const SMALL = '00000000-0000-4000-8000-0000000000d2';
const VIP = '00000000-0000-4000-8000-0000000000e1';

/** crmDocument with tags: deal.tags ↔ tag.deals (manyToMany, junction "deal__tags"). */
function crmWithTags(): MetadataDocument {
  const doc = crmDocument();
  doc.entities['deal']!.fields['tags'] = { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany', inverse: 'deals' };
  doc.entities['tag'] = {
    label: 'Tag',
    pluralLabel: 'Tags',
    plural: 'tags',
    fields: {
      name: { type: 'text', label: 'Name', unique: true },
      deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'manyToMany', inverse: 'tags' },
    },
  };
  return doc;
}

const without = (doc: MetadataDocument, edit: (doc: MetadataDocument) => void): MetadataDocument => {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
};

describe('MetadataStoreService: restoring moved-aside data', () => {
  let db: TestDatabase;
  let database: DatabaseService;
  let store: MetadataStoreService;

  beforeAll(async () => {
    db = await startTestDatabase();
    database = await DatabaseService.create({ url: db.url, poolSize: 4 });
    store = new MetadataStoreService(database);
    await store.onModuleInit();
  });

  afterAll(async () => {
    await store.onModuleDestroy();
    await database.onApplicationShutdown();
    await db.stop();
  });

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => (await db.pool.query(text, params)).rows as T[];
  const constraintExists = async (ws: string, name: string) =>
    (await sql(`SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.conname = $2`, [ws, name])).length === 1;

  async function seedCompaniesAndDeals(ws: string): Promise<void> {
    await sql(`INSERT INTO ${ws}.company (id, name, employees) VALUES ($1, 'Acme', 50), ($2, 'Globex', 7)`, [ACME, GLOBEX]);
    await sql(
      `INSERT INTO ${ws}.deal (id, title, amount, amount_currency, company_id) VALUES ($1, 'Big', 1200.50, 'EUR', $3), ($2, 'Small', 10, 'USD', $4)`,
      [BIG, SMALL, ACME, GLOBEX],
    );
  }

  it('brings back the values of removed fields when an earlier version is restored', async () => {
    const ws = 'restore_fields';
    const ctx = systemContext('test', ws);
    const v1 = crmDocument();
    await store.publish(ctx, v1);
    await seedCompaniesAndDeals(ws);
    await store.publish(
      ctx,
      without(v1, (d) => {
        delete d.entities['company']!.fields['employees'];
        delete d.entities['deal']!.fields['amount'];
        delete d.entities['deal']!.fields['company'];
      }),
    );
    expect(await columnsOf(db.pool, 'company', ws)).toContain('__dropped_v2_employees');
    expect(await columnsOf(db.pool, 'company', ws)).not.toContain('employees');
    // While the link is set aside no foreign key guards it: a company can go.
    await sql(`DELETE FROM ${ws}.company WHERE id = $1`, [GLOBEX]);

    const preview = await store.preview(ws, v1);
    const v3 = await store.revert(ctx, 1);

    const restoreSteps = [
      'Restore field employees on company from the column set aside in version 2 (data kept)',
      'Restore field amount on deal from the columns set aside in version 2 (data kept)',
      'Restore field company on deal from the column set aside in version 2 (data kept)',
    ];
    expect(preview).toMatchObject({ valid: true, destructive: false });
    expect(preview.steps.map((s) => s.description)).toEqual(expect.arrayContaining(restoreSteps));
    expect(v3.plan.steps.map((s) => s.description)).toEqual(preview.steps.map((s) => s.description));
    expect(v3.plan.steps.filter((s) => s.kind === 'addColumn')).toEqual([]);
    expect(await sql(`SELECT name, employees FROM ${ws}.company ORDER BY name`)).toEqual([{ name: 'Acme', employees: 50 }]);
    expect(await sql(`SELECT title, amount, amount_currency, company_id FROM ${ws}.deal ORDER BY title`)).toEqual([
      { title: 'Big', amount: '1200.50', amount_currency: 'EUR', company_id: ACME },
      { title: 'Small', amount: '10.00', amount_currency: 'USD', company_id: null }, // its company was deleted meanwhile
    ]);
    expect((await columnsOf(db.pool, 'deal', ws)).filter((c) => c.startsWith('__dropped'))).toEqual([]);
    // The foreign key is back, with its on delete rule.
    expect(await constraintExists(ws, 'deal__company_id_fkey')).toBe(true);
    await sql(`DELETE FROM ${ws}.company WHERE id = $1`, [ACME]);
    expect(await sql(`SELECT company_id FROM ${ws}.deal WHERE id = $1`, [BIG])).toEqual([{ company_id: null }]);
  });

  it('brings back a removed entity’s rows and links, and can remove and restore it again', async () => {
    const ws = 'restore_entity';
    const ctx = systemContext('test', ws);
    const v1 = crmWithTags();
    await store.publish(ctx, v1);
    await seedCompaniesAndDeals(ws);
    await sql(`INSERT INTO ${ws}.tag (id, name) VALUES ($1, 'vip')`, [VIP]);
    await sql(`INSERT INTO ${ws}.deal__tags (source_id, target_id) VALUES ($1, $2), ($3, $2)`, [BIG, VIP, SMALL]);
    const withoutDeal = without(v1, (d) => {
      delete d.entities['deal'];
      delete d.entities['tag']!.fields['deals'];
    });
    await store.publish(ctx, withoutDeal);
    expect(await columnsOf(db.pool, 'deal', ws)).toEqual([]);
    expect(await columnsOf(db.pool, '__dropped_v2_deal', ws)).toContain('amount_currency');
    await sql(`DELETE FROM ${ws}.company WHERE id = $1`, [GLOBEX]);

    const v3 = await store.revert(ctx, 1);

    expect(v3.plan.destructive).toBe(false);
    expect(v3.plan.steps.map((s) => s.description)).toEqual(
      expect.arrayContaining([
        'Restore entity Deal (deal) from the table set aside in version 2 (data kept)',
        'Restore junction table "deal__tags" for deal.tags ↔ tag.deals from the table set aside in version 2 (links kept; links to records that no longer exist are removed)',
      ]),
    );
    expect(v3.plan.steps.filter((s) => s.kind === 'createTable' || s.kind === 'createJunctionTable')).toEqual([]);
    const deals = () => sql(`SELECT id, title, amount, amount_currency, company_id FROM ${ws}.deal ORDER BY title`);
    expect(await deals()).toEqual([
      { id: BIG, title: 'Big', amount: '1200.50', amount_currency: 'EUR', company_id: ACME },
      { id: SMALL, title: 'Small', amount: '10.00', amount_currency: 'USD', company_id: null },
    ]);
    expect(await sql(`SELECT source_id, target_id FROM ${ws}.deal__tags ORDER BY source_id`)).toEqual([
      { source_id: BIG, target_id: VIP },
      { source_id: SMALL, target_id: VIP },
    ]);
    for (const name of ['deal__company_id_fkey', 'deal__tags__source_id_fkey', 'deal__tags__target_id_fkey']) {
      expect(await constraintExists(ws, name)).toBe(true);
    }

    // Remove and restore once more: the names moved aside again are found again.
    await store.publish(ctx, withoutDeal);
    const v5 = await store.revert(ctx, 3);
    expect(v5.plan.steps[0]!.description).toBe('Restore entity Deal (deal) from the table set aside in version 4 (data kept)');
    expect(await deals()).toHaveLength(2);
    await sql(`DELETE FROM ${ws}.deal WHERE id = $1`, [SMALL]); // the junction's cascade is back
    expect(await sql(`SELECT source_id FROM ${ws}.deal__tags`)).toEqual([{ source_id: BIG }]);
  });

  it('restores every built-in field type: the catalog’s types match the registry’s', async () => {
    const ws = 'restore_types';
    const ctx = systemContext('test', ws);
    const options = [{ value: 'a', label: 'A' }];
    const fields: Record<string, FieldDefinition> = {
      note: { type: 'text', label: 'T' },
      story: { type: 'longText', label: 'T' },
      mail: { type: 'email', label: 'T' },
      mobile: { type: 'phone', label: 'T' },
      homepage: { type: 'url', label: 'T' },
      count: { type: 'integer', label: 'T' },
      ratio: { type: 'decimal', label: 'T', scale: 3 },
      price: { type: 'currency', label: 'T' },
      share: { type: 'percent', label: 'T' },
      active: { type: 'boolean', label: 'T' },
      birthday: { type: 'date', label: 'T' },
      seenAt: { type: 'dateTime', label: 'T' },
      choice: { type: 'select', label: 'T', options },
      choices: { type: 'multiSelect', label: 'T', options },
      extra: { type: 'json', label: 'T' },
      parent: { type: 'relation', label: 'T', target: 'item', cardinality: 'manyToOne' },
    };
    const doc = (withFields: boolean): MetadataDocument => ({
      entities: { item: { label: 'Item', pluralLabel: 'Items', plural: 'items', fields: { name: { type: 'text', label: 'Name' }, ...(withFields ? fields : {}) } } },
    });
    await store.publish(ctx, doc(true));
    const id = '00000000-0000-4000-8000-000000000001';
    await sql(
      `INSERT INTO ${ws}.item (id, name, note, story, mail, mobile, homepage, count, ratio, price, price_currency, share,
         active, birthday, seen_at, choice, choices, extra, parent_id)
       VALUES ($1, 'x', 't', 'long', 'a@b.c', '+1 555', 'https://x.y', 42, 1.125, 9.99, 'GBP', 12.5, true, '2024-02-29',
         '2024-02-29T10:00:00Z', 'a', '["a"]', '{"k":1}', $1)`,
      [id],
    );
    const row = async () => (await sql(`SELECT * FROM ${ws}.item WHERE id = $1`, [id]))[0];
    const before = await row();
    await store.publish(ctx, doc(false));

    const restored = await store.revert(ctx, 1);

    const fieldSteps = restored.plan.steps.filter((s) => s.kind === 'renameColumn' || s.kind === 'addColumn');
    expect(fieldSteps.map((s) => [s.kind, s.field])).toEqual(Object.keys(fields).sort().map((f) => ['renameColumn', f]));
    expect(await row()).toEqual(before);
  });

  it('adds an empty column when a removed field comes back with another type, keeping the set-aside one', async () => {
    const ws = 'restore_mismatch';
    const ctx = systemContext('test', ws);
    const v1 = crmDocument();
    await store.publish(ctx, v1);
    await seedCompaniesAndDeals(ws);
    await store.publish(ctx, without(v1, (d) => delete d.entities['company']!.fields['employees']));

    const v3 = await store.publish(ctx, without(v1, (d) => (d.entities['company']!.fields['employees'] = { type: 'text', label: 'Employees' })));

    expect(v3.plan.steps.map((s) => s.kind)).toEqual(['addColumn']);
    expect(await sql(`SELECT employees, __dropped_v2_employees AS kept FROM ${ws}.company ORDER BY name`)).toEqual([
      { employees: null, kept: 50 },
      { employees: null, kept: 7 },
    ]);
  });
});
