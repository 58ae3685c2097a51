import type { MetadataDocument } from '@trellis/metadata';
import { GraphQLError } from 'graphql';
import { systemContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { columnsOf, databaseSnapshot } from '../testing/db-snapshot.js';
import { crmDocument, crmDocumentV2 } from '../testing/fixtures.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { MetadataStoreService } from './metadata-store.service.js';

const ctx = systemContext('test');

async function openStore(url: string): Promise<{ store: MetadataStoreService; database: DatabaseService; close(): Promise<void> }> {
  const database = await DatabaseService.create({ url, poolSize: 4 });
  const store = new MetadataStoreService(database);
  await store.onModuleInit();
  return {
    store,
    database,
    close: async () => {
      await store.onModuleDestroy();
      await database.onApplicationShutdown();
    },
  };
}

/** The GraphQLError a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected the promise to reject');
}

describe('MetadataStoreService', () => {
  let db: TestDatabase;
  let opened: Awaited<ReturnType<typeof openStore>>;
  let store: MetadataStoreService;

  beforeEach(async () => {
    db = await startTestDatabase();
    opened = await openStore(db.url);
    store = opened.store;
  });

  afterEach(async () => {
    await opened.close();
    await db.stop();
  });

  it('reports version 0 with an empty document before anything is published', async () => {
    const current = await store.current('main');
    expect(current.version).toBe(0);
    expect(current.document).toEqual({ entities: {} });
    expect(await store.history('main', 10)).toEqual([]);
    expect((await store.version('main', 0))?.document).toEqual({ entities: {} });
    expect(await store.version('main', 1)).toBeNull();
  });

  it('creates the workspace schema, tables and typed columns on publish and stores the version', async () => {
    const heard: number[] = [];
    store.onPublish((workspace, published) => heard.push(published.version));

    const v1 = await store.publish(ctx, crmDocument(), { message: 'first' });

    expect(v1.version).toBe(1);
    expect(v1.author).toBe('system:test');
    expect(v1.message).toBe('first');
    expect(await columnsOf(db.pool, 'company')).toEqual(
      expect.arrayContaining(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'name', 'employees']),
    );
    expect(await columnsOf(db.pool, 'deal')).toEqual(expect.arrayContaining(['title', 'amount', 'amount_currency', 'company_id']));
    const { rows } = await db.pool.query(`SELECT version, author, message, changes, plan FROM trellis.metadata_version`);
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual(expect.arrayContaining([{ kind: 'addEntity', entity: 'company' }, { kind: 'addEntity', entity: 'deal' }]));
    expect(rows[0].plan.steps.length).toBeGreaterThan(0);
    expect((await store.current('main')).version).toBe(1);
    expect(heard).toEqual([1]);
  });

  it('lists history newest first with each version’s changes', async () => {
    await store.publish(ctx, crmDocument(), { message: 'one' });
    await store.publish(ctx, crmDocumentV2(), { message: 'two' });

    const history = await store.history('main', 10);
    expect(history.map((v) => [v.version, v.message])).toEqual([
      [2, 'two'],
      [1, 'one'],
    ]);
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { kind: 'addEntity', entity: 'product' },
        { kind: 'addField', entity: 'company', field: 'website' },
        { kind: 'addField', entity: 'deal', field: 'closeDate' },
      ]),
    );
    expect(history[0]!.createdAt).toBeInstanceOf(Date);
    expect(await store.history('main', 1)).toHaveLength(1);
    expect((await store.version('main', 1))?.document).toEqual(crmDocument());
    expect(await columnsOf(db.pool, 'company')).toContain('website');
    expect(await columnsOf(db.pool, 'product')).toEqual(expect.arrayContaining(['name', 'price']));
  });

  it('keeps the order of entities and fields as published (the designer shows fields in that order)', async () => {
    const doc = crmDocument();
    const company = doc.entities['company']!;
    // Reverse the field order: jsonb storage would sort keys by length and name instead.
    company.fields = Object.fromEntries(Object.entries(company.fields).reverse());
    await store.publish(ctx, doc);

    const fresh = await openStore(db.url);
    try {
      const stored = (await fresh.store.current('main')).document;
      expect(Object.keys(stored.entities['company']!.fields)).toEqual(Object.keys(company.fields));
      expect(Object.keys(stored.entities)).toEqual(Object.keys(doc.entities));
    } finally {
      await fresh.close();
    }
  });

  it('applies nothing when a step in the middle of a multi-step plan fails', async () => {
    await store.publish(ctx, crmDocument());
    const preview = await store.preview('main', crmDocumentV2());
    expect(preview.steps.length).toBeGreaterThanOrEqual(3);
    const middle = Math.floor(preview.steps.length / 2);
    const before = await databaseSnapshot(db.pool);
    const heard: number[] = [];
    store.onPublish((workspace, published) => heard.push(published.version));
    const ran: number[] = [];
    store.setBeforeStepHook(async (step, index, queryRunner) => {
      ran.push(index);
      if (index === middle) await queryRunner.query('SELECT 1 / 0');
    });

    const error = await rejection(store.publish(ctx, crmDocumentV2(), { message: 'doomed' }));

    expect(error.extensions['code']).toBe('MIGRATION_FAILED');
    expect(error.extensions['step']).toBe(preview.steps[middle]!.description);
    expect(error.message).toContain('division by zero');
    expect(error.message).toContain(preview.steps[middle]!.description);
    expect(ran).toEqual([...Array(middle + 1).keys()]); // the earlier steps really ran
    expect(await databaseSnapshot(db.pool)).toEqual(before);
    expect((await store.current('main')).version).toBe(1);
    expect(heard).toEqual([]);

    store.setBeforeStepHook(undefined);
    expect((await store.publish(ctx, crmDocumentV2())).version).toBe(2);
  });

  it('reports the failing step and the Postgres message when a step’s own SQL fails', async () => {
    await store.publish(ctx, crmDocument());
    // A table the plan wants to create already exists (made outside Trellis).
    await db.pool.query(`CREATE TABLE main.product (id int)`);
    const before = await databaseSnapshot(db.pool);

    const error = await rejection(store.publish(ctx, crmDocumentV2()));

    expect(error.extensions['code']).toBe('MIGRATION_FAILED');
    expect(String(error.extensions['postgresMessage'])).toMatch(/already exists/);
    expect(error.message).toMatch(/already exists/);
    expect(typeof error.extensions['step']).toBe('string');
    expect(await databaseSnapshot(db.pool)).toEqual(before);
  });

  it('refuses a publish based on a stale version with VERSION_CONFLICT', async () => {
    await store.publish(ctx, crmDocument(), { baseVersion: 0 });
    const before = await databaseSnapshot(db.pool);

    const error = await rejection(store.publish(ctx, crmDocumentV2(), { baseVersion: 0 }));

    expect(error.extensions['code']).toBe('VERSION_CONFLICT');
    expect(error.extensions['currentVersion']).toBe(1);
    expect(await databaseSnapshot(db.pool)).toEqual(before);
    expect((await store.publish(ctx, crmDocumentV2(), { baseVersion: 1 })).version).toBe(2);
  });

  it('serialises concurrent publishes of the same base version: one wins, the other conflicts', async () => {
    const results = await Promise.allSettled([
      store.publish(ctx, crmDocument(), { baseVersion: 0 }),
      store.publish(ctx, crmDocumentV2(), { baseVersion: 0 }),
    ]);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as GraphQLError).extensions['code']));
    expect(codes.sort()).toEqual(['VERSION_CONFLICT', 'ok']);
    expect((await store.history('main', 10)).map((v) => v.version)).toEqual([1]);
  });

  it('lists every problem of an invalid document with METADATA_INVALID and leaves the database untouched', async () => {
    const before = await databaseSnapshot(db.pool);
    const invalid = {
      entities: {
        'Bad-Name': { label: 'Bad', pluralLabel: 'Bads', plural: 'bads', fields: {} },
        deal: {
          label: 'Deal',
          pluralLabel: 'Deals',
          plural: 'deals',
          fields: {
            company: { type: 'relation', label: 'Company', target: 'nowhere', cardinality: 'manyToOne' },
            size: { type: 'noSuchType', label: 'Size' },
          },
        },
      },
    } as unknown as MetadataDocument;

    const error = await rejection(store.publish(ctx, invalid));

    expect(error.extensions['code']).toBe('METADATA_INVALID');
    const problems = error.extensions['problems'] as { path: string; message: string; code: string }[];
    expect(problems).toEqual(store.validate(invalid));
    const paths = problems.map((p) => p.path).join('\n');
    expect(paths).toMatch(/Bad-Name/);
    expect(paths).toMatch(/\/entities\/deal\/fields\/company/);
    expect(paths).toMatch(/\/entities\/deal\/fields\/size/);
    expect(await databaseSnapshot(db.pool)).toEqual(before);
    expect(before).toMatchObject({ schemaExists: false, versions: [] });
  });

  it('refuses with METADATA_INVALID a change the plan cannot carry out, leaving the database untouched', async () => {
    await store.publish(ctx, crmDocument());
    const before = await databaseSnapshot(db.pool);
    const doc = crmDocument();
    doc.entities['company']!.fields['employees'] = { type: 'relation', label: 'Employees', target: 'deal', cardinality: 'manyToOne' };
    expect(store.validate(doc)).toEqual([]); // valid on its own; only the step from version 1 is impossible

    const preview = await store.preview('main', doc);
    const error = await rejection(store.publish(ctx, doc));

    expect(preview.valid).toBe(false);
    expect(preview.problems).toEqual([expect.objectContaining({ path: '/entities/company/fields/employees/type', code: 'type-change-not-convertible' })]);
    expect(error.extensions['code']).toBe('METADATA_INVALID');
    expect(error.extensions['problems']).toEqual(preview.problems);
    expect(await databaseSnapshot(db.pool)).toEqual(before);
  });

  it('previews the plan and changes without changing anything', async () => {
    await store.publish(ctx, crmDocument());
    const before = await databaseSnapshot(db.pool);

    const preview = await store.preview('main', crmDocumentV2());

    expect(preview).toMatchObject({ valid: true, problems: [], baseVersion: 1, destructive: false });
    expect(preview.changes).toEqual(expect.arrayContaining([{ kind: 'addEntity', entity: 'product' }]));
    expect(preview.steps.every((s) => typeof s.description === 'string' && Array.isArray(s.sql))).toBe(true);
    expect(await databaseSnapshot(db.pool)).toEqual(before);

    const invalid = await store.preview('main', { entities: { x: {} } });
    expect(invalid.valid).toBe(false);
    expect(invalid.problems.length).toBeGreaterThan(0);
  });

  it('reverts by publishing an earlier document as a new version', async () => {
    await store.publish(ctx, crmDocument());
    await store.publish(ctx, crmDocumentV2());

    const v3 = await store.revert(ctx, 1);

    expect(v3.version).toBe(3);
    expect(v3.document).toEqual(crmDocument());
    expect(v3.message).toBe('Revert to version 1');
    expect(v3.plan.destructive).toBe(true); // product and the new fields are moved aside
    expect(await columnsOf(db.pool, 'company')).not.toContain('website');
  });

  it('tells a second instance on the same database about a publish (LISTEN/NOTIFY)', async () => {
    const other = await openStore(db.url);
    try {
      expect((await other.store.current('main')).version).toBe(0);
      const heard = new Promise<number>((resolve) => other.store.onPublish((workspace, published) => resolve(published.version)));

      await store.publish(ctx, crmDocument());

      expect(await heard).toBe(1);
      expect((await other.store.current('main')).version).toBe(1);
      expect((await other.store.current('main')).document).toEqual(crmDocument());
    } finally {
      await other.close();
    }
  });
});
