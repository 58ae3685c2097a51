import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

const planChange = (mutate: (doc: MetadataDocument) => void, from = salesDocument()) => {
  const to = structuredClone(from);
  mutate(to);
  return planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 7 });
};
const storage = (plan: ReturnType<typeof planChange>) => plan.steps.filter((s) => s.kind !== 'metadataOnly');

describe('planMigration: relations and indexes', () => {
  it('adds a manyToOne to an existing table as column, FK and index, in that order', () => {
    const plan = planChange((d) => (d.entities.tag!.fields.owner = { type: 'relation', label: 'Owner', target: 'contact', cardinality: 'manyToOne', onDelete: 'restrict' }));
    expect(plan.steps.map((s) => [s.kind, s.sql])).toEqual([
      ['addColumn', ['ALTER TABLE "main"."tag" ADD COLUMN "owner_id" uuid']],
      ['addForeignKey', ['ALTER TABLE "main"."tag" ADD CONSTRAINT "tag__owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "main"."contact" ("id") ON DELETE RESTRICT']],
      ['createIndex', ['CREATE INDEX "tag__owner_id_idx" ON "main"."tag" ("owner_id")']],
    ]);
  });

  it('creates a junction table named after the owner, with cascading FKs and an index on target_id', () => {
    const plan = planChange((d) => (d.entities.company!.fields.tags = { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany' }));
    expect(plan.steps).toEqual([
      {
        kind: 'createJunctionTable',
        entity: 'company',
        field: 'tags',
        description: 'Create junction table "company__tags" for company.tags',
        destructive: false,
        sql: [
          'CREATE TABLE "main"."company__tags" ("source_id" uuid NOT NULL, "target_id" uuid NOT NULL, PRIMARY KEY ("source_id", "target_id"), ' +
            'CONSTRAINT "company__tags__source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "main"."company" ("id") ON DELETE CASCADE, ' +
            'CONSTRAINT "company__tags__target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "main"."tag" ("id") ON DELETE CASCADE)',
          'CREATE INDEX "company__tags__target_id_idx" ON "main"."company__tags" ("target_id")',
        ],
      },
    ]);
  });

  it('keeps the junction when only the non-owner side is removed', () => {
    const plan = planChange((d) => {
      delete d.entities.tag!.fields.opportunities;
      delete d.entities.opportunity!.fields.tags!.inverse;
    });
    expect(storage(plan)).toEqual([]);
  });

  it('swaps source and target when the remaining side becomes the owner', () => {
    const plan = planChange((d) => {
      delete d.entities.opportunity!.fields.tags;
      delete d.entities.tag!.fields.opportunities!.inverse;
    });
    const [step] = storage(plan);
    expect(step!.kind).toBe('renameTable');
    expect(step!.description).toBe('Rename junction table "opportunity__tags" to "tag__opportunities" for tag.opportunities (source and target columns swapped to the new owner) (data kept)');
    expect(step!.sql).toEqual([
      'ALTER TABLE "main"."opportunity__tags" RENAME TO "tag__opportunities"',
      'ALTER TABLE "main"."tag__opportunities" RENAME COLUMN "source_id" TO "__swap_id"',
      'ALTER TABLE "main"."tag__opportunities" RENAME COLUMN "target_id" TO "source_id"',
      'ALTER TABLE "main"."tag__opportunities" RENAME COLUMN "__swap_id" TO "target_id"',
      'ALTER TABLE "main"."tag__opportunities" RENAME CONSTRAINT "opportunity__tags__source_id_fkey" TO "__swap_fkey"',
      'ALTER TABLE "main"."tag__opportunities" RENAME CONSTRAINT "opportunity__tags__target_id_fkey" TO "tag__opportunities__source_id_fkey"',
      'ALTER TABLE "main"."tag__opportunities" RENAME CONSTRAINT "__swap_fkey" TO "tag__opportunities__target_id_fkey"',
      'DROP INDEX IF EXISTS "main"."opportunity__tags__target_id_idx"',
      'CREATE INDEX "tag__opportunities__target_id_idx" ON "main"."tag__opportunities" ("target_id")',
    ]);
    expect(plan.destructive).toBe(false);
  });

  it('reuses the existing junction when an inverse is added on the other side', () => {
    const from = salesDocument();
    delete from.entities.tag!.fields.opportunities;
    delete from.entities.opportunity!.fields.tags!.inverse;
    const plan = planChange((d) => {
      d.entities.tag!.fields.opportunities = { type: 'relation', label: 'O', target: 'opportunity', cardinality: 'manyToMany', inverse: 'tags' };
      d.entities.opportunity!.fields.tags!.inverse = 'opportunities';
    }, from);
    expect(storage(plan)).toEqual([]);
  });

  it('moves the junction aside when both sides are removed', () => {
    const plan = planChange((d) => {
      delete d.entities.tag!.fields.opportunities;
      delete d.entities.opportunity!.fields.tags;
    });
    expect(storage(plan)).toEqual([
      {
        kind: 'dropJunctionTable',
        entity: 'opportunity',
        field: 'tags',
        description: 'Remove the junction table of opportunity.tags: moved aside as __dropped_v7_opportunity__tags (data kept for undo)',
        destructive: true,
        sql: [
          'ALTER TABLE "main"."opportunity__tags" DROP CONSTRAINT IF EXISTS "opportunity__tags__source_id_fkey", DROP CONSTRAINT IF EXISTS "opportunity__tags__target_id_fkey"',
          'DROP INDEX IF EXISTS "main"."opportunity__tags__target_id_idx"',
          'ALTER TABLE "main"."opportunity__tags" RENAME TO "__dropped_v7_opportunity__tags"',
        ],
      },
    ]);
  });

  it('recreates the FK when onDelete changes', () => {
    const plan = planChange((d) => (d.entities.contact!.fields.company!.onDelete = 'cascade'));
    expect(storage(plan)).toEqual([
      {
        kind: 'addForeignKey',
        entity: 'contact',
        field: 'company',
        description: 'Change on delete of contact.company to cascade (foreign key "contact__company_id_fkey" recreated)',
        destructive: false,
        sql: [
          'ALTER TABLE "main"."contact" DROP CONSTRAINT "contact__company_id_fkey"',
          'ALTER TABLE "main"."contact" ADD CONSTRAINT "contact__company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "main"."company" ("id") ON DELETE CASCADE',
        ],
      },
    ]);
  });

  it('creates and drops unique indexes when unique changes', () => {
    const plan = planChange((d) => {
      d.entities.company!.fields.name!.unique = true;
      delete d.entities.tag!.fields.name!.unique;
    });
    expect(storage(plan).map((s) => [s.kind, s.sql])).toEqual([
      ['createIndex', ['CREATE UNIQUE INDEX "company__name_key" ON "main"."company" ("name")']],
      ['dropIndex', ['DROP INDEX IF EXISTS "main"."tag__name_key"']],
    ]);
  });

  it('refuses to change a relation’s target or cardinality', () => {
    const plan = planChange((d) => {
      d.entities.opportunity!.fields.company = { type: 'relation', label: 'C', target: 'contact', cardinality: 'manyToOne' };
    });
    expect(plan.problems).toEqual([
      {
        path: '/entities/opportunity/fields/company',
        code: 'relation-change-not-supported',
        message: 'Relation opportunity.company cannot change its target (company → contact): its links are stored differently. Add a new relation field and remove this one instead.',
      },
    ]);
  });
});
