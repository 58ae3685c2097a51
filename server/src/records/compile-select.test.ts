import { compileGet, compileGetMany, compileList, shapeConnection, type ConnectionSelection } from './compile-select.js';
import { buildDataModel } from './data-model.js';
import { decodeCursor, encodeCursor, keysetCondition, sortKeys } from './keyset.js';
import { SqlParams } from './sql.js';
import { recordsDocument } from './testing/records-fixture.js';

const model = buildDataModel(recordsDocument(), 'main');
const ID = '8d6b4c1e-7a3b-4a8e-9a51-1d2b3c4d5e6f';
const sel = (...names: string[]) => ({ fields: names.map((n) => ({ key: n, field: n })) });

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
}

describe('compileGet', () => {
  it('builds the record as JSON in Postgres, one statement, id as $1', () => {
    const sql = compileGet(model, 'person', ID, sel('id', 'name', 'age'));
    expect(sql.text).toBe(`SELECT json_build_object('id', t0."id", 'name', t0."name", 'age', t0."age") AS r FROM "main"."person" t0 WHERE t0."id" = $1`);
    expect(sql.values).toEqual([ID]);
  });

  it('reads each type by its storage: instants as ISO UTC with Z, dates as YYYY-MM-DD, currency as an object', () => {
    const sql = compileGet(model, 'person', ID, sel('createdAt', 'birthday', 'salary'));
    expect(sql.text).toContain(`'createdAt', to_char(t0."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    expect(sql.text).toContain(`'birthday', to_char(t0."birthday", 'YYYY-MM-DD')`);
    expect(sql.text).toContain(
      `'salary', CASE WHEN t0."salary" IS NULL THEN NULL ELSE json_build_object('amount', t0."salary", 'currency', t0."salary_currency") END`,
    );
  });

  it('builds JSON under response keys (aliases)', () => {
    const sql = compileGet(model, 'person', ID, { fields: [{ key: 'fullName', field: 'name' }] });
    expect(sql.text).toContain(`json_build_object('fullName', t0."name")`);
  });

  it('nests a manyToOne as a correlated subquery, and reads the foreign key when only id is asked', () => {
    const nested = compileGet(model, 'person', ID, { fields: [{ key: 'company', field: 'company', selection: sel('name') }] });
    expect(nested.text).toBe(
      `SELECT json_build_object('company', (SELECT json_build_object('name', t1."name") FROM "main"."company" t1 WHERE t1."id" = t0."company_id")) AS r` +
        ` FROM "main"."person" t0 WHERE t0."id" = $1`,
    );
    const idOnly = compileGet(model, 'person', ID, { fields: [{ key: 'company', field: 'company', selection: sel('id') }] });
    expect(idOnly.text).toContain(`CASE WHEN t0."company_id" IS NULL THEN NULL ELSE json_build_object('id', t0."company_id") END`);
  });

  it('nests toMany as json_agg over an ordered, limited subquery with its own filter', () => {
    const sql = compileGet(model, 'company', ID, {
      fields: [
        {
          key: 'people',
          field: 'people',
          args: { filter: { age: { gt: 30 } }, orderBy: [{ field: 'name', direction: 'DESC' }], first: 5 },
          selection: sel('name'),
        },
      ],
    });
    expect(sql.text).toBe(
      `SELECT json_build_object('people', coalesce((SELECT json_agg(s.r) FROM (SELECT json_build_object('name', t1."name") AS r` +
        ` FROM "main"."person" t1 WHERE t1."company_id" = t0."id" AND t1."age" > $2` +
        ` ORDER BY t1."name" DESC NULLS FIRST, t1."id" ASC NULLS LAST LIMIT $3) s), '[]'::json)) AS r FROM "main"."company" t0 WHERE t0."id" = $1`,
    );
    expect(sql.values).toEqual([ID, 30, 5]);
  });

  it('nests manyToMany through the junction, default limit 100', () => {
    const sql = compileGet(model, 'project', ID, { fields: [{ key: 'members', field: 'members', selection: sel('name') }] });
    expect(sql.text).toContain(
      `FROM "main"."person__projects" j2 JOIN "main"."person" t1 ON t1."id" = j2."source_id" WHERE j2."target_id" = t0."id" ORDER BY t1."id" ASC NULLS LAST LIMIT $2`,
    );
    expect(sql.values).toEqual([ID, 100]);
  });

  it('splits objects wider than 50 keys into jsonb chunks (json_build_object takes 100 arguments)', () => {
    const wide = { fields: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, field: 'name' })) };
    const sql = compileGet(model, 'person', ID, wide);
    expect(sql.text).toMatch(/^SELECT \(jsonb_build_object\('k0'.*\) \|\| jsonb_build_object\('k50'.*\)\)::json AS r/);
  });

  it('refuses unknown fields and oversized relation pages', () => {
    expect(code(() => compileGet(model, 'person', ID, sel('nope')))).toBe('BAD_USER_INPUT');
    expect(
      code(() => compileGet(model, 'company', ID, { fields: [{ key: 'people', field: 'people', args: { first: 501 }, selection: sel('id') }] })),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('compileGetMany', () => {
  it('returns rows in the order of the given ids', () => {
    const sql = compileGetMany(model, 'person', [ID], sel('id'));
    expect(sql.text).toBe(
      `SELECT json_build_object('id', t0."id") AS r FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord) JOIN "main"."person" t0 ON t0."id" = u.id ORDER BY u.ord`,
    );
  });
});

describe('compileList', () => {
  const all: ConnectionSelection = { totalCount: true, pageInfo: true, cursors: true, node: sel('name') };

  it('counts the filtered set and fetches one row beyond the page, ordered with id as tie-breaker', () => {
    const sql = compileList(model, 'person', { filter: { age: { gt: 30 } }, orderBy: [{ field: 'age', direction: 'DESC' }], first: 10 }, all);
    expect(sql.text).toBe(
      `SELECT (SELECT count(*)::int FROM "main"."person" t0 WHERE t0."age" > $1) AS "totalCount", coalesce((SELECT json_agg(json_build_array(p.k, p.r))` +
        ` FROM (SELECT json_build_array(t0."age"::text, t0."id"::text) AS k, json_build_object('name', t0."name") AS r` +
        ` FROM "main"."person" t0 WHERE t0."age" > $1 ORDER BY t0."age" DESC NULLS FIRST, t0."id" ASC NULLS LAST LIMIT $2) p), '[]'::json) AS "page"`,
    );
    expect(sql.values).toEqual([30, 11]);
    expect(sql.size).toBe(10);
  });

  it('leaves out the count and the cursors when they are not selected; default page size 50', () => {
    const sql = compileList(model, 'person', {}, { totalCount: false, pageInfo: false, cursors: false, node: sel('id') });
    expect(sql.text).toContain('NULL::int AS "totalCount"');
    expect(sql.text).toContain('SELECT NULL::json AS k');
    expect(sql.values).toEqual([51]);
  });

  it('adds a NULL-safe keyset condition after a cursor', () => {
    const after = encodeCursor([null, ID]);
    const sql = compileList(model, 'person', { orderBy: [{ field: 'age' }], after, first: 2 }, all);
    // ASC NULLS LAST: after a NULL age only rows with NULL age and a greater id.
    expect(sql.text).toContain(`WHERE (t0."age" IS NULL AND t0."id" > $1::uuid) ORDER BY t0."age" ASC NULLS LAST`);
    expect(sql.values).toEqual([ID, 3]);
  });

  it('paginates backward with the reversed order', () => {
    const before = encodeCursor(['42', ID]);
    const sql = compileList(model, 'person', { orderBy: [{ field: 'age' }], before, last: 2 }, all);
    expect(sql.text).toContain(
      `WHERE (t0."age" < $1::integer OR (t0."age" = $1::integer AND t0."id" < $2::uuid)) ORDER BY t0."age" DESC NULLS FIRST, t0."id" DESC NULLS FIRST`,
    );
    expect(sql.backward).toBe(true);
  });

  it('refuses bad cursors, bad page sizes and first together with last', () => {
    expect(code(() => compileList(model, 'person', { after: 'not a cursor!' }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { after: encodeCursor(['x']) , orderBy: [{ field: 'age' }] }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { after: Buffer.from('{"a":1}').toString('base64url') }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { first: 501 }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { first: -1 }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { first: 1, last: 1 }, all))).toBe('BAD_USER_INPUT');
    expect(code(() => compileList(model, 'person', { orderBy: [{ field: 'interests' }] }, all))).toBe('BAD_USER_INPUT');
  });

  it('shapes the row into a connection, reversing backward pages', () => {
    const list = compileList(model, 'person', { last: 2, before: encodeCursor([ID]) }, all);
    const connection = shapeConnection(
      { totalCount: 7, page: [[['c'], { name: 'C' }], [['b'], { name: 'B' }], [['a'], { name: 'A' }]] },
      list,
    );
    expect(connection.totalCount).toBe(7);
    expect(connection.edges.map((e) => e.node['name'])).toEqual(['B', 'C']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(['b']), endCursor: encodeCursor(['c']) });
  });
});

describe('keyset', () => {
  const person = model.entities.get('person')!;

  it('builds after/before conditions for every NULL and direction combination', () => {
    const keys = sortKeys(person, [{ field: 'age', direction: 'DESC' }], 't0');
    const cond = (values: (string | null)[], side: 'after' | 'before') => keysetCondition(new SqlParams(), keys, values, side);
    // DESC NULLS FIRST
    expect(cond(['5', ID], 'after')).toBe('(t0."age" < $1::integer OR (t0."age" = $1::integer AND t0."id" > $2::uuid))');
    expect(cond([null, ID], 'after')).toBe('(t0."age" IS NOT NULL OR (t0."age" IS NULL AND t0."id" > $1::uuid))');
    expect(cond(['5', ID], 'before')).toBe('((t0."age" > $1::integer OR t0."age" IS NULL) OR (t0."age" = $1::integer AND t0."id" < $2::uuid))');
    expect(cond([null, ID], 'before')).toBe('(t0."age" IS NULL AND t0."id" < $1::uuid)');
  });

  it('stops at id when the order already contains it', () => {
    expect(sortKeys(person, [{ field: 'id', direction: 'DESC' }, { field: 'name' }], 't0')).toEqual([
      { ref: 't0."id"', sqlType: 'uuid', desc: true, nullable: false },
    ]);
  });

  it('round-trips cursors and rejects tampered ones', () => {
    expect(decodeCursor(encodeCursor(['a', null, ID]), 3)).toEqual(['a', null, ID]);
    expect(code(() => decodeCursor(encodeCursor(['a', null, 'x']), 3))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor(encodeCursor(['a', 1, ID] as never), 3))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor('%%%', 1))).toBe('BAD_USER_INPUT');
  });
});
