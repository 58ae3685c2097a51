/**
 * Rule enforcement in RecordService on a real (embedded) Postgres: validation rules on create, update
 * (with `previous`) and bulk create, requiredWhen / readOnlyWhen, fail-closed evaluation, the injected
 * clock, the row lock that keeps a concurrent update from slipping between check and write, and the
 * hot path of entities without rules.
 */
import { jest } from '@jest/globals';
import { testContext } from '../testing/contexts.js';
import type { RequestContext } from '../common/request-context.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { entityOf } from './data-model.js';
import { loadPrevious } from './record-rules.js';
import type { RecordService } from './record.service.js';
import { countStatements, createTables, recordServiceFor } from './testing/record-test-kit.js';
import { rulesDocument } from './testing/rules-fixture.js';

jest.setTimeout(60_000);

type Row = Record<string, unknown>;
const ctx: RequestContext = testContext('tester', 'user');
const NOW = '2026-03-01T12:00:00.000Z';
const doc = rulesDocument();
let db: TestDatabase;
let records: RecordService;

interface ApiError {
  code?: string;
  message: string;
  fieldErrors: Row[];
}

function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: { message: string; extensions?: { code?: string; fieldErrors?: Row[] } }) => ({
      code: error.extensions?.code,
      message: error.message,
      fieldErrors: error.extensions?.fieldErrors ?? [],
    }),
  );
}

/** A won deal with an amount: created open (amount is read-only once won), then won. */
async function createWon(title: string, amount: number): Promise<string> {
  const id = (await records.create(ctx, 'deal', { title, stage: 'new', amount }))['id'] as string;
  await records.update(ctx, 'deal', id, { stage: 'won', closeDate: '2026-02-01' });
  return id;
}

const count = async (table: string) => Number((await db.pool.query(`SELECT count(*) FROM main.${table}`)).rows[0].count);

beforeAll(async () => {
  db = await startTestDatabase();
  await createTables(db.pool, doc);
  records = recordServiceFor(db.pool, doc, () => new Date(NOW));
});

afterAll(async () => {
  await db?.stop();
});

describe('validation rules on create', () => {
  it('refuses a record a rule finds invalid, with the interpolated message on the rule field', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { title: 'Big deal', stage: 'won' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([{ field: 'closeDate', message: 'Big deal is won and needs a close date', rule: 'closeDateWhenWon' }]);
    expect(error.message).toContain('closeDate: Big deal is won and needs a close date');
  });

  it('creates a record no active rule objects to (the inactive one that always holds is ignored)', async () => {
    const deal = await records.create(ctx, 'deal', { title: 'Fine', stage: 'won', closeDate: '2026-04-01' });
    expect(deal).toMatchObject({ title: 'Fine', stage: 'won', closeDate: '2026-04-01' });
  });

  it('reads now from the injected clock', async () => {
    const late = await errorOf(records.create(ctx, 'deal', { title: 'Late', closeDate: '2027-03-03' }));
    expect(late.fieldErrors).toEqual([
      { field: 'closeDate', message: 'Close date 2027-03-03 is more than a year away', rule: 'closeWithinAYear' },
    ]);
    await expect(records.create(ctx, 'deal', { title: 'In time', closeDate: '2027-03-01' })).resolves.toMatchObject({ title: 'In time' });
  });

  it('sees the acting user, and attaches a rule without fields to _record', async () => {
    const blocked: RequestContext = testContext('blocked', 'user');
    const error = await errorOf(records.create(blocked, 'deal', { title: 'Nope' }));
    expect(error.fieldErrors).toEqual([{ field: '_record', message: 'Blocked users may not write deals', rule: 'noBlockedUsers' }]);
  });

  it('fails closed when a rule throws, naming the rule', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { title: 'Follow', closeDate: '2026-04-01', followUpDays: 2.5 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([
      {
        field: 'followUpDays',
        message: 'Rule "Follow-up in time" could not be evaluated: addDays: days must be a whole number for a date (got 2.5)',
        rule: 'followUpInTime',
      },
    ]);
    await expect(records.create(ctx, 'deal', { title: 'Follow', closeDate: '2026-04-01', followUpDays: 2 })).resolves.toMatchObject({ followUpDays: 2 });
  });

  it('refuses an unsafe regular expression at evaluation too (fail closed), not only at publish', async () => {
    const unsafe = rulesDocument();
    unsafe.entities['deal']!.rules!['codeFormat']!.invalidWhen = { '!': { regexMatch: [{ var: 'record.lostReason' }, { var: 'record.code' }] } };
    const service = recordServiceFor(db.pool, unsafe, () => new Date(NOW));
    const error = await errorOf(service.create(ctx, 'deal', { title: 'Coded', code: 'aaaa', lostReason: '(a+)+$' }));
    expect(error.fieldErrors).toEqual([
      { field: 'code', message: expect.stringMatching(/^Rule "Code format" could not be evaluated: regexMatch: pattern "\(a\+\)\+\$" is refused/), rule: 'codeFormat' },
    ]);
  });

  it('interpolates record values into the message of a rule with a literal pattern', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { title: 'Coded', code: 'abc' }));
    expect(error.fieldErrors).toEqual([{ field: 'code', message: 'Code abc must look like AB-12', rule: 'codeFormat' }]);
    await expect(records.create(ctx, 'deal', { title: 'Coded', code: 'AB-12' })).resolves.toMatchObject({ title: 'Coded' });
  });

  it('runs the rules only on values that passed the record validator', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { stage: 'won' }));
    expect(error.fieldErrors).toEqual([{ field: 'title', message: 'Title is required' }]);
  });
});

describe('validation rules on bulk create', () => {
  it('refuses the whole batch and reports each failing row with its index', async () => {
    const before = await count('deal');
    const error = await errorOf(
      records.createMany(ctx, 'deal', [
        { title: 'ok 1' },
        { title: 'won 1', stage: 'won' },
        { title: 'ok 2' },
        { title: 'lost 1', stage: 'lost' },
        { stage: 'new' },
      ]),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([
      { field: 'closeDate', message: 'won 1 is won and needs a close date', rule: 'closeDateWhenWon', index: 1 },
      { field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen', index: 3 },
      { field: 'title', message: 'Title is required', index: 4 },
    ]);
    expect(await count('deal')).toBe(before);
  });

  it('creates every row when all pass', async () => {
    const rows = await records.createMany(ctx, 'deal', [{ title: 'b1' }, { title: 'b2', stage: 'lost', lostReason: 'price' }]);
    expect(rows.map((r) => r['title'])).toEqual(['b1', 'b2']);
  });
});

describe('validation rules on update', () => {
  let wonId: string;

  beforeEach(async () => {
    wonId = await createWon('Won deal', 500);
  });

  it('uses previous: stage may not go back from won', async () => {
    const error = await errorOf(records.update(ctx, 'deal', wonId, { stage: 'new' }));
    expect(error.fieldErrors).toEqual([{ field: 'stage', message: 'Stage may not go back from won', rule: 'noWayBackFromWon' }]);
    expect((await records.get(ctx, 'deal', wonId))!['stage']).toBe('won');
  });

  it('checks the record after the change, merging stored values the update leaves alone', async () => {
    const open = (await records.create(ctx, 'deal', { title: 'Open deal', stage: 'new' }))['id'] as string;
    const error = await errorOf(records.update(ctx, 'deal', open, { stage: 'won' }));
    expect(error.fieldErrors).toEqual([{ field: 'closeDate', message: 'Open deal is won and needs a close date', rule: 'closeDateWhenWon' }]);
    await expect(records.update(ctx, 'deal', open, { stage: 'won', closeDate: '2026-03-02' })).resolves.toMatchObject({ stage: 'won' });
  });

  it('updates when no rule objects, and reports NOT_FOUND for a missing record', async () => {
    await expect(records.update(ctx, 'deal', wonId, { title: 'Renamed' })).resolves.toMatchObject({ title: 'Renamed', stage: 'won' });
    const missing = await errorOf(records.update(ctx, 'deal', '00000000-0000-4000-8000-000000000000', { title: 'x' }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('replaces manyToMany links inside the same transaction', async () => {
    const label = (await records.create(ctx, 'label', { name: 'hot' }))['id'] as string;
    const updated = await records.update(ctx, 'deal', wonId, { labels: [label] }, { selection: { fields: [{ key: 'labels', field: 'labels' }] } });
    expect(updated['labels']).toEqual([{ id: label }]);
  });
});

describe('layout conditions', () => {
  it('requires a field while its requiredWhen holds, on create and update', async () => {
    const created = await errorOf(records.create(ctx, 'deal', { title: 'Lost', stage: 'lost' }));
    expect(created.fieldErrors).toEqual([{ field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen' }]);
    const id = (await records.create(ctx, 'deal', { title: 'Open' }))['id'] as string;
    const updated = await errorOf(records.update(ctx, 'deal', id, { stage: 'lost' }));
    expect(updated.fieldErrors).toEqual([{ field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen' }]);
    await expect(records.update(ctx, 'deal', id, { stage: 'lost', lostReason: 'budget' })).resolves.toMatchObject({ lostReason: 'budget' });
  });

  it('does not require a field its visibleWhen hides, even one marked required', async () => {
    const hidden = rulesDocument();
    hidden.entities['deal']!.fields['lostReason']!.required = true;
    const service = recordServiceFor(db.pool, hidden, () => new Date(NOW));
    await expect(service.create(ctx, 'deal', { title: 'Open, no reason' })).resolves.toMatchObject({ lostReason: null });
    const id = (await service.create(ctx, 'deal', { title: 'Lost', stage: 'lost', lostReason: 'x' }))['id'] as string;
    const cleared = await errorOf(service.update(ctx, 'deal', id, { lostReason: null }));
    expect(cleared.fieldErrors).toEqual([{ field: 'lostReason', message: 'Lost reason is required' }]);
    await expect(service.update(ctx, 'deal', id, { stage: 'new', lostReason: null })).resolves.toMatchObject({ stage: 'new', lostReason: null });
    const missing = await errorOf(service.create(ctx, 'deal', { title: 'Lost, no reason', stage: 'lost' }));
    expect(missing.fieldErrors).toEqual([{ field: 'lostReason', message: 'Lost reason is required' }]);
  });

  it('refuses a change to a field read-only for the stored record, and accepts re-sending its value', async () => {
    const id = await createWon('Locked', 500);
    const error = await errorOf(records.update(ctx, 'deal', id, { amount: 900 }));
    expect(error.fieldErrors).toEqual([
      { field: 'amount', message: 'Amount is read-only here: it cannot be changed while Stage is "won"', rule: 'readOnlyWhen' },
    ]);
    await expect(records.update(ctx, 'deal', id, { amount: 500, title: 'Still locked' })).resolves.toMatchObject({ amount: 500, title: 'Still locked' });
  });

  it('on create refuses a value for a field read-only for the new record', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { title: 'Won with amount', stage: 'won', closeDate: '2026-02-01', amount: 5 }));
    expect(error.fieldErrors).toEqual([expect.objectContaining({ field: 'amount', rule: 'readOnlyWhen' })]);
  });
});

describe('the stored record (previous)', () => {
  it('is read keyed by field name like the API reads it, with relation ids', async () => {
    const company = (await records.create(ctx, 'company', { name: 'Acme' }))['id'] as string;
    const labels = await records.createMany(ctx, 'label', [{ name: 'a' }, { name: 'b' }]);
    const labelIds = labels.map((l) => l['id'] as string);
    const deal = await records.create(ctx, 'deal', { title: 'Full', amount: 12.5, closeDate: '2026-05-01', company, labels: labelIds });
    const client = await db.pool.connect();
    try {
      const previous = await loadPrevious(client, entityOf(await records.model(ctx, doc), 'deal'), deal['id'] as string);
      expect(previous).toMatchObject({ id: deal['id'], title: 'Full', amount: 12.5, closeDate: '2026-05-01', company, stage: null, createdBy: 'user:tester' });
      expect((previous!['labels'] as string[]).sort()).toEqual([...labelIds].sort());
      expect(previous!['createdAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      client.release();
    }
  });

  it('is locked: an update waits for a concurrent writer and then checks against its result', async () => {
    const id = (await records.create(ctx, 'deal', { title: 'Race', stage: 'new' }))['id'] as string;
    const other = await db.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE main.deal SET stage = 'won', close_date = '2026-02-01' WHERE id = $1`, [id]);
      let settled = false;
      const update = errorOf(records.update(ctx, 'deal', id, { stage: 'lost', lostReason: 'slow' })).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await other.query('COMMIT');
      const error = await update;
      expect(error.fieldErrors).toEqual([{ field: 'stage', message: 'Stage may not go back from won', rule: 'noWayBackFromWon' }]);
    } finally {
      other.release();
    }
    expect((await records.get(ctx, 'deal', id))!['stage']).toBe('won');
  });
});

describe('hot path', () => {
  it('writes an entity without rules in one statement, and one with rules in one locked transaction', async () => {
    const label = (await records.create(ctx, 'label', { name: 'x' }))['id'] as string;
    const deal = (await records.create(ctx, 'deal', { title: 'Counted' }))['id'] as string;
    const counter = countStatements(db.pool);
    try {
      await records.update(ctx, 'label', label, { name: 'y' });
      expect(counter.count()).toBe(1);
      counter.reset();
      await records.update(ctx, 'deal', deal, { title: 'Counted again' });
      expect(counter.statements.map((s) => s.split(' ')[0])).toEqual(['BEGIN', 'SELECT', 'WITH', 'COMMIT']);
      expect(counter.statements[1]).toMatch(/FOR UPDATE/);
    } finally {
      counter.restore();
    }
  });
});
