import { compileWriteReturning } from './compile-select.js';
import { compileInsert, compileLinkReplace, compileUpdate } from './compile-write.js';
import { buildDataModel, type ManyToManyFieldModel } from './data-model.js';
import { recordsDocument } from './testing/records-fixture.js';

const model = buildDataModel(recordsDocument(), 'main');
const person = model.entities.get('person')!;
const ID = '8d6b4c1e-7a3b-4a8e-9a51-1d2b3c4d5e6f';
const ID2 = '9d6b4c1e-7a3b-4a8e-9a51-1d2b3c4d5e6f';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
}

describe('compileInsert', () => {
  it('inserts one row with caller-chosen id, stamps the actor, values as parameters', () => {
    const { statements, links } = compileInsert(person, [{ name: "O'Neil", age: 3, company: ID }], [ID2], 'user:x');
    expect(statements).toEqual([
      {
        text: 'INSERT INTO "main"."person" ("id", "name", "age", "company_id", "created_by", "updated_by") VALUES ($1, $2, $3, $4, $5, $5)',
        values: [ID2, "O'Neil", 3, ID, 'user:x'],
      },
    ]);
    expect(links[0]!.size).toBe(0);
  });

  it('stores jsonb as JSON text and a currency in two columns, the code defaulting to the registry backfill', () => {
    const { statements } = compileInsert(person, [{ interests: ['golf'], meta: { a: 1 }, salary: { amount: 5 } }], [ID], 'user:x');
    expect(statements[0]!.text).toBe(
      'INSERT INTO "main"."person" ("id", "interests", "meta", "salary", "salary_currency", "created_by", "updated_by")' +
        ` VALUES ($1, $2, $3, $4, COALESCE($5, 'USD'), $6, $6)`,
    );
    expect(statements[0]!.values).toEqual([ID, '["golf"]', '{"a":1}', 5, null, 'user:x']);
  });

  it('writes the union of columns for bulk rows, DEFAULT where a row has no value', () => {
    const { statements } = compileInsert(person, [{ name: 'a' }, { age: 2 }], [ID, ID2], 'user:x');
    expect(statements[0]!.text).toBe(
      'INSERT INTO "main"."person" ("id", "name", "age", "created_by", "updated_by") VALUES ($1, $2, DEFAULT, $3, $3), ($4, DEFAULT, $5, $6, $6)',
    );
  });

  it('returns manyToMany sets separately and refuses what cannot be written', () => {
    const { links } = compileInsert(person, [{ projects: [ID, ID] }], [ID2], 'user:x');
    expect([...links[0]!.values()]).toEqual([[ID]]);
    expect(code(() => compileInsert(person, [{ createdAt: 'x' }], [ID], 'a'))).toBe('BAD_USER_INPUT');
    expect(code(() => compileInsert(person, [{ nope: 1 }], [ID], 'a'))).toBe('BAD_USER_INPUT');
    expect(code(() => compileInsert(model.entities.get('company')!, [{ people: [ID] }], [ID], 'a'))).toBe('BAD_USER_INPUT');
    expect(code(() => compileInsert(person, [{ company: "x' OR 1=1" }], [ID], 'a'))).toBe('VALIDATION_FAILED');
  });
});

describe('compileUpdate', () => {
  it('sets only the given columns and stamps updated_at / updated_by', () => {
    const { statement } = compileUpdate(person, ID, { age: null, status: 'lead' }, 'workflow:w');
    expect(statement).toEqual({
      text: 'UPDATE "main"."person" g SET "age" = $2, "status" = $3, "updated_at" = now(), "updated_by" = $4 WHERE g."id" = $1',
      values: [ID, null, 'lead', 'workflow:w'],
    });
  });
});

describe('compileWriteReturning', () => {
  it('wraps the write in a CTE and builds the returned rows as JSON, ordered like the ids', () => {
    const { statements } = compileInsert(person, [{ name: 'a' }, { name: 'b' }], [ID, ID2], 'user:x');
    const sql = compileWriteReturning(model, 'person', statements[0]!, { fields: [{ key: 'name', field: 'name' }] }, [ID, ID2]);
    expect(sql.text).toBe(
      'WITH w AS (INSERT INTO "main"."person" ("id", "name", "created_by", "updated_by") VALUES ($1, $2, $3, $3), ($4, $5, $6, $6) RETURNING *)' +
        ` SELECT json_build_object('name', t0."name") AS r FROM w t0 ORDER BY array_position($7::uuid[], t0."id")`,
    );
    expect(sql.values).toEqual([ID, 'a', 'user:x', ID2, 'b', 'user:x', [ID, ID2]]);
  });
});

describe('compileLinkReplace', () => {
  it('deletes the old links and inserts the new ones from the owning or the other side', () => {
    const projects = person.fields.get('projects') as ManyToManyFieldModel;
    expect(compileLinkReplace(projects, [{ id: ID, targets: [ID2] }], true)).toEqual([
      { text: 'DELETE FROM "main"."person__projects" WHERE "source_id" = ANY($1::uuid[])', values: [[ID]] },
      {
        text: 'INSERT INTO "main"."person__projects" ("source_id", "target_id") SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING',
        values: [[ID], [ID2]],
      },
    ]);
    const members = model.entities.get('project')!.fields.get('members') as ManyToManyFieldModel;
    expect(compileLinkReplace(members, [{ id: ID, targets: [] }], true)).toEqual([
      { text: 'DELETE FROM "main"."person__projects" WHERE "target_id" = ANY($1::uuid[])', values: [[ID]] },
    ]);
  });
});
