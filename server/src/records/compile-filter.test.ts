import { compileFilter, type FilterScope } from './compile-filter.js';
import { buildDataModel } from './data-model.js';
import { AliasSource, SqlParams } from './sql.js';
import { recordsDocument } from './testing/records-fixture.js';

const model = buildDataModel(recordsDocument(), 'main');

function compile(entity: string, filter: unknown): { sql: string; values: unknown[] } {
  const scope: FilterScope = { model, params: new SqlParams(), aliases: new AliasSource() };
  const alias = scope.aliases.take();
  const sql = compileFilter(scope, entity, filter, alias);
  return { sql, values: scope.params.values };
}

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
    return (error as Error).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('compileFilter', () => {
  it('compiles an empty or missing filter to TRUE', () => {
    expect(compile('person', undefined)).toEqual({ sql: 'TRUE', values: [] });
    expect(compile('person', {})).toEqual({ sql: 'TRUE', values: [] });
  });

  it('compiles comparison operators to quoted columns and $n parameters', () => {
    expect(compile('person', { age: { gt: 30, lte: 60 } })).toEqual({
      sql: '(t0."age" > $1 AND t0."age" <= $2)',
      values: [30, 60],
    });
    expect(compile('person', { age: { gte: 1, lt: 2 } }).sql).toBe('(t0."age" >= $1 AND t0."age" < $2)');
    expect(compile('person', { lastSeen: { gt: '2024-01-01T00:00:00Z' } })).toEqual({
      sql: 't0."last_seen" > $1',
      values: ['2024-01-01T00:00:00Z'],
    });
  });

  it('treats neq as NULL-inclusive and eq/neq null as IS NULL / IS NOT NULL', () => {
    expect(compile('person', { status: { neq: 'lead' } })).toEqual({ sql: 't0."status" IS DISTINCT FROM $1', values: ['lead'] });
    expect(compile('person', { status: { eq: null } }).sql).toBe('t0."status" IS NULL');
    expect(compile('person', { status: { neq: null } }).sql).toBe('t0."status" IS NOT NULL');
    expect(compile('person', { status: { isNull: true } }).sql).toBe('t0."status" IS NULL');
    expect(compile('person', { status: { isNull: false } }).sql).toBe('t0."status" IS NOT NULL');
  });

  it('passes like / ilike patterns as parameters, never as SQL text', () => {
    const pattern = "%'; DROP TABLE person; --";
    expect(compile('person', { name: { like: pattern } })).toEqual({ sql: 't0."name" LIKE $1', values: [pattern] });
    expect(compile('person', { email: { ilike: '%@ACME.com' } })).toEqual({ sql: 't0."email" ILIKE $1', values: ['%@ACME.com'] });
  });

  it('compiles in / notIn to = ANY($n) with an array parameter, notIn keeping NULLs', () => {
    expect(compile('person', { status: { in: ['lead', 'customer'] } })).toEqual({
      sql: 't0."status" = ANY($1)',
      values: [['lead', 'customer']],
    });
    expect(compile('person', { status: { notIn: ['lead'] } })).toEqual({ sql: '(t0."status" = ANY($1)) IS NOT TRUE', values: [['lead']] });
  });

  it('compiles multiSelect containsAny / containsAll to jsonb ?| / ?&', () => {
    expect(compile('person', { interests: { containsAny: ['golf', 'chess'] } })).toEqual({
      sql: 't0."interests" ?| $1::text[]',
      values: [['golf', 'chess']],
    });
    expect(compile('person', { interests: { containsAll: ['golf'] } }).sql).toBe('t0."interests" ?& $1::text[]');
  });

  it('applies currency operators to the amount and `currency` to the code column', () => {
    expect(compile('person', { salary: { gte: 1000, currency: 'EUR' } })).toEqual({
      sql: '(t0."salary" >= $1 AND t0."salary_currency" = $2)',
      values: [1000, 'EUR'],
    });
  });

  it('combines and / or / not', () => {
    const result = compile('person', {
      or: [{ age: { lt: 18 } }, { and: [{ age: { gt: 65 } }, { active: { eq: true } }] }],
      not: { name: { eq: 'Bob' } },
    });
    expect(result.sql).toBe('((t0."age" < $1 OR (t0."age" > $2 AND t0."active" = $3)) AND (t0."name" = $4) IS NOT TRUE)');
    expect(result.values).toEqual([18, 65, true, 'Bob']);
    expect(compile('person', { or: [] }).sql).toBe('FALSE');
    expect(compile('person', { and: [] }).sql).toBe('TRUE');
  });

  it('filters through a manyToOne with EXISTS on the target', () => {
    expect(compile('person', { company: { name: { eq: 'Acme' } } })).toEqual({
      sql: 'EXISTS (SELECT 1 FROM "main"."company" t1 WHERE t1."id" = t0."company_id" AND t1."name" = $1)',
      values: ['Acme'],
    });
  });

  it('compares the foreign key directly when only the target id is filtered', () => {
    const id = '8d6b4c1e-7a3b-4a8e-9a51-1d2b3c4d5e6f';
    expect(compile('person', { company: { id: { eq: id } } })).toEqual({
      sql: '(t0."company_id" IS NOT NULL AND t0."company_id" = $1)',
      values: [id],
    });
    expect(compile('person', { company: null }).sql).toBe('t0."company_id" IS NULL');
  });

  it('filters oneToMany with EXISTS / NOT EXISTS through the inverse foreign key', () => {
    expect(compile('company', { people: { some: { age: { gt: 40 } }, none: { status: { eq: 'churned' } } } })).toEqual({
      sql:
        '(EXISTS (SELECT 1 FROM "main"."person" t1 WHERE t1."company_id" = t0."id" AND t1."age" > $1)' +
        ' AND NOT EXISTS (SELECT 1 FROM "main"."person" t2 WHERE t2."company_id" = t0."id" AND t2."status" = $2))',
      values: [40, 'churned'],
    });
  });

  it('filters manyToMany through the junction table from either side', () => {
    expect(compile('person', { projects: { some: { title: { eq: 'X' } } } }).sql).toBe(
      'EXISTS (SELECT 1 FROM "main"."person__projects" j2 JOIN "main"."project" t1 ON t1."id" = j2."target_id"' +
        ' WHERE j2."source_id" = t0."id" AND t1."title" = $1)',
    );
    expect(compile('project', { members: { none: { name: { eq: 'Y' } } } }).sql).toBe(
      'NOT EXISTS (SELECT 1 FROM "main"."person__projects" j2 JOIN "main"."person" t1 ON t1."id" = j2."source_id"' +
        ' WHERE j2."target_id" = t0."id" AND t1."name" = $1)',
    );
  });

  it('nests relation filters in both directions', () => {
    const result = compile('company', { people: { some: { projects: { some: { title: { ilike: 'a%' } } } } } });
    expect(result.sql).toContain('EXISTS (SELECT 1 FROM "main"."person" t1 WHERE t1."company_id" = t0."id" AND EXISTS (');
    expect(result.sql).toContain('j3."source_id" = t1."id" AND t2."title" ILIKE $1');
  });

  it('filters system fields: id, createdAt, createdBy', () => {
    const id = '8d6b4c1e-7a3b-4a8e-9a51-1d2b3c4d5e6f';
    expect(compile('person', { id: { in: [id] }, createdAt: { gte: '2024-01-01T00:00:00Z' }, createdBy: { eq: 'user:x' } }).sql).toBe(
      '(t0."id" = ANY($1) AND t0."created_at" >= $2 AND t0."created_by" = $3)',
    );
  });

  it('refuses unknown fields, unknown operators and operators a type does not offer', () => {
    expect(badInput(() => compile('person', { nope: { eq: 1 } }))).toContain('Unknown field "nope"');
    expect(badInput(() => compile('person', { age: { like: '1%' } }))).toContain('Unknown filter operator "like"');
    expect(badInput(() => compile('person', { interests: { eq: 'golf' } }))).toContain('"eq"');
    expect(badInput(() => compile('person', { age: { bogus: 1 } }))).toContain('"bogus"');
    expect(badInput(() => compile('company', { people: { every: {} } }))).toContain('some / none');
  });

  it('refuses malformed operands', () => {
    expect(badInput(() => compile('person', { status: { in: 'lead' } }))).toContain('needs a list');
    expect(badInput(() => compile('person', { status: { isNull: 'yes' } }))).toContain('true or false');
    expect(badInput(() => compile('person', { id: { eq: "1' OR '1'='1" } }))).toContain('not a valid ID');
    expect(badInput(() => compile('person', { age: { eq: { $gt: 1 } } }))).toContain('single value');
  });
});
