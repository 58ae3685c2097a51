import { salesDoc } from '../testing/sales-doc.js';
import { actorText, describeHistoryEntry, valueText, type Names, type RecordChange } from './history-format.js';

const names: Names = {
  user: (id) => ({ u1: 'Ada Lovelace', u2: 'Grace Hopper' })[id],
  team: (id) => ({ t1: 'EMEA' })[id],
};

const entry = (over: Partial<RecordChange>): RecordChange => ({
  id: '7',
  at: '2026-01-31T10:00:00Z',
  action: 'update',
  actor: 'user:u1',
  actorName: 'Ada Lovelace',
  source: 'ui',
  changes: {},
  ...over,
});

describe('record history in words', () => {
  it('names who changed what, from where, with field labels and formatted values', () => {
    const text = describeHistoryEntry(
      salesDoc(),
      'opportunity',
      entry({
        source: 'api',
        changes: {
          updatedAt: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T10:00:00Z' },
          stage: { from: 'new', to: 'won' },
          amount: { from: { amount: 1000, currency: 'EUR' }, to: { amount: 2500.5, currency: 'EUR' } },
          owner: { from: 'u1', to: 'u2' },
          company: { from: null, to: 'c1' },
        },
      }),
      names,
    );
    expect(text).toMatchObject({ title: 'Updated', who: 'Ada Lovelace', source: 'through the API' });
    expect(text.changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ['Amount', '€1,000.00', '€2,500.50'],
      ['Stage', 'New', 'Won'],
      ['Company', '', 'a linked record'],
      ['Owner', 'Ada Lovelace', 'Grace Hopper'],
    ]);
    expect(text.changes[2].toRef).toEqual({ entity: 'company', id: 'c1' });
  });

  it('names a workflow author by its label, once', () => {
    const doc = { ...salesDoc(), workflows: { markWon: { label: 'Mark as won', trigger: { type: 'manual' as const, entity: 'opportunity' }, steps: [] } } };
    const text = describeHistoryEntry(doc, 'opportunity', entry({ actor: 'workflow:markWon', actorName: null, source: 'workflow', changes: { stage: { from: 'new', to: 'won' } } }));
    expect(text).toMatchObject({ who: 'workflow “Mark as won”', source: '' });
  });

  it('leaves out fields whose value did not change and the timestamps the server sets', () => {
    const text = describeHistoryEntry(salesDoc(), 'opportunity', entry({ action: 'create', changes: { name: { from: null, to: 'Big deal' }, stage: { from: 'new', to: 'new' }, createdAt: { from: null, to: 'x' } } }));
    expect(text.title).toBe('Created');
    expect(text.changes).toEqual([{ field: 'name', label: 'Name', from: '', to: 'Big deal' }]);
  });

  it('tells who acted when the server gave no name', () => {
    expect(actorText({ actor: 'workflow:assignLeads', actorName: null })).toBe('workflow “assignLeads”');
    const withWorkflow = { entities: {}, workflows: { assignLeads: { label: 'Assign leads', trigger: { type: 'webhook' as const }, steps: [] } } };
    expect(actorText({ actor: 'workflow:assignLeads', actorName: null }, undefined, withWorkflow)).toBe('workflow “Assign leads”');
    expect(actorText({ actor: 'user:u2', actorName: null }, names)).toBe('Grace Hopper');
    expect(actorText({ actor: 'user:gone', actorName: null }, names)).toBe('A former user');
    expect(actorText({ actor: 'system:publish', actorName: null })).toBe('Trellis');
  });

  it('formats values by field type, and users and teams by name', () => {
    const opp = salesDoc().entities.opportunity.fields;
    expect(valueText(opp.tags, 'tags', ['hot'])).toBe('Hot');
    expect(valueText(opp.probability, 'probability', 12.5)).toBe('12.5%');
    expect(valueText(opp.closeDate, 'closeDate', '2026-01-31')).toBe('Jan 31, 2026');
    expect(valueText(undefined, 'team', 't1', names)).toBe('EMEA');
    expect(valueText(undefined, 'owner', null, names)).toBe('');
  });
});
