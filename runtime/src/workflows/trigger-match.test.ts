import { recordEventMatches } from './trigger-match.js';

describe('recordEventMatches', () => {
  const record = { id: '1', stage: 'won', closeDate: '2026-01-01T10:00:00Z', tags: ['a', 'b'] };

  it('matches record events to their operation only', () => {
    expect(recordEventMatches({ type: 'recordCreated', entity: 'deal' }, 'create', record, null)).toBe(true);
    expect(recordEventMatches({ type: 'recordCreated', entity: 'deal' }, 'update', record, record)).toBe(false);
    expect(recordEventMatches({ type: 'recordUpdated', entity: 'deal' }, 'update', record, record)).toBe(true);
    expect(recordEventMatches({ type: 'recordDeleted', entity: 'deal' }, 'delete', record, null)).toBe(true);
    expect(recordEventMatches({ type: 'recordDeleted', entity: 'deal' }, 'update', record, record)).toBe(false);
  });

  it('fieldChanged: an update where a listed field has a different value', () => {
    const trigger = { type: 'fieldChanged' as const, entity: 'deal', fields: ['stage', 'closeDate'] };
    expect(recordEventMatches(trigger, 'update', record, { ...record, stage: 'new' })).toBe(true);
    expect(recordEventMatches(trigger, 'update', record, { ...record, name: 'x' })).toBe(false);
    expect(recordEventMatches(trigger, 'create', record, null)).toBe(false);
  });

  it('fieldChanged compares by value: same instant, list order, blanks, and unwritten fields are no change', () => {
    const trigger = { type: 'fieldChanged' as const, entity: 'deal', fields: ['closeDate', 'tags', 'note'] };
    expect(recordEventMatches(trigger, 'update', { ...record, note: '' }, { ...record, closeDate: '2026-01-01T10:00:00.000Z', tags: ['b', 'a'], note: null })).toBe(false);
    expect(recordEventMatches({ ...trigger, fields: ['other'] }, 'update', { stage: 'won' }, { stage: 'won', other: 'x' })).toBe(false);
  });

  it('never matches non-record triggers', () => {
    expect(recordEventMatches({ type: 'manual', entity: 'deal' }, 'update', record, record)).toBe(false);
    expect(recordEventMatches({ type: 'scheduled', cron: '* * * * *' }, 'create', record, null)).toBe(false);
  });
});
