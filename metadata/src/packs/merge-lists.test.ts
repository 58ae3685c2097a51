import type { MetadataDocument } from '../types.js';
import type { IfStep, NotifyStep } from '../workflows/types.js';
import { validateDocument } from '../validate-document.js';
import { mergeDocuments } from './merge-documents.js';
import { installedPack } from './merge-edits.fixture.js';
import { edited, servicePack } from './service-pack.fixture.js';

type Edit = (doc: MetadataDocument) => void;
const merge = (theirs: Edit, ours: Edit) => mergeDocuments({ base: servicePack(), theirs: edited(theirs), ours: edited(ours) });
const ticket = (doc: MetadataDocument) => doc.entities.ticket!;
const fields = (doc: MetadataDocument) => ticket(doc).fields;
const sections = (doc: MetadataDocument) => ticket(doc).layouts!.form!.sections;

describe('mergeDocuments: ordered lists', () => {
  it('inserts a new pack field into a customized form section next to its pack neighbour', () => {
    const result = merge(
      (d) => {
        fields(d).sla = { type: 'integer', label: 'SLA hours' };
        sections(d)[0]!.fields = ['subject', 'priority', 'sla', 'status'];
      },
      (d) => {
        fields(d).channel = { type: 'text', label: 'Channel' };
        sections(d)[0]!.fields = ['channel', 'status', 'priority', 'subject'];
      },
    );
    expect(sections(result.merged)[0]!.fields).toEqual(['channel', 'status', 'priority', 'sla', 'subject']);
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('places a new pack item after the nearest pack predecessor the customer kept, else before its follower', () => {
    const result = merge(
      (d) => {
        fields(d).sla = { type: 'integer', label: 'SLA hours' };
        fields(d).team = { type: 'text', label: 'Team' };
        sections(d)[0]!.fields = ['sla', 'subject', 'priority', 'status'];
        ticket(d).layouts!.list!.columns = ['subject', 'priority', 'status', 'team'];
      },
      (d) => {
        sections(d)[0]!.fields = ['status', 'subject'];
        ticket(d).layouts!.list!.columns = ['status', 'subject'];
      },
    );
    expect(sections(result.merged)[0]!.fields).toEqual(['status', 'sla', 'subject']);
    expect(ticket(result.merged).layouts!.list!.columns).toEqual(['status', 'team', 'subject']);
  });

  it('adds a new pack section after its pack neighbour and merges section contents by label', () => {
    const result = merge(
      (d) => {
        fields(d).sla = { type: 'integer', label: 'SLA hours' };
        sections(d).splice(1, 0, { label: 'Service level', fields: ['sla'] });
      },
      (d) => {
        sections(d).reverse();
        sections(d)[0]!.fields.push('subject');
        sections(d)[1]!.fields = ['priority', 'status'];
      },
    );
    expect(sections(result.merged).map((s) => [s.label, s.fields])).toEqual([
      ['Details', ['dueDate', 'description', 'subject']],
      ['Ticket', ['priority', 'status']],
      ['Service level', ['sla']],
    ]);
  });

  it('merges select options by value: new pack options next to their pack neighbours, labels per option', () => {
    const result = merge(
      (d) => {
        const options = fields(d).priority!.options!;
        options.splice(3, 0, { value: 'urgent', label: 'Urgent', color: 'purple' });
        options[0]!.label = 'Minor';
      },
      (d) => {
        const options = fields(d).priority!.options!;
        options.reverse();
        options.push({ value: 'blocked', label: 'Blocked' });
        options.find((o) => o.value === 'high')!.color = 'orange';
      },
    );
    expect(fields(result.merged).priority!.options).toEqual([
      { value: 'high', label: 'High', color: 'orange' },
      { value: 'urgent', label: 'Urgent', color: 'purple' },
      { value: 'normal', label: 'Normal' },
      { value: 'low', label: 'Minor' },
      { value: 'blocked', label: 'Blocked' },
    ]);
    expect(result.conflicts).toEqual([]);
  });

  it('takes the pack’s new order when only the pack reordered, keeping the customer’s additions by their neighbours', () => {
    const result = merge(
      (d) => fields(d).status!.options!.reverse(),
      (d) => fields(d).status!.options!.splice(1, 0, { value: 'waiting', label: 'Waiting' }),
    );
    expect(fields(result.merged).status!.options!.map((o) => o.value)).toEqual(['closed', 'open', 'new', 'waiting']);
    expect(result.changes).toEqual([expect.objectContaining({ path: '/entities/ticket/fields/status/options', kind: 'reordered', outcome: 'applied' })]);
  });

  it('keeps the customer’s order when both reordered, and says the pack order was not applied', () => {
    const result = merge(
      (d) => fields(d).status!.options!.reverse(),
      (d) => fields(d).status!.options!.push(fields(d).status!.options!.shift()!),
    );
    expect(fields(result.merged).status!.options!.map((o) => o.value)).toEqual(['open', 'closed', 'new']);
    expect(result.changes).toEqual([expect.objectContaining({ kind: 'reordered', outcome: 'keptYours' })]);
  });

  it('merges workflow steps by key: a new pack step lands after its pack neighbour, step edits merge per property', () => {
    const result = merge(
      (d) => d.workflows!.escalate!.steps.splice(1, 0, { key: 'raise', type: 'updateRecord', values: { status: 'open' } }),
      (d) => {
        const steps = d.workflows!.escalate!.steps;
        steps.reverse();
        (steps[0] as { title: string }).title = 'Look at {{record.subject}}';
      },
    );
    const steps = result.merged.workflows!.escalate!.steps;
    expect(steps.map((s) => s.key)).toEqual(['followUp', 'notifyLead', 'raise']);
    expect(steps[0]).toMatchObject({ title: 'Look at {{record.subject}}' });
    expect(result.conflicts).toEqual([]);
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('merges the branches of an if step by key too', () => {
    const base = installedPack();
    const branch = (doc: MetadataDocument) => (doc.workflows!.followUp!.steps[1] as IfStep).then;
    const theirs = structuredClone(base);
    branch(theirs).push({ key: 'logWin', type: 'createTask', title: 'Log the win' });
    const ours = structuredClone(base);
    (branch(ours)[0] as NotifyStep).title = 'Big win: {{record.name}}';
    const result = mergeDocuments({ base, theirs, ours });
    expect(result.conflicts).toEqual([]);
    expect(branch(result.merged)).toEqual([{ ...branch(ours)[0] }, { key: 'logWin', type: 'createTask', title: 'Log the win' }]);
    expect(result.changes.map((c) => [c.path, c.kind])).toEqual([['/workflows/followUp/steps/big/then/logWin', 'added']]);
  });

  it('reports both changing the same step setting differently at the step’s key', () => {
    const result = merge(
      (d) => ((d.workflows!.escalate!.steps[1] as { title: string }).title = 'Pack title'),
      (d) => ((d.workflows!.escalate!.steps[1] as { title: string }).title = 'My title'),
    );
    expect(result.conflicts.map((c) => c.path)).toEqual(['/workflows/escalate/steps/followUp/title']);
  });

  it('merges lists of names without identity objects as sets (trigger fields, recipients roles)', () => {
    const result = merge(
      (d) => ((d.workflows!.escalate!.trigger as { fields: string[] }).fields = ['priority', 'status']),
      (d) => ((d.workflows!.escalate!.trigger as { fields: string[] }).fields = ['dueDate', 'priority']),
    );
    expect(result.merged.workflows!.escalate!.trigger).toEqual({ type: 'fieldChanged', entity: 'ticket', fields: ['dueDate', 'priority', 'status'] });
  });

  it('keeps a form field both moved to different sections where the customer put it', () => {
    const result = merge(
      (d) => {
        sections(d)[0]!.fields = ['subject', 'priority'];
        sections(d)[1]!.fields = ['status', 'dueDate', 'description'];
      },
      (d) => {
        sections(d)[0]!.fields = ['subject', 'priority'];
        sections(d).push({ label: 'Workflow', fields: ['status'] });
      },
    );
    expect(sections(result.merged).map((s) => s.fields)).toEqual([['subject', 'priority'], ['dueDate', 'description'], ['status']]);
    expect(result.changes).toContainEqual(expect.objectContaining({ path: '/entities/ticket/layouts/form/sections/Details/fields/status', outcome: 'keptYours' }));
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('merges a list whose items cannot be told apart as one value', () => {
    const result = merge(
      (d) => sections(d).push({ label: 'Ticket', fields: [] }),
      (d) => (sections(d)[0]!.columns = 1),
    );
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([['/entities/ticket/layouts/form/sections', 'bothChanged']]);
  });
});
