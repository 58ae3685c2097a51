/**
 * Before-save workflows on the record write path, on a real (embedded) Postgres: their `updateRecord` values
 * join the write (create, update, bulk create), they run before the validation rules (which see their values),
 * `failWithMessage` refuses the write with the message and nothing is stored, and they see `previous` on updates.
 */
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { testContext } from '../testing/contexts.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import type { RecordService } from './record.service.js';
import { createTables, recordServiceFor } from './testing/record-test-kit.js';
import { rulesDocument } from './testing/rules-fixture.js';

jest.setTimeout(60_000);

const ctx = testContext('tester', 'user');
const NOW = '2026-03-01T12:00:00.000Z';
let db: TestDatabase;
let records: RecordService;

function documentWithWorkflows(): MetadataDocument {
  const doc = rulesDocument();
  doc.workflows = {
    // Runs on create and update: a code from the title, so the codeFormat rule (AB-12) sees the set value.
    stampCode: {
      label: 'Stamp code',
      timing: 'beforeSave',
      trigger: { type: 'recordCreated', entity: 'deal' },
      condition: { isBlank: { var: 'record.code' } },
      steps: [{ key: 'setCode', type: 'updateRecord', values: { code: 'DL-1', lostReason: { cat: ['auto: ', { var: 'record.title' }] } } }],
    },
    // Going from won to anything else is refused by a workflow (with previous), before the rule would be.
    keepWon: {
      label: 'Keep won',
      timing: 'beforeSave',
      trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stage'] },
      condition: { and: [{ '==': [{ var: 'previous.stage' }, 'won'] }, { '!=': [{ var: 'record.stage' }, 'won'] }] },
      steps: [{ key: 'refuse', type: 'failWithMessage', message: '{{record.title}} was won: it stays won', fields: ['stage'] }],
    },
    // Winning a deal stamps the close date the closeDateWhenWon rule asks for.
    closeOnWin: {
      label: 'Close on win',
      timing: 'beforeSave',
      trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stage'] },
      condition: { '==': [{ var: 'record.stage' }, 'won'] },
      steps: [{ key: 'stamp', type: 'updateRecord', values: { closeDate: '2026-02-15' } }],
    },
    inactive: {
      label: 'Inactive',
      active: false,
      timing: 'beforeSave',
      trigger: { type: 'recordCreated', entity: 'deal' },
      steps: [{ key: 'never', type: 'failWithMessage', message: 'inactive workflows never run' }],
    },
  };
  return doc;
}

async function errorOf(promise: Promise<unknown>): Promise<{ code?: string; fieldErrors: Record<string, unknown>[] }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { extensions?: { code?: string; fieldErrors?: Record<string, unknown>[] } };
    return { code: e.extensions?.code, fieldErrors: e.extensions?.fieldErrors ?? [] };
  }
  throw new Error('expected the write to be refused');
}

beforeAll(async () => {
  db = await startTestDatabase();
  const doc = documentWithWorkflows();
  await createTables(db.pool, doc);
  records = recordServiceFor(db.pool, doc, () => new Date(NOW));
});

afterAll(async () => {
  await db?.stop();
});

test('a before-save workflow sets values on create, and the stored record has them', async () => {
  const created = await records.create(ctx, 'deal', { title: 'Acme', stage: 'new' });
  expect(created).toMatchObject({ code: 'DL-1', lostReason: 'auto: Acme' });
  const stored = await db.pool.query(`SELECT code, lost_reason FROM main.deal WHERE id = $1`, [created['id']]);
  expect(stored.rows[0]).toEqual({ code: 'DL-1', lost_reason: 'auto: Acme' });
});

test('its condition is respected: a given code is kept', async () => {
  const created = await records.create(ctx, 'deal', { title: 'Own code', stage: 'new', code: 'AB-7' });
  expect(created['code']).toBe('AB-7');
});

test('values it sets are what the validation rules see (won without a close date passes once stamped)', async () => {
  const { id } = (await records.create(ctx, 'deal', { title: 'Winner', stage: 'new' })) as { id: string };
  const won = await records.update(ctx, 'deal', id, { stage: 'won' });
  expect(won).toMatchObject({ stage: 'won', closeDate: '2026-02-15' });
});

test('failWithMessage refuses the update with the rendered message, and nothing changes', async () => {
  const { id } = (await records.create(ctx, 'deal', { title: 'Locked', stage: 'new' })) as { id: string };
  await records.update(ctx, 'deal', id, { stage: 'won' });
  const refused = await errorOf(records.update(ctx, 'deal', id, { stage: 'lost', title: 'Renamed' }));
  expect(refused.code).toBe('VALIDATION_FAILED');
  expect(refused.fieldErrors).toEqual([{ field: 'stage', message: 'Renamed was won: it stays won', rule: 'workflow:keepWon' }]);
  const stored = await db.pool.query(`SELECT stage, title FROM main.deal WHERE id = $1`, [id]);
  expect(stored.rows[0]).toEqual({ stage: 'won', title: 'Locked' });
});

test('bulk create applies the workflows row by row', async () => {
  const rows = await records.createMany(ctx, 'deal', [
    { title: 'One', stage: 'new' },
    { title: 'Two', stage: 'new', code: 'ZZ-2' },
  ]);
  expect(rows.map((r) => [r['code'], r['lostReason']])).toEqual([
    ['DL-1', 'auto: One'],
    ['ZZ-2', null],
  ]);
});

test('a value a before-save workflow sets must still be valid for its field', async () => {
  const doc = documentWithWorkflows();
  doc.workflows!['stampCode']!.steps = [{ key: 'setCode', type: 'updateRecord', values: { amount: 'not a number' } }];
  const strict = recordServiceFor(db.pool, doc, () => new Date(NOW));
  const refused = await errorOf(strict.create(ctx, 'deal', { title: 'Bad', stage: 'new' }));
  expect(refused.code).toBe('VALIDATION_FAILED');
  expect(refused.fieldErrors[0]).toMatchObject({ field: 'amount' });
  expect(String(refused.fieldErrors[0]!['message'])).toContain('set by a before-save workflow');
});
