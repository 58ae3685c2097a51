import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { salesDocument } from './testing/fixtures.js';
import type { FieldDefinition, MetadataDocument } from './types.js';

const planField = (from: FieldDefinition, to: FieldDefinition) => {
  const doc = (field: FieldDefinition): MetadataDocument => ({ entities: { item: { label: 'Item', pluralLabel: 'Items', plural: 'items', fields: { x: field } } } });
  return planMigration(doc(from), doc(to), diffDocuments(doc(from), doc(to)), { schema: 'main', version: 3 });
};
const typeStep = (plan: ReturnType<typeof planField>) => plan.steps.find((s) => s.kind === 'alterColumnType' || s.description.startsWith('Change item.x'));

describe('planMigration: type changes', () => {
  it('widens integer to decimal without loss', () => {
    const step = typeStep(planField({ type: 'integer', label: 'X' }, { type: 'decimal', label: 'X' }))!;
    expect(step).toMatchObject({ kind: 'alterColumnType', destructive: false, description: 'Change item.x from integer to decimal (values converted, none lost)' });
    expect(step.sql).toEqual(['ALTER TABLE "main"."item" ALTER COLUMN "x" TYPE numeric(18,2) USING CASE WHEN abs("x") < 10000000000000000 THEN "x"::numeric(18,2) END']);
  });

  it('flags narrowing text to integer as destructive', () => {
    const step = typeStep(planField({ type: 'text', label: 'X' }, { type: 'integer', label: 'X' }))!;
    expect(step).toMatchObject({ kind: 'alterColumnType', destructive: true, description: 'Change item.x from text to integer (values that do not convert become empty)' });
    expect(step.sql[0]).toBe(`ALTER TABLE "main"."item" ALTER COLUMN "x" TYPE integer USING CASE WHEN btrim("x") ~ '^-?[0-9]{1,9}$' THEN btrim("x")::integer END`);
  });

  it('adds and backfills the currency column when a decimal becomes a currency', () => {
    const step = typeStep(planField({ type: 'decimal', label: 'X' }, { type: 'currency', label: 'X', defaultCurrency: 'EUR' }))!;
    expect(step.sql).toEqual([
      'ALTER TABLE "main"."item" ADD COLUMN "x_currency" char(3)',
      `UPDATE "main"."item" SET "x_currency" = 'EUR' WHERE "x" IS NOT NULL`,
    ]);
    expect(step.destructive).toBe(true);
  });

  it('moves the currency column aside when a currency becomes a decimal', () => {
    const step = typeStep(planField({ type: 'currency', label: 'X' }, { type: 'decimal', label: 'X' }))!;
    expect(step.sql).toEqual(['ALTER TABLE "main"."item" RENAME COLUMN "x_currency" TO "__dropped_v3_x_currency"']);
    expect(step.description).toBe('Change item.x from currency to decimal (values that do not convert become empty; column x_currency moved aside as __dropped_v3_x_currency)');
    expect(step.destructive).toBe(true);
  });

  it('alters the column when a decimal’s scale changes, flagged destructive', () => {
    const step = typeStep(planField({ type: 'decimal', label: 'X', scale: 2 }, { type: 'decimal', label: 'X', scale: 4 }))!;
    expect(step).toMatchObject({ kind: 'alterColumnType', destructive: true, description: 'Change the scale of item.x from 2 to 4 (values that do not convert become empty)' });
  });

  it('needs no SQL between types with the same column type', () => {
    const plan = planField({ type: 'text', label: 'X' }, { type: 'email', label: 'X' });
    expect(plan.steps).toEqual([
      {
        kind: 'metadataOnly',
        entity: 'item',
        field: 'x',
        description: 'Change item.x from text to email: same column type, values kept as they are (values that are not valid email values fail validation when their record is next saved)',
        destructive: false,
        sql: [],
      },
    ]);
  });

  it('wraps a select value into a multiSelect array', () => {
    const options = [{ value: 'a', label: 'A' }];
    const step = typeStep(planField({ type: 'select', label: 'X', options }, { type: 'multiSelect', label: 'X', options }))!;
    expect(step.sql).toEqual(['ALTER TABLE "main"."item" ALTER COLUMN "x" TYPE jsonb USING CASE WHEN "x" IS NULL THEN NULL ELSE jsonb_build_array("x") END']);
    expect(step.destructive).toBe(false);
  });

  it('rewrites a jsonb column whose shape changes even though its SQL type stays', () => {
    const options = [{ value: 'a', label: 'A' }];
    const step = typeStep(planField({ type: 'json', label: 'X' }, { type: 'multiSelect', label: 'X', options }))!;
    expect(step).toMatchObject({ kind: 'alterColumnType', destructive: true });
    expect(step.sql).toEqual([`ALTER TABLE "main"."item" ALTER COLUMN "x" TYPE jsonb USING CASE WHEN jsonb_typeof("x") = 'array' THEN "x" END`]);
    expect(typeStep(planField({ type: 'multiSelect', label: 'X', options }, { type: 'json', label: 'X' }))!.kind).toBe('metadataOnly');
  });

  it('reports a problem, and no step, for a change without conversion', () => {
    const plan = planField({ type: 'json', label: 'X' }, { type: 'date', label: 'X' });
    expect(plan.steps).toEqual([]);
    expect(plan.problems).toEqual([
      {
        path: '/entities/item/fields/x/type',
        code: 'type-change-not-convertible',
        message: 'Field item.x cannot change from json to date: there is no conversion between them. Add a new field and remove this one instead.',
      },
    ]);
  });

  it('reports a problem for a change between a value and a relation', () => {
    const sales = salesDocument();
    const to = structuredClone(sales);
    to.entities.tag!.fields.name = { type: 'relation', label: 'N', target: 'company', cardinality: 'manyToOne' };
    expect(planMigration(sales, to, diffDocuments(sales, to), { schema: 'main', version: 2 }).problems).toEqual([
      expect.objectContaining({ path: '/entities/tag/fields/name/type', code: 'type-change-not-convertible' }),
    ]);
  });
});
