import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import type { SetAsideInventory } from './plan-types.js';
import { salesDocument } from './testing/fixtures.js';
import type { FieldDefinition, MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

const number: FieldDefinition = { type: 'autoNumber', label: 'Number', prefix: 'CO-', digits: 4 };
const plan = (from: MetadataDocument, to: MetadataDocument, setAside?: SetAsideInventory) =>
  planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 6, ...(setAside ? { setAside } : {}) });
const sales = (mutate: (doc: MetadataDocument) => void = () => undefined): MetadataDocument => {
  const doc = salesDocument();
  mutate(doc);
  return doc;
};
const withNumber = (name = 'number', def = number) => sales((d) => (d.entities.company!.fields[name] = def));
const sqlOf = (p: ReturnType<typeof plan>) => p.steps.flatMap((s) => s.sql);

const CREATED = [
  'CREATE SEQUENCE IF NOT EXISTS "main"."company__number_seq" AS bigint OWNED BY "main"."company"."number"',
  expect.stringMatching(/^UPDATE "main"\."company" AS r SET "number" = n\.base \+ n\.rank FROM \(SELECT "id", row_number\(\) OVER \(ORDER BY "created_at", "id"\)/),
  expect.stringMatching(/^SELECT setval\('"main"\."company__number_seq"', greatest/),
  `ALTER TABLE "main"."company" ALTER COLUMN "number" SET DEFAULT nextval('"main"."company__number_seq"'::regclass)`,
];

describe('planMigration: field types with storage hooks (autoNumber)', () => {
  it('adds the column, its sequence and numbers for existing rows in one step', () => {
    const p = plan(sales(), withNumber());
    expect(p.steps).toEqual([
      {
        kind: 'addColumn',
        entity: 'company',
        field: 'number',
        description: 'Add column "number" bigint to company',
        destructive: false,
        sql: ['ALTER TABLE "main"."company" ADD COLUMN "number" bigint', ...CREATED],
      },
    ]);
  });

  it('creates the sequence right after a new table', () => {
    const p = plan({ entities: {} }, withNumber());
    const create = p.steps.find((s) => s.kind === 'createTable' && s.entity === 'company')!;
    expect(create.sql[0]).toMatch(/^CREATE TABLE "main"\."company" \(.*"number" bigint\)$/);
    expect(create.sql.slice(3)).toEqual(CREATED); // after the two ownership indexes
  });

  it('names the renamed columns of a rename step, every column of a composite value', () => {
    const from = withNumber('budget', { type: 'currency', label: 'Budget' });
    const to = withNumber('spend', { type: 'currency', label: 'Spend', renamedFrom: 'budget' });
    const step = plan(from, to).steps.find((s) => s.kind === 'renameColumn')!;
    expect(step.renamedColumns).toEqual([
      ['budget', 'spend'],
      ['budget_currency', 'spend_currency'],
    ]);
  });

  it('renames the sequence with the field and with the entity', () => {
    const renamed = withNumber('code', { ...number, renamedFrom: 'number' });
    expect(plan(withNumber(), renamed).steps.find((s) => s.kind === 'renameColumn')!.sql).toEqual([
      'ALTER TABLE "main"."company" RENAME COLUMN "number" TO "code"',
      'ALTER SEQUENCE IF EXISTS "main"."company__number_seq" RENAME TO "company__code_seq"',
    ]);
    const firm = withNumber();
    firm.entities.firm = { ...firm.entities.company!, renamedFrom: 'company' };
    delete firm.entities.company;
    for (const e of Object.values(firm.entities)) {
      for (const f of Object.values(e.fields)) if (f.target === 'company') f.target = 'firm';
    }
    const sql = sqlOf(plan(withNumber(), firm));
    expect(sql).toContain('ALTER SEQUENCE IF EXISTS "main"."company__number_seq" RENAME TO "firm__number_seq"');
  });

  it('stops drawing numbers for a removed field and moves its sequence aside', () => {
    const step = plan(withNumber(), sales()).steps.find((s) => s.kind === 'dropColumn')!;
    expect(step.sql).toEqual([
      'ALTER TABLE "main"."company" RENAME COLUMN "number" TO "__dropped_v6_number"',
      'ALTER TABLE "main"."company" ALTER COLUMN "__dropped_v6_number" DROP DEFAULT',
      'ALTER SEQUENCE IF EXISTS "main"."company__number_seq" RENAME TO "__dropped_v6_company__number_seq"',
    ]);
  });

  it('does the same for every auto-number of a removed entity', () => {
    const from = sales((d) => (d.entities.tag!.fields.code = { type: 'autoNumber', label: 'Code' }));
    const to = sales((d) => {
      delete d.entities.tag;
      for (const e of Object.values(d.entities)) {
        for (const [n, f] of Object.entries(e.fields)) if (f.target === 'tag') delete e.fields[n];
      }
    });
    const step = plan(from, to).steps.find((s) => s.kind === 'dropTable')!;
    expect(step.sql).toEqual([
      'ALTER TABLE "main"."tag" RENAME TO "__dropped_v6_tag"',
      'ALTER TABLE "main"."__dropped_v6_tag" ALTER COLUMN "code" DROP DEFAULT',
      'ALTER SEQUENCE IF EXISTS "main"."tag__code_seq" RENAME TO "__dropped_v6_tag__code_seq"',
    ]);
  });

  it('gives a restored auto-number column a sequence that continues after its numbers', () => {
    const p = plan(sales(), withNumber(), { columns: { company: { __dropped_v4_number: 'bigint' } }, tables: {} });
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.sql).toEqual(['ALTER TABLE "main"."company" RENAME COLUMN "__dropped_v4_number" TO "number"', ...CREATED]);
  });

  it('numbers the rows when an integer becomes an auto-number, and frees the column when it stops being one', () => {
    const asInteger = withNumber('number', { type: 'integer', label: 'Number' });
    const into = plan(asInteger, withNumber()).steps.find((s) => s.kind === 'alterColumnType')!;
    expect(into.sql).toEqual(['ALTER TABLE "main"."company" ALTER COLUMN "number" TYPE bigint USING "number"::bigint', ...CREATED]);
    expect(into.destructive).toBe(false);
    const out = plan(withNumber(), withNumber('number', { type: 'text', label: 'Number' })).steps.find((s) => s.kind === 'alterColumnType')!;
    expect(out.sql).toEqual([
      'ALTER TABLE "main"."company" ALTER COLUMN "number" DROP DEFAULT',
      'ALTER SEQUENCE IF EXISTS "main"."company__number_seq" RENAME TO "__dropped_v6_company__number_seq"',
      `ALTER TABLE "main"."company" ALTER COLUMN "number" TYPE text USING ('CO-' || lpad("number"::text, greatest(4, length("number"::text)), '0'))`,
    ]);
    expect(out.destructive).toBe(false);
  });

  it('needs no SQL when only the prefix or the padding changes (the text is computed on read)', () => {
    const p = plan(withNumber(), withNumber('number', { ...number, prefix: 'C-', digits: 6 }));
    expect(p.steps.every((s) => s.kind === 'metadataOnly' && s.sql.length === 0)).toBe(true);
  });
});

describe('validateDocument: the new field types', () => {
  const problems = (def: FieldDefinition) => validateDocument(withNumber('x', def)).map((p) => [p.path, p.code]);

  it('accepts each new type with its own properties', () => {
    expect(problems({ type: 'autoNumber', label: 'X', prefix: 'INV-', digits: 5 })).toEqual([]);
    expect(problems({ type: 'rating', label: 'X', max: 10, defaultValue: 3 })).toEqual([]);
    expect(problems({ type: 'richText', label: 'X', maxLength: 500, defaultValue: '<p>Hi</p>' })).toEqual([]);
    expect(problems({ type: 'duration', label: 'X', min: 0, max: 86400, defaultValue: 3600 })).toEqual([]);
  });

  it('refuses a rating with fewer than 3 or more than 10 stars, and defaults out of range', () => {
    expect(problems({ type: 'rating', label: 'X', max: 12 })).toEqual([['/entities/company/fields/x/max', 'rating-max-out-of-range']]);
    expect(validateDocument(withNumber('x', { type: 'rating', label: 'X', max: 2 }))[0]!.message).toBe(
      'Field company.x: max is the number of stars, a whole number from 3 to 10 (got 2).',
    );
    expect(problems({ type: 'rating', label: 'X', defaultValue: 6 })).toEqual([['/entities/company/fields/x/defaultValue', 'invalid-default']]);
    expect(problems({ type: 'rating', label: 'X', min: 1 } as FieldDefinition)).toEqual([['/entities/company/fields/x/min', 'property-not-allowed']]);
  });

  it('refuses a default value for an auto-number and a rich-text default longer than maxLength', () => {
    expect(problems({ type: 'autoNumber', label: 'X', defaultValue: 'INV-1' })).toEqual([['/entities/company/fields/x/defaultValue', 'invalid-default']]);
    const [tooLong] = validateDocument(withNumber('x', { type: 'richText', label: 'X', maxLength: 3, defaultValue: '<p><b>four</b></p>' }));
    expect(tooLong).toEqual({
      path: '/entities/company/fields/x/defaultValue',
      code: 'invalid-default',
      message: 'Default value of field company.x must be at most 3 characters (it has 4); fix or remove it.',
    });
  });

  it('refuses properties of other types and unique rich text', () => {
    expect(problems({ type: 'autoNumber', label: 'X', maxLength: 3 } as FieldDefinition)).toEqual([['/entities/company/fields/x/maxLength', 'property-not-allowed']]);
    expect(problems({ type: 'richText', label: 'X', unique: true })).toEqual([['/entities/company/fields/x/unique', 'unique-not-supported']]);
    expect(problems({ type: 'autoNumber', label: 'X', digits: 13 })).toEqual([['/entities/company/fields/x/digits', expect.any(String)]]);
  });
});
