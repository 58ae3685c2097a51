import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import type { SetAsideInventory } from './plan-types.js';
import { droppedName } from './sql.js';
import { salesDocument } from './testing/fixtures.js';
import type { FieldDefinition, MetadataDocument } from './types.js';

/** Plans `from` → `to` as version 9, with the given moved-aside columns and tables in the database. */
const planWith = (from: MetadataDocument, to: MetadataDocument, setAside: Partial<SetAsideInventory>) =>
  planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 9, setAside: { columns: {}, tables: {}, ...setAside } });
const sales = (mutate: (doc: MetadataDocument) => void = () => undefined): MetadataDocument => {
  const doc = salesDocument();
  mutate(doc);
  return doc;
};
const withCompanyField = (name: string, field: FieldDefinition) => sales((d) => (d.entities.company!.fields[name] = field));
const summary = (plan: ReturnType<typeof planWith>) => plan.steps.map((s) => `${s.kind} ${s.entity ?? ''}${s.field ? '.' + s.field : ''}`);
/** The system columns of a table created before record ownership (owner_id, team_id) existed. */
const LEGACY_SYSTEM = { id: 'uuid', created_at: 'timestamp with time zone', updated_at: 'timestamp with time zone', created_by: 'text', updated_by: 'text' };
const SYSTEM = { ...LEGACY_SYSTEM, owner_id: 'uuid', team_id: 'uuid' };
/** Ownership indexes, dropped when the entity was removed, re-created by a restore. */
const OWNERSHIP_INDEXES = ['CREATE INDEX IF NOT EXISTS "contact__owner_id_idx" ON "main"."contact" ("owner_id")', 'CREATE INDEX IF NOT EXISTS "contact__team_id_idx" ON "main"."contact" ("team_id")'];

describe('planMigration: restoring moved-aside fields', () => {
  const notes: FieldDefinition = { type: 'longText', label: 'Notes' };

  it('renames a re-added field’s set-aside column back instead of adding an empty one', () => {
    const plan = planWith(sales(), withCompanyField('notes', notes), { columns: { company: { __dropped_v7_notes: 'text' } } });
    expect(plan.steps).toEqual([
      {
        kind: 'renameColumn',
        entity: 'company',
        field: 'notes',
        description: 'Restore field notes on company from the column set aside in version 7 (data kept)',
        destructive: false,
        sql: ['ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v7_notes" TO "notes"'],
      },
    ]);
    expect(plan).toMatchObject({ destructive: false, problems: [] });
  });

  it('restores the most recent set-aside column of the field’s type', () => {
    const plan = planWith(sales(), withCompanyField('notes', notes), {
      columns: { company: { __dropped_v3_notes: 'text', __dropped_v5_notes: 'text', __dropped_v6_notes: 'integer', __dropped_v8_notes_old: 'text' } },
    });
    expect(plan.steps[0]!.sql).toEqual(['ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v5_notes" TO "notes"']);
  });

  it('restores both columns of a currency field, however Postgres spells their types, and backfills missing currencies', () => {
    const plan = planWith(sales(), withCompanyField('revenue', { type: 'currency', label: 'Revenue', defaultCurrency: 'EUR' }), {
      columns: { company: { __dropped_v7_revenue: 'numeric(18,2)', __dropped_v7_revenue_currency: 'character(3)' } },
    });
    expect(plan.steps).toEqual([
      expect.objectContaining({
        kind: 'renameColumn',
        description: 'Restore field revenue on company from the columns set aside in version 7 (data kept)',
        sql: [
          'ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v7_revenue" TO "revenue"',
          'ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v7_revenue_currency" TO "revenue_currency"',
          `UPDATE "main"."company" SET "revenue_currency" = 'EUR' WHERE "revenue" IS NOT NULL AND "revenue_currency" IS NULL`,
        ],
      }),
    ]);
  });

  it('restores a currency’s amount and adds its currency column when only the amount was set aside', () => {
    const plan = planWith(sales(), withCompanyField('revenue', { type: 'currency', label: 'Revenue' }), {
      columns: { company: { __dropped_v7_revenue: 'numeric(18,2)' } },
    });
    expect(plan.steps[0]).toMatchObject({
      kind: 'renameColumn',
      description: 'Restore field revenue on company from the column set aside in version 7 (data kept; column "revenue_currency" char(3) added)',
      sql: [
        'ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v7_revenue" TO "revenue"',
        'ALTER TABLE "main"."company" ADD COLUMN "revenue_currency" char(3)',
        `UPDATE "main"."company" SET "revenue_currency" = 'USD' WHERE "revenue" IS NOT NULL AND "revenue_currency" IS NULL`,
      ],
    });
  });

  it('adds fresh columns when the set-aside main column has another type, leaving the set-aside columns alone', () => {
    const plan = planWith(sales(), withCompanyField('revenue', { type: 'currency', label: 'Revenue' }), {
      columns: { company: { __dropped_v7_revenue: 'numeric(18,4)', __dropped_v7_revenue_currency: 'character(3)' } },
    });
    expect(plan.steps).toEqual([
      expect.objectContaining({
        kind: 'addColumn',
        sql: ['ALTER TABLE "main"."company" ADD COLUMN "revenue" numeric(18,2), ADD COLUMN "revenue_currency" char(3)'],
      }),
    ]);
    const text = planWith(sales(), withCompanyField('notes', notes), { columns: { company: { __dropped_v7_notes: 'integer' } } });
    expect(summary(text)).toEqual(['addColumn company.notes']);
  });

  it('only restores set-aside columns of the same table and the same original name', () => {
    const plan = planWith(sales(), withCompanyField('notes', notes), {
      columns: { company: { __dropped_v7_notes_old: 'text', __dropped_v7_note: 'text', __dropped_v07_notes: 'text' }, contact: { __dropped_v7_notes: 'text' } },
    });
    expect(summary(plan)).toEqual(['addColumn company.notes']);
  });

  it('finds the set-aside columns of a renamed entity under its old table name', () => {
    const to = sales((d) => {
      d.entities.organization = { ...d.entities.company!, renamedFrom: 'company', plural: 'organizations' };
      delete d.entities.company;
      d.entities.organization.fields.notes = notes;
      d.entities.contact!.fields.company!.target = 'organization';
      d.entities.opportunity!.fields.company!.target = 'organization';
    });
    const plan = planWith(sales(), to, { columns: { company: { __dropped_v7_notes: 'text' } } });
    expect(plan.problems).toEqual([]);
    expect(plan.steps.find((s) => s.field === 'notes')!.sql).toEqual(['ALTER TABLE "main"."organization" RENAME COLUMN "__dropped_v7_notes" TO "notes"']);
  });

  it('recognises a set-aside column whose long name was shortened with a hash', () => {
    const field = 'aVeryLongFieldNameThatGoesOnAndOnAndOnX';
    const column = 'a_very_long_field_name_that_goes_on_and_on_and_on_x';
    expect(droppedName(7, column)).not.toContain(column); // 64 characters: shortened with a hash
    const plan = planWith(sales(), withCompanyField(field, notes), { columns: { company: { [droppedName(7, column)]: 'text' } } });
    expect(plan.steps[0]!.sql).toEqual([`ALTER TABLE "main"."company" RENAME COLUMN "${droppedName(7, column)}" TO "${column}"`]);
  });

  it('restores a manyToOne column, clearing links to records deleted meanwhile before adding its foreign key again', () => {
    const from = sales((d) => {
      delete d.entities.contact!.fields.company;
      delete d.entities.company!.fields.contacts;
    });
    const plan = planWith(from, sales(), { columns: { contact: { __dropped_v4_company_id: 'uuid' } } });
    expect(summary(plan)).toEqual(['renameColumn contact.company', 'addForeignKey contact.company', 'createIndex contact.company', 'metadataOnly company.contacts']);
    expect(plan.steps[1]).toMatchObject({
      description: 'Link contact.company to company (foreign key "contact__company_id_fkey", on delete set null; restored links to records that no longer exist are cleared)',
      sql: [
        'UPDATE "main"."contact" AS r SET "company_id" = NULL WHERE r."company_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "main"."company" AS t WHERE t."id" = r."company_id")',
        'ALTER TABLE "main"."contact" ADD CONSTRAINT "contact__company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "main"."company" ("id") ON DELETE SET NULL',
      ],
    });
  });

  it('renames a currency’s set-aside currency column back when a decimal becomes a currency again', () => {
    const doc = (field: FieldDefinition): MetadataDocument => ({ entities: { item: { label: 'Item', pluralLabel: 'Items', plural: 'items', fields: { x: field } } } });
    const [from, to] = [doc({ type: 'decimal', label: 'X' }), doc({ type: 'currency', label: 'X' })];
    const plan = planWith(from, to, { columns: { item: { __dropped_v4_x_currency: 'character(3)' } } });
    expect(plan.steps[0]).toMatchObject({
      kind: 'alterColumnType',
      sql: [
        'ALTER TABLE "main"."item" RENAME COLUMN "__dropped_v4_x_currency" TO "x_currency"',
        `UPDATE "main"."item" SET "x_currency" = 'USD' WHERE "x" IS NOT NULL AND "x_currency" IS NULL`,
      ],
    });
    expect(plan.steps[0]!.description).toContain('column x_currency restored from __dropped_v4_x_currency');
  });
});

describe('planMigration: restoring moved-aside entities', () => {
  const withoutContact = () =>
    sales((d) => {
      delete d.entities.contact;
      delete d.entities.company!.fields.contacts;
    });

  it('renames a set-aside table back and keeps the columns that match its fields', () => {
    const contact = { ...SYSTEM, first_name: 'text', last_name: 'text', email: 'text', phone: 'text', company_id: 'uuid' };
    const plan = planWith(withoutContact(), sales(), { tables: { __dropped_v4_contact: contact, __dropped_v2_contact: contact } });
    expect(plan.steps[0]).toEqual({
      kind: 'renameTable',
      entity: 'contact',
      description: 'Restore entity Contact (contact) from the table set aside in version 4 (data kept)',
      destructive: false,
      sql: ['ALTER TABLE "main"."__dropped_v4_contact" RENAME TO "contact"', ...OWNERSHIP_INDEXES],
    });
    expect(summary(plan)).toEqual([
      'renameTable contact', 'addForeignKey contact.company', 'createIndex contact.company', 'createIndex contact.email', 'metadataOnly company.contacts',
    ]);
    expect(plan.steps[1]!.sql[0]).toMatch(/^UPDATE "main"."contact" AS r SET "company_id" = NULL/);
    expect(plan.destructive).toBe(false);
  });

  it('adds missing columns, moves aside mismatched and unused ones, and restores the table’s own set-aside columns', () => {
    const plan = planWith(withoutContact(), sales(), {
      tables: {
        __dropped_v4_contact: { ...SYSTEM, first_name: 'text', last_name: 'text', phone: 'integer', __dropped_v3_phone: 'text', company_id: 'uuid', nickname: 'text' },
      },
    });
    expect(plan.steps[0]!.sql).toEqual([
      'ALTER TABLE "main"."__dropped_v4_contact" RENAME TO "contact"',
      ...OWNERSHIP_INDEXES,
      'ALTER TABLE "main"."contact" ADD COLUMN "email" text',
      'ALTER TABLE "main"."contact" RENAME COLUMN "phone" TO "__dropped_v9_phone"',
      'ALTER TABLE "main"."contact" RENAME COLUMN "__dropped_v3_phone" TO "phone"',
      'ALTER TABLE "main"."contact" RENAME COLUMN "nickname" TO "__dropped_v9_nickname"',
    ]);
    expect(plan.steps[0]!.description).toBe(
      'Restore entity Contact (contact) from the table set aside in version 4 (data kept; column phone restored from __dropped_v3_phone; ' +
        'column "email" text added; columns phone moved aside as __dropped_v9_phone, nickname moved aside as __dropped_v9_nickname)',
    );
  });

  it('adds the ownership columns to a table set aside before record ownership existed', () => {
    const contact = { ...LEGACY_SYSTEM, first_name: 'text', last_name: 'text', email: 'text', phone: 'text', company_id: 'uuid' };
    const plan = planWith(withoutContact(), sales(), { tables: { __dropped_v4_contact: contact } });
    expect(plan.steps[0]!.sql).toEqual([
      'ALTER TABLE "main"."__dropped_v4_contact" RENAME TO "contact"',
      'ALTER TABLE "main"."contact" ADD COLUMN "owner_id" uuid REFERENCES "trellis"."user"("id") ON DELETE SET NULL',
      OWNERSHIP_INDEXES[0],
      'ALTER TABLE "main"."contact" ADD COLUMN "team_id" uuid REFERENCES "trellis"."team"("id") ON DELETE SET NULL',
      OWNERSHIP_INDEXES[1],
    ]);
  });

  it('creates a fresh table when the set-aside table is not a record table', () => {
    const plan = planWith(withoutContact(), sales(), { tables: { __dropped_v4_contact: { id: 'integer', first_name: 'text' } } });
    expect(plan.steps[0]).toMatchObject({ kind: 'createTable', entity: 'contact' });
    expect(plan.steps.find((s) => s.kind === 'addForeignKey')!.sql).toHaveLength(1);
  });

  it('restores a set-aside junction table, removing links to records that no longer exist', () => {
    const from = sales((d) => {
      delete d.entities.opportunity!.fields.tags;
      delete d.entities.tag!.fields.opportunities;
    });
    const plan = planWith(from, sales(), { tables: { __dropped_v5_opportunity__tags: { source_id: 'uuid', target_id: 'uuid' } } });
    expect(plan.steps).toEqual([
      {
        kind: 'renameTable',
        entity: 'opportunity',
        field: 'tags',
        description: 'Restore junction table "opportunity__tags" for opportunity.tags ↔ tag.opportunities from the table set aside in version 5 (links kept; links to records that no longer exist are removed)',
        destructive: false,
        sql: [
          'ALTER TABLE "main"."__dropped_v5_opportunity__tags" RENAME TO "opportunity__tags"',
          'DELETE FROM "main"."opportunity__tags" AS l WHERE NOT EXISTS (SELECT 1 FROM "main"."opportunity" AS s WHERE s."id" = l."source_id") ' +
            'OR NOT EXISTS (SELECT 1 FROM "main"."tag" AS t WHERE t."id" = l."target_id")',
          'ALTER TABLE "main"."opportunity__tags" ADD CONSTRAINT "opportunity__tags__source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "main"."opportunity" ("id") ON DELETE CASCADE, ' +
            'ADD CONSTRAINT "opportunity__tags__target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "main"."tag" ("id") ON DELETE CASCADE',
          'CREATE INDEX "opportunity__tags__target_id_idx" ON "main"."opportunity__tags" ("target_id")',
        ],
      },
    ]);
  });

  it('restores a removed entity together with its junction table, links to other entities re-created', () => {
    const from = sales((d) => {
      delete d.entities.tag;
      delete d.entities.opportunity!.fields.tags;
    });
    const plan = planWith(from, sales(), {
      tables: { __dropped_v5_tag: { ...SYSTEM, name: 'text' }, __dropped_v5_opportunity__tags: { source_id: 'uuid', target_id: 'uuid' } },
    });
    expect(summary(plan)).toEqual(['renameTable tag', 'renameTable opportunity.tags', 'createIndex tag.name']);
  });
});
