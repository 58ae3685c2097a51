import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

const EMPTY: MetadataDocument = { entities: {} };
const planBetween = (from: MetadataDocument, to: MetadataDocument, schema = 'main') =>
  planMigration(from, to, diffDocuments(from, to), { schema, version: 7 });
const planChange = (mutate: (doc: MetadataDocument) => void) => {
  const to = salesDocument();
  mutate(to);
  return planBetween(salesDocument(), to);
};
const summary = (plan: ReturnType<typeof planBetween>) => plan.steps.map((s) => `${s.kind} ${s.entity ?? ''}${s.field ? '.' + s.field : ''}`);

describe('planMigration: tables and columns', () => {
  it('creates a table with the system columns (owner and team referencing the platform users and teams, indexed) and one typed column per field', () => {
    const plan = planBetween(EMPTY, { entities: { tag: salesDocument().entities.tag! } });
    expect(plan.steps[0]).toEqual({
      kind: 'createTable',
      entity: 'tag',
      description: 'Create table for entity Tag (tag)',
      destructive: false,
      sql: [
        'CREATE TABLE "main"."tag" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "created_at" timestamptz NOT NULL DEFAULT now(), ' +
          '"updated_at" timestamptz NOT NULL DEFAULT now(), "created_by" text, "updated_by" text, ' +
          '"owner_id" uuid REFERENCES "trellis"."user"("id") ON DELETE SET NULL, "team_id" uuid REFERENCES "trellis"."team"("id") ON DELETE SET NULL, ' +
          '"name" text)',
        'CREATE INDEX "tag__owner_id_idx" ON "main"."tag" ("owner_id")',
        'CREATE INDEX "tag__team_id_idx" ON "main"."tag" ("team_id")',
      ],
    });
  });

  it('orders a plan from the empty document: tables, then FKs, junctions and indexes', () => {
    const plan = planBetween(EMPTY, salesDocument());
    expect(summary(plan)).toEqual([
      'createTable company', 'createTable contact', 'createTable opportunity', 'createTable tag',
      'addForeignKey contact.company', 'addForeignKey opportunity.company',
      'createJunctionTable opportunity.tags',
      'createIndex contact.company', 'createIndex contact.email', 'createIndex opportunity.company', 'createIndex tag.name',
    ]);
    expect(plan).toMatchObject({ destructive: false, problems: [] });
  });

  it('adds the FK between two new entities only after both tables exist, whatever their names', () => {
    const to: MetadataDocument = {
      entities: {
        alpha: { label: 'Alpha', pluralLabel: 'Alphas', plural: 'alphas', fields: { zeta: { type: 'relation', label: 'Z', target: 'zeta', cardinality: 'manyToOne' } } },
        zeta: { label: 'Zeta', pluralLabel: 'Zetas', plural: 'zetas', fields: { name: { type: 'text', label: 'Name' } } },
      },
    };
    const kinds = planBetween(EMPTY, to).steps.map((s) => s.kind);
    expect(kinds.indexOf('addForeignKey')).toBeGreaterThan(kinds.lastIndexOf('createTable'));
    expect(planBetween(EMPTY, to).steps.find((s) => s.kind === 'addForeignKey')!.sql).toEqual([
      'ALTER TABLE "main"."alpha" ADD CONSTRAINT "alpha__zeta_id_fkey" FOREIGN KEY ("zeta_id") REFERENCES "main"."zeta" ("id") ON DELETE SET NULL',
    ]);
  });

  it('adds the columns of a new field to an existing table', () => {
    const plan = planChange((d) => {
      d.entities.company!.fields.revenue = { type: 'currency', label: 'Revenue' };
      d.entities.company!.fields.rating = { type: 'decimal', label: 'Rating', scale: 1 };
    });
    expect(plan.steps.map((s) => [s.description, s.sql])).toEqual([
      ['Add column "rating" numeric(18,1) to company', ['ALTER TABLE "main"."company" ADD COLUMN "rating" numeric(18,1)']],
      [
        'Add columns "revenue" numeric(18,2), "revenue_currency" char(3) to company',
        ['ALTER TABLE "main"."company" ADD COLUMN "revenue" numeric(18,2), ADD COLUMN "revenue_currency" char(3)'],
      ],
    ]);
  });

  it('renames the column of a renamed field, keeping the data', () => {
    const plan = planChange((d) => {
      const fields = d.entities.opportunity!.fields;
      fields.expectedClose = { ...fields.closeDate!, renamedFrom: 'closeDate' };
      delete fields.closeDate;
    });
    expect(plan.steps).toEqual([
      {
        kind: 'renameColumn',
        entity: 'opportunity',
        field: 'expectedClose',
        description: 'Rename field closeDate to expectedClose on opportunity (column kept, data kept)',
        destructive: false,
        sql: ['ALTER TABLE "main"."opportunity" RENAME COLUMN "close_date" TO "expected_close"'],
        renamedColumns: [['close_date', 'expected_close']],
      },
    ]);
  });

  it('renames the FK constraint and index along with the column of a renamed manyToOne', () => {
    const plan = planChange((d) => {
      const fields = d.entities.contact!.fields;
      fields.employer = { ...fields.company!, renamedFrom: 'company' };
      delete fields.company;
      d.entities.company!.fields.contacts!.inverse = 'employer';
    });
    expect(plan.steps.find((s) => s.kind === 'renameColumn')!.sql).toEqual([
      'ALTER TABLE "main"."contact" RENAME COLUMN "company_id" TO "employer_id"',
      'ALTER TABLE "main"."contact" RENAME CONSTRAINT "contact__company_id_fkey" TO "contact__employer_id_fkey"',
      'ALTER INDEX "main"."contact__company_id_idx" RENAME TO "contact__employer_id_idx"',
    ]);
    expect(plan.destructive).toBe(false);
  });

  it('renames the table, its constraints and its junction tables when an entity is renamed', () => {
    const plan = planChange((d) => {
      d.entities.deal = { ...d.entities.opportunity!, renamedFrom: 'opportunity', plural: 'deals' };
      delete d.entities.opportunity;
      d.entities.tag!.fields.opportunities!.target = 'deal';
    });
    const sql = plan.steps.filter((s) => s.kind === 'renameTable').flatMap((s) => s.sql);
    expect(sql).toEqual([
      'ALTER TABLE "main"."opportunity" RENAME TO "deal"',
      'ALTER INDEX IF EXISTS "main"."opportunity__owner_id_idx" RENAME TO "deal__owner_id_idx"',
      'ALTER INDEX IF EXISTS "main"."opportunity__team_id_idx" RENAME TO "deal__team_id_idx"',
      'ALTER TABLE "main"."deal" RENAME CONSTRAINT "opportunity__company_id_fkey" TO "deal__company_id_fkey"',
      'ALTER INDEX "main"."opportunity__company_id_idx" RENAME TO "deal__company_id_idx"',
      'ALTER TABLE "main"."opportunity__tags" RENAME TO "deal__tags"',
      'ALTER TABLE "main"."deal__tags" RENAME CONSTRAINT "opportunity__tags__source_id_fkey" TO "deal__tags__source_id_fkey"',
      'ALTER TABLE "main"."deal__tags" RENAME CONSTRAINT "opportunity__tags__target_id_fkey" TO "deal__tags__target_id_fkey"',
      'ALTER INDEX "main"."opportunity__tags__target_id_idx" RENAME TO "deal__tags__target_id_idx"',
    ]);
    expect(plan.steps[0]!.description).toBe('Rename entity opportunity to deal (table "opportunity" renamed to "deal", data kept)');
    expect(plan.problems).toEqual([]);
    expect(plan.destructive).toBe(false);
  });

  it('moves a removed field’s column aside instead of dropping it', () => {
    const plan = planChange((d) => delete d.entities.company!.fields.website);
    expect(plan.steps).toEqual([
      {
        kind: 'dropColumn',
        entity: 'company',
        field: 'website',
        description: 'Remove field website from company: column moved aside as __dropped_v7_website (data kept for undo)',
        destructive: true,
        sql: ['ALTER TABLE "main"."company" RENAME COLUMN "website" TO "__dropped_v7_website"'],
      },
      {
        kind: 'metadataOnly',
        entity: 'company',
        field: 'website',
        description: 'Used by: form layout — company.website is removed; this version no longer uses it there (metadata only)',
        destructive: false,
        sql: [],
      },
    ]);
    expect(plan.destructive).toBe(true);
  });

  it('drops the FK and indexes of a removed entity, then moves its table aside', () => {
    const plan = planChange((d) => {
      delete d.entities.contact;
      delete d.entities.company!.fields.contacts;
    });
    expect(plan.steps.map((s) => [s.kind, s.destructive, s.sql])).toEqual([
      ['dropForeignKey', false, ['ALTER TABLE "main"."contact" DROP CONSTRAINT IF EXISTS "contact__company_id_fkey"']],
      ['dropIndex', false, ['DROP INDEX IF EXISTS "main"."contact__company_id_idx"']],
      ['dropIndex', false, ['DROP INDEX IF EXISTS "main"."contact__email_key"']],
      // Freed so that a new entity named contact can create its own ownership indexes.
      ['dropIndex', false, ['DROP INDEX IF EXISTS "main"."contact__owner_id_idx"']],
      ['dropIndex', false, ['DROP INDEX IF EXISTS "main"."contact__team_id_idx"']],
      ['dropTable', true, ['ALTER TABLE "main"."contact" RENAME TO "__dropped_v7_contact"']],
      ['metadataOnly', false, []],
    ]);
    expect(plan.steps[5]!.description).toBe('Remove entity Contact (contact): table moved aside as __dropped_v7_contact (data kept for undo)');
  });

  it('frees a column name taken over by a new field before adding the new column', () => {
    const plan = planChange((d) => {
      delete d.entities.opportunity!.fields.company;
      d.entities.opportunity!.fields.companyId = { type: 'text', label: 'Company id (legacy)' };
    });
    expect(summary(plan)).toEqual([
      'dropForeignKey opportunity.company', 'dropIndex opportunity.company', 'dropColumn opportunity.company', 'addColumn opportunity.companyId',
    ]);
  });

  it('orders every kind of step by phase', () => {
    const plan = planChange((d) => {
      d.entities.note = { label: 'Note', pluralLabel: 'Notes', plural: 'notes', fields: { company: { type: 'relation', label: 'C', target: 'company', cardinality: 'manyToOne' } } };
      d.entities.company!.fields.name!.label = 'Company name';
      d.entities.company!.fields.employees!.type = 'decimal';
      d.entities.company!.fields.hq = { type: 'text', label: 'HQ', renamedFrom: 'website' };
      delete d.entities.company!.fields.website;
      d.entities.tag!.fields.name!.unique = false;
      delete d.entities.opportunity!.fields.closeDate;
    });
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'createTable', 'renameColumn', 'addForeignKey', 'createIndex', 'alterColumnType', 'dropIndex', 'dropColumn',
      'metadataOnly', 'metadataOnly', 'metadataOnly', // hq: url → text (same column), hq and name: labels
      'metadataOnly', // website (renamed hq) was used by the form layout
    ]);
  });

  it('quotes every identifier, even ones no valid document could contain', () => {
    const plan = planBetween(EMPTY, { entities: { tag: salesDocument().entities.tag! } }, 'we"ird');
    expect(plan.steps[0]!.sql[0]).toMatch(/^CREATE TABLE "we""ird"\."tag" \(/);
    const evil = salesDocument();
    evil.entities.tag!.fields['x"; drop table y; --'] = { type: 'text', label: 'X' };
    const added = planBetween(salesDocument(), evil).steps[0]!;
    expect(added.sql).toEqual(['ALTER TABLE "main"."tag" ADD COLUMN "x""; drop table y; --" text']);
  });
});
