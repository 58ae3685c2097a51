/**
 * RecordService on a real (embedded) Postgres: round trips of every field type, every filter operator
 * against a JS oracle, keyset pagination against a full sort, relations, validation and the error mapping.
 */
import { jest } from '@jest/globals';
import { testContext } from '../testing/contexts.js';
import type { RequestContext } from '../common/request-context.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import type { ConnectionSelection, ListArgs, RecordSelection } from './compile-select.js';
import type { RecordService } from './record.service.js';
import { countStatements, createTables, recordServiceFor } from './testing/record-test-kit.js';
import { recordsDocument } from './testing/records-fixture.js';

jest.setTimeout(60_000);

const ctx: RequestContext = testContext('tester', 'user');
const doc = recordsDocument();
let db: TestDatabase;
let records: RecordService;

type Row = Record<string, unknown>;

function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string; fieldErrors?: Row[] }> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: { message: string; extensions?: { code?: string; fieldErrors?: Row[] } }) => ({
      code: error.extensions?.code,
      message: error.message,
      fieldErrors: error.extensions?.fieldErrors,
    }),
  );
}

const ids = (connection: { edges: { node: Row }[] }) => connection.edges.map((e) => e.node['id'] as string);
const nodeSel = (...names: string[]): RecordSelection => ({ fields: names.map((n) => ({ key: n, field: n })) });
const listSel = (node: RecordSelection = nodeSel('id')): ConnectionSelection => ({ totalCount: true, pageInfo: true, cursors: true, node });

beforeAll(async () => {
  db = await startTestDatabase();
  await createTables(db.pool, doc);
  records = recordServiceFor(db.pool, doc);
});

afterAll(async () => {
  await db?.stop();
});

describe('round trips', () => {
  it('stores and reads back every field type', async () => {
    const company = await records.create(ctx, 'company', { name: 'Acme', employees: 12, revenue: { amount: 1234567.89 } });
    expect(company).toMatchObject({ name: 'Acme', employees: 12, revenue: { amount: 1234567.89, currency: 'EUR' } });
    const project = await records.create(ctx, 'project', { title: 'Apollo' });
    const values = {
      name: "Ann O'Neil",
      email: 'ann@example.com',
      bio: 'Line one\nLine two — ünïcødé ✓',
      age: 42,
      score: 12.345,
      salary: { amount: 5000.5, currency: 'GBP' },
      ratio: 12.5,
      active: true,
      birthday: '1982-02-28',
      lastSeen: '2024-03-01T10:20:30.123+02:00',
      status: 'customer',
      interests: ['sailing', 'golf'],
      phone: '+1 555 0100',
      website: 'https://example.com/ann',
      meta: { tags: ['a', 1, null, { deep: true }], n: 1.5 },
      company: company['id'],
      projects: [project['id']],
    };
    const selection: RecordSelection = {
      fields: [
        ...Object.keys(values).filter((k) => k !== 'company' && k !== 'projects').map((k) => ({ key: k, field: k })),
        { key: 'company', field: 'company', selection: nodeSel('id', 'name') },
        { key: 'projects', field: 'projects', selection: nodeSel('id', 'title') },
        ...['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].map((k) => ({ key: k, field: k })),
      ],
    };
    const created = await records.create(ctx, 'person', values, { selection });
    const expected = {
      ...values,
      lastSeen: '2024-03-01T08:20:30.123Z',
      company: { id: company['id'], name: 'Acme' },
      projects: [{ id: project['id'], title: 'Apollo' }],
      createdBy: 'user:tester',
      updatedBy: 'user:tester',
    };
    expect(created).toMatchObject(expected);
    expect(created['createdAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const read = await records.get(ctx, 'person', created['id'] as string, { selection });
    expect(read).toEqual(created);
    expect(typeof (read!['salary'] as Row)['amount']).toBe('number');
  });

  it('clears values with null and fills a currency without code from the default', async () => {
    const p = await records.create(ctx, 'person', { name: 'Nully', age: 3, salary: { amount: 1 } });
    expect(p['salary']).toEqual({ amount: 1, currency: 'USD' });
    const cleared = await records.update(ctx, 'person', p['id'] as string, { age: null, salary: null });
    expect(cleared).toMatchObject({ name: 'Nully', age: null, salary: null });
  });

  it('returns null for an id that does not exist or is not an id', async () => {
    expect(await records.get(ctx, 'person', '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await records.get(ctx, 'person', "x' OR '1'='1")).toBeNull();
  });
});

describe('filters', () => {
  const people: Row[] = [];
  let acme: string;
  let globex: string;
  let p1: string;
  let p2: string;

  beforeAll(async () => {
    await db.pool.query('DELETE FROM main.person; DELETE FROM main.company; DELETE FROM main.project');
    acme = (await records.create(ctx, 'company', { name: 'Acme', employees: 100 }))['id'] as string;
    globex = (await records.create(ctx, 'company', { name: 'Globex', employees: 5 }))['id'] as string;
    p1 = (await records.create(ctx, 'project', { title: 'alpha' }))['id'] as string;
    p2 = (await records.create(ctx, 'project', { title: 'beta' }))['id'] as string;
    const statuses = ['lead', 'customer', 'churned', null];
    const interests = [['golf'], ['chess', 'golf'], [], null, ['sailing']];
    const rows = Array.from({ length: 24 }, (_, i) => ({
      name: i % 7 === 0 ? `Zed ${i}` : `Person ${String(i).padStart(2, '0')}`,
      email: i % 5 === 0 ? null : `p${i}@${i % 2 ? 'acme' : 'globex'}.com`,
      age: i % 6 === 0 ? null : 20 + (i % 9),
      score: i % 4 === 0 ? null : i / 8,
      salary: i % 3 === 0 ? null : { amount: 1000 * (i % 5), currency: i % 2 ? 'USD' : 'EUR' },
      active: i % 3 === 0 ? null : i % 2 === 0,
      birthday: i % 5 === 1 ? null : `19${70 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
      lastSeen: i % 4 === 2 ? null : new Date(Date.UTC(2024, 0, 1 + (i % 8), i)).toISOString(),
      status: statuses[i % 4],
      interests: interests[i % 5],
      company: i % 3 === 2 ? null : i % 2 ? acme : globex,
      projects: i % 4 === 0 ? [p1, p2] : i % 4 === 1 ? [p1] : [],
    }));
    const created = await records.createMany(ctx, 'person', rows, {
      selection: { fields: [...Object.keys(rows[0]!).filter((k) => k !== 'company' && k !== 'projects').map((k) => ({ key: k, field: k })), { key: 'id', field: 'id' }] },
    });
    created.forEach((c, i) => people.push({ ...c, company: rows[i]!.company, projects: rows[i]!.projects }));
  });

  async function check(filter: Row, oracle: (p: Row) => boolean) {
    const result = await records.list(ctx, 'person', { filter, first: 500 }, { selection: listSel() });
    const expected = people.filter(oracle).map((p) => p['id']).sort();
    expect(ids(result).sort()).toEqual(expected);
    expect(result.totalCount).toBe(expected.length);
    return expected.length;
  }

  const num = (v: unknown) => v as number;

  it('eq / neq / in / notIn / isNull on select, NULL counting as "not equal"', async () => {
    expect(await check({ status: { eq: 'lead' } }, (p) => p['status'] === 'lead')).toBeGreaterThan(0);
    await check({ status: { neq: 'lead' } }, (p) => p['status'] !== 'lead');
    await check({ status: { in: ['lead', 'churned'] } }, (p) => p['status'] === 'lead' || p['status'] === 'churned');
    await check({ status: { notIn: ['lead', 'churned'] } }, (p) => p['status'] !== 'lead' && p['status'] !== 'churned');
    await check({ status: { isNull: true } }, (p) => p['status'] === null);
    await check({ status: { isNull: false } }, (p) => p['status'] !== null);
  });

  it('gt / gte / lt / lte on integer, decimal, date, dateTime and currency', async () => {
    await check({ age: { gt: 24 } }, (p) => p['age'] !== null && num(p['age']) > 24);
    await check({ age: { gte: 24, lte: 26 } }, (p) => p['age'] !== null && num(p['age']) >= 24 && num(p['age']) <= 26);
    await check({ age: { lt: 22 } }, (p) => p['age'] !== null && num(p['age']) < 22);
    await check({ score: { gte: 1.25 } }, (p) => p['score'] !== null && num(p['score']) >= 1.25);
    await check({ birthday: { lt: '1980-01-01' } }, (p) => p['birthday'] !== null && (p['birthday'] as string) < '1980-01-01');
    await check({ lastSeen: { gte: '2024-01-04T00:00:00Z' } }, (p) => p['lastSeen'] !== null && (p['lastSeen'] as string) >= '2024-01-04T00:00:00.000Z');
    await check({ salary: { gt: 2000 } }, (p) => p['salary'] !== null && num((p['salary'] as Row)['amount']) > 2000);
    await check({ salary: { gte: 0, currency: 'EUR' } }, (p) => p['salary'] !== null && (p['salary'] as Row)['currency'] === 'EUR');
    await check({ active: { eq: false } }, (p) => p['active'] === false);
  });

  it('like / ilike with the pattern as data', async () => {
    await check({ name: { like: 'Zed%' } }, (p) => (p['name'] as string).startsWith('Zed'));
    await check({ email: { ilike: '%@ACME.com' } }, (p) => typeof p['email'] === 'string' && (p['email'] as string).endsWith('@acme.com'));
    await check({ name: { like: "%' OR 1=1 --" } }, () => false);
  });

  it('containsAny / containsAll / isNull on multiSelect', async () => {
    const has = (p: Row, v: string) => Array.isArray(p['interests']) && (p['interests'] as string[]).includes(v);
    await check({ interests: { containsAny: ['chess', 'sailing'] } }, (p) => has(p, 'chess') || has(p, 'sailing'));
    await check({ interests: { containsAll: ['chess', 'golf'] } }, (p) => has(p, 'chess') && has(p, 'golf'));
    await check({ interests: { isNull: true } }, (p) => p['interests'] === null);
  });

  it('and / or / not, with system fields', async () => {
    await check(
      { or: [{ age: { lt: 22 } }, { and: [{ status: { eq: 'customer' } }, { not: { active: { eq: true } } }] }] },
      (p) => (p['age'] !== null && num(p['age']) < 22) || (p['status'] === 'customer' && p['active'] !== true),
    );
    await check({ id: { in: [people[0]!['id'], people[3]!['id']] } }, (p) => p === people[0] || p === people[3]);
    await check({ createdBy: { eq: 'user:tester' } }, () => true);
  });

  it('filters through manyToOne, oneToMany and manyToMany in both directions', async () => {
    await check({ company: { name: { eq: 'Acme' } } }, (p) => p['company'] === acme);
    await check({ company: { employees: { lt: 10 } } }, (p) => p['company'] === globex);
    await check({ company: { id: { eq: acme } } }, (p) => p['company'] === acme);
    await check({ company: null }, (p) => p['company'] === null);
    await check({ projects: { some: { title: { eq: 'beta' } } } }, (p) => (p['projects'] as string[]).includes(p2));
    await check({ projects: { none: {} } }, (p) => (p['projects'] as string[]).length === 0);
    const companies = await records.list(ctx, 'company', { filter: { people: { some: { status: { eq: 'churned' } } } } }, { selection: listSel(nodeSel('id')) });
    const expected = [...new Set(people.filter((p) => p['status'] === 'churned' && p['company']).map((p) => p['company']))].sort();
    expect(ids(companies).sort()).toEqual(expected);
    const withoutLeads = await records.list(ctx, 'company', { filter: { people: { none: { status: { eq: 'lead' } } } } }, { selection: listSel() });
    const leadCompanies = new Set(people.filter((p) => p['status'] === 'lead').map((p) => p['company']));
    expect(ids(withoutLeads).sort()).toEqual([acme, globex].filter((c) => !leadCompanies.has(c)).sort());
    const projects = await records.list(ctx, 'project', { filter: { members: { some: { company: { name: { eq: 'Globex' } } } } } }, { selection: listSel() });
    const expectedProjects = [...new Set(people.filter((p) => p['company'] === globex).flatMap((p) => p['projects'] as string[]))].sort();
    expect(ids(projects).sort()).toEqual(expectedProjects);
  });

  it('is not fooled by injection attempts in values', async () => {
    await check({ name: { eq: "'; DROP TABLE main.person; --" } }, () => false);
    await check({ status: { in: ["lead') OR ('1'='1"] } }, () => false);
    await check({ interests: { containsAny: ["golf'] OR 1=1 --"] } }, () => false);
    const count = await db.pool.query('SELECT count(*)::int AS n FROM main.person');
    expect(count.rows[0].n).toBe(people.length);
  });

  describe('keyset pagination', () => {
    const orders: { name: string; orderBy: ListArgs['orderBy']; key?: (p: Row) => unknown }[] = [
      { name: 'age ASC (NULLs last, ties)', orderBy: [{ field: 'age' }], key: (p) => p['age'] },
      { name: 'age DESC (NULLs first)', orderBy: [{ field: 'age', direction: 'DESC' }] },
      { name: 'status ASC, score DESC', orderBy: [{ field: 'status' }, { field: 'score', direction: 'DESC' }] },
      { name: 'lastSeen DESC', orderBy: [{ field: 'lastSeen', direction: 'DESC' }] },
      { name: 'salary ASC', orderBy: [{ field: 'salary' }] },
      { name: 'birthday ASC', orderBy: [{ field: 'birthday' }] },
      { name: 'createdAt DESC', orderBy: [{ field: 'createdAt', direction: 'DESC' }] },
      { name: 'default (id)', orderBy: undefined },
    ];

    /** JS oracle of Postgres's order: ASC NULLS LAST, DESC NULLS FIRST, id ASC last. */
    function oracle(orderBy: ListArgs['orderBy']): string[] {
      const value = (p: Row, field: string) => {
        const v = p[field];
        if (v === null || v === undefined) return null;
        return typeof v === 'object' ? (v as Row)['amount'] : v;
      };
      return [...people]
        .sort((a, b) => {
          for (const { field, direction } of orderBy ?? []) {
            const [x, y] = [value(a, field), value(b, field)];
            const desc = direction === 'DESC';
            if (x === y) continue;
            if (x === null) return desc ? -1 : 1;
            if (y === null) return desc ? 1 : -1;
            const cmp = (x as number | string) < (y as number | string) ? -1 : 1;
            return desc ? -cmp : cmp;
          }
          return (a['id'] as string) < (b['id'] as string) ? -1 : 1;
        })
        .map((p) => p['id'] as string);
    }

    it.each(orders)('pages forward and backward consistently: $name', async ({ orderBy }) => {
      const full = await records.list(ctx, 'person', { orderBy, first: 500 }, { selection: listSel() });
      // Text columns sort by the database collation; everything else must match the JS oracle.
      expect(ids(full)).toEqual(oracle(orderBy));
      const forward: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await records.list(ctx, 'person', { orderBy, first: 5, after }, { selection: listSel() });
        expect(page.totalCount).toBe(people.length);
        forward.push(...ids(page));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forward).toEqual(ids(full));
      const backward: string[] = [];
      let before: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await records.list(ctx, 'person', { orderBy, last: 5, before }, { selection: listSel() });
        backward.unshift(...ids(page));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backward).toEqual(ids(full));
    });

    it('pages a filtered list with cursors from the middle, both ways', async () => {
      const filter = { age: { isNull: false } };
      const orderBy = [{ field: 'age', direction: 'DESC' as const }];
      const full = ids(await records.list(ctx, 'person', { filter, orderBy, first: 500 }, { selection: listSel() }));
      const page = await records.list(ctx, 'person', { filter, orderBy, first: 4 }, { selection: listSel() });
      const middle = page.edges[2]!.cursor;
      expect(ids(await records.list(ctx, 'person', { filter, orderBy, after: middle, first: 3 }, { selection: listSel() }))).toEqual(full.slice(3, 6));
      expect(ids(await records.list(ctx, 'person', { filter, orderBy, before: middle, last: 2 }, { selection: listSel() }))).toEqual(full.slice(0, 2));
    });

    it('refuses tampered cursors without running them', async () => {
      const forged = Buffer.from(JSON.stringify(["1'; DROP TABLE main.person; --", '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      expect((await errorOf(records.list(ctx, 'person', { orderBy: [{ field: 'age' }], after: forged }))).code).toBe('BAD_USER_INPUT');
      expect((await errorOf(records.list(ctx, 'person', { after: 'garbage!' }))).code).toBe('BAD_USER_INPUT');
      const people = await db.pool.query('SELECT count(*)::int AS n FROM main.person');
      expect(people.rows[0].n).toBeGreaterThan(0);
    });

    it('defaults to 50 per page and refuses more than 500', async () => {
      const page = await records.list(ctx, 'person', {}, { selection: listSel() });
      expect(page.edges).toHaveLength(people.length);
      expect((await errorOf(records.list(ctx, 'person', { first: 501 }))).code).toBe('BAD_USER_INPUT');
    });
  });

  it('nests relations both directions and manyToMany, ordered and filtered', async () => {
    const company = await records.get(ctx, 'company', acme, {
      selection: {
        fields: [
          { key: 'name', field: 'name' },
          {
            key: 'people',
            field: 'people',
            args: { orderBy: [{ field: 'name', direction: 'DESC' }], first: 3, filter: { projects: { some: {} } } },
            selection: {
              fields: [
                { key: 'name', field: 'name' },
                { key: 'company', field: 'company', selection: nodeSel('name') },
                { key: 'projects', field: 'projects', args: { orderBy: [{ field: 'title' }] }, selection: { fields: [{ key: 'title', field: 'title' }, { key: 'members', field: 'members', args: { first: 1 }, selection: nodeSel('id') }] } },
              ],
            },
          },
        ],
      },
    });
    const expected = people
      .filter((p) => p['company'] === acme && (p['projects'] as string[]).length > 0)
      .sort((a, b) => ((a['name'] as string) < (b['name'] as string) ? 1 : -1))
      .slice(0, 3);
    const got = company!['people'] as Row[];
    expect(got.map((p) => p['name'])).toEqual(expected.map((p) => p['name']));
    expect(got.every((p) => (p['company'] as Row)['name'] === 'Acme')).toBe(true);
    const titles = (got[0]!['projects'] as Row[]).map((p) => p['title']);
    expect(titles).toEqual([...titles].sort());
    expect((got[0]!['projects'] as Row[])[0]!['members']).toHaveLength(1);
  });

  it('reads a list of 50 with nested manyToOne and oneToMany in exactly ONE statement', async () => {
    const counter = countStatements(db.pool);
    try {
      const page = await records.list(
        ctx,
        'person',
        { first: 50, orderBy: [{ field: 'name' }] },
        {
          selection: {
            totalCount: true,
            pageInfo: true,
            cursors: true,
            node: {
              fields: [
                { key: 'name', field: 'name' },
                { key: 'company', field: 'company', selection: { fields: [{ key: 'name', field: 'name' }, { key: 'people', field: 'people', selection: nodeSel('name') }] } },
                { key: 'projects', field: 'projects', selection: nodeSel('title') },
              ],
            },
          },
        },
      );
      expect(page.edges.length).toBe(people.length);
      expect(counter.count()).toBe(1);
    } finally {
      counter.restore();
    }
  });
});

describe('writes', () => {
  it('refuses invalid values with VALIDATION_FAILED fieldErrors and writes nothing', async () => {
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM main.person')).rows[0].n;
    const single = await errorOf(records.create(ctx, 'person', { email: 'not an email', age: 1.5 }));
    expect(single.code).toBe('VALIDATION_FAILED');
    expect(single.fieldErrors!.map((e) => e['field']).sort()).toEqual(['age', 'email', 'name']);
    const bulk = await errorOf(records.createMany(ctx, 'person', [{ name: 'ok 1' }, { name: '' }, { name: 'ok 2', status: 'nope' }]));
    expect(bulk.code).toBe('VALIDATION_FAILED');
    expect(bulk.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name', index: 1 }), expect.objectContaining({ field: 'status', index: 2 })]),
    );
    expect(bulk.fieldErrors!.some((e) => e['index'] === 0)).toBe(false);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM main.person')).rows[0].n).toBe(before);
  });

  it('turns a missing related record into VALIDATION_FAILED on that field, also in bulk (nothing written)', async () => {
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM main.person')).rows[0].n;
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const single = await errorOf(records.create(ctx, 'person', { name: 'Orphan', company: ghost }));
    expect(single.code).toBe('VALIDATION_FAILED');
    expect(single.fieldErrors).toEqual([{ field: 'company', message: `there is no company with id ${ghost}`, rule: 'exists' }]);
    const bulk = await errorOf(records.createMany(ctx, 'person', [{ name: 'fine' }, { name: 'Orphan', projects: [ghost] }]));
    expect(bulk.fieldErrors).toEqual([{ field: 'projects', message: `there is no project with id ${ghost}`, rule: 'exists', index: 1 }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM main.person')).rows[0].n).toBe(before);
    const badId = await errorOf(records.create(ctx, 'person', { name: 'Bad', company: 'not-an-id' }));
    expect(badId.code).toBe('VALIDATION_FAILED');
    expect(badId.fieldErrors![0]!['field']).toBe('company');
  });

  it('reports unique violations on the field with a clear message, with the index in bulk', async () => {
    await records.create(ctx, 'person', { name: 'Uma', email: 'uma@example.com' });
    const single = await errorOf(records.create(ctx, 'person', { name: 'Uma 2', email: 'uma@example.com' }));
    expect(single.code).toBe('VALIDATION_FAILED');
    expect(single.fieldErrors).toEqual([{ field: 'email', message: 'Email must be unique: another person already has this value', rule: 'unique' }]);
    const bulk = await errorOf(records.createMany(ctx, 'person', [{ name: 'a', email: 'new@example.com' }, { name: 'b', email: 'uma@example.com' }]));
    expect(bulk.fieldErrors).toEqual([expect.objectContaining({ field: 'email', index: 1 })]);
    const inBatch = await errorOf(records.createMany(ctx, 'person', [{ name: 'a', email: 'twin@example.com' }, { name: 'b', email: 'twin@example.com' }]));
    expect(inBatch.fieldErrors).toEqual([expect.objectContaining({ field: 'email', index: 1 })]);
  });

  it('creates many in one transaction, in order', async () => {
    const created = await records.createMany(ctx, 'project', Array.from({ length: 30 }, (_, i) => ({ title: `bulk ${i}` })));
    expect(created.map((p) => p['title'])).toEqual(Array.from({ length: 30 }, (_, i) => `bulk ${i}`));
  });

  it('updates only the given fields, stamps updated_by / updated_at, replaces manyToMany sets', async () => {
    const [a, b, c] = await records.createMany(ctx, 'project', [{ title: 'A' }, { title: 'B' }, { title: 'C' }]);
    const person = await records.create(ctx, 'person', { name: 'Upd', age: 30, projects: [a!['id'], b!['id']] });
    const other: RequestContext = testContext('wf1', 'workflow');
    const sel: RecordSelection = {
      fields: [
        ...['name', 'age', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt'].map((k) => ({ key: k, field: k })),
        { key: 'projects', field: 'projects', args: { orderBy: [{ field: 'title' }] }, selection: nodeSel('title') },
      ],
    };
    const updated = await records.update(other, 'person', person['id'] as string, { age: 31, projects: [c!['id'], b!['id']] }, { selection: sel });
    expect(updated).toMatchObject({ name: 'Upd', age: 31, createdBy: 'user:tester', updatedBy: 'workflow:wf1', projects: [{ title: 'B' }, { title: 'C' }] });
    expect(updated['updatedAt'] as string >= (updated['createdAt'] as string)).toBe(true);
    const untouched = await records.update(ctx, 'person', person['id'] as string, { name: 'Upd 2' }, { selection: sel });
    expect(untouched['projects']).toEqual([{ title: 'B' }, { title: 'C' }]);
    const invalid = await errorOf(records.update(ctx, 'person', person['id'] as string, { name: null }));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect((await errorOf(records.update(ctx, 'person', '00000000-0000-4000-8000-000000000000', { age: 1 }))).code).toBe('NOT_FOUND');
  });

  it('deletes and returns the deleted record; NOT_FOUND afterwards', async () => {
    const company = await records.create(ctx, 'company', { name: 'Doomed' });
    const person = await records.create(ctx, 'person', { name: 'Employee', company: company['id'] });
    const deleted = await records.delete(ctx, 'company', company['id'] as string, {
      selection: { fields: [{ key: 'name', field: 'name' }, { key: 'people', field: 'people', selection: nodeSel('name') }] },
    });
    expect(deleted).toEqual({ name: 'Doomed', people: [{ name: 'Employee' }] });
    expect((await records.get(ctx, 'person', person['id'] as string))!['company']).toBeNull();
    expect((await errorOf(records.delete(ctx, 'company', company['id'] as string))).code).toBe('NOT_FOUND');
  });

  it('refuses to delete a record a restrict relation still points at', async () => {
    const project = await records.create(ctx, 'project', { title: 'Kept' });
    await records.create(ctx, 'task', { title: 'Blocks it', project: project['id'] });
    const refused = await errorOf(records.delete(ctx, 'project', project['id'] as string));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.fieldErrors).toEqual([{ field: 'id', message: 'cannot be deleted: tasks still point to it', rule: 'restrict' }]);
    expect(await records.get(ctx, 'project', project['id'] as string)).not.toBeNull();
  });

  it('runs on the caller’s client inside its transaction', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await records.createMany(ctx, 'project', [{ title: 'in-tx' }], { client });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const found = await records.list(ctx, 'project', { filter: { title: { eq: 'in-tx' } } });
    expect(found.totalCount).toBe(0);
  });
});
