import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { mergeDocuments } from './merge-documents.js';
import type { MergeOptions } from './merge-types.js';
import { edited, servicePack } from './service-pack.fixture.js';

type Edit = (doc: MetadataDocument) => void;
const none: Edit = () => {};
const merge = (theirs: Edit, ours: Edit, options?: MergeOptions) => mergeDocuments({ base: servicePack(), theirs: edited(theirs), ours: edited(ours) }, options);
const ticket = (doc: MetadataDocument) => doc.entities.ticket!;
const fields = (doc: MetadataDocument) => ticket(doc).fields;
const sections = (doc: MetadataDocument) => ticket(doc).layouts!.form!.sections;
const PRIORITY_LABEL = '/entities/ticket/fields/priority/label';

describe('mergeDocuments: properties', () => {
  it('takes a property changed only by the pack', () => {
    const result = merge((d) => (fields(d).priority!.label = 'Urgency'), none);
    expect(fields(result.merged).priority!.label).toBe('Urgency');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([expect.objectContaining({ path: PRIORITY_LABEL, kind: 'changed', outcome: 'applied', from: 'Priority', to: 'Urgency' })]);
  });

  it('keeps a property changed only by the customer, and reports no pack change', () => {
    const result = merge(none, (d) => (fields(d).priority!.label = 'Severity'));
    expect(fields(result.merged).priority!.label).toBe('Severity');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('takes a property both changed to the same value, as already applied', () => {
    const result = merge((d) => (fields(d).priority!.label = 'Urgency'), (d) => (fields(d).priority!.label = 'Urgency'));
    expect(fields(result.merged).priority!.label).toBe('Urgency');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([expect.objectContaining({ path: PRIORITY_LABEL, outcome: 'alreadyApplied' })]);
  });

  it('reports a property both changed differently as a conflict, and keeps the customer value until it is resolved', () => {
    const result = merge(
      (d) => {
        fields(d).priority!.label = 'Urgency';
        fields(d).subject!.maxLength = 300;
      },
      (d) => (fields(d).priority!.label = 'Severity'),
    );
    expect(result.conflicts).toEqual([
      { path: PRIORITY_LABEL, kind: 'bothChanged', base: 'Priority', theirs: 'Urgency', ours: 'Severity', message: expect.stringContaining('the pack changes "Priority" to "Urgency", you changed it to "Severity"') },
    ]);
    expect(fields(result.merged).priority!.label).toBe('Severity');
    expect(fields(result.merged).subject!.maxLength).toBe(300);
    expect(result.changes.map((c) => [c.path, c.outcome])).toEqual([
      ['/entities/ticket/fields/subject/maxLength', 'applied'],
      [PRIORITY_LABEL, 'conflict'],
    ]);
  });

  it('treats a property removed by one side and changed by the other as a conflict', () => {
    const result = merge((d) => delete fields(d).subject!.maxLength, (d) => (fields(d).subject!.maxLength = 100));
    expect(result.conflicts).toEqual([expect.objectContaining({ path: '/entities/ticket/fields/subject/maxLength', kind: 'bothChanged', theirs: undefined, ours: 100 })]);
    expect(fields(result.merged).subject!.maxLength).toBe(100);
  });

  it('merges JSON Logic as a whole: edits of different parts of a rule condition conflict', () => {
    const result = merge(
      (d) => (ticket(d).rules!.dueDateWhenHigh!.invalidWhen = { and: [{ '==': [{ var: 'record.priority' }, 'urgent'] }, { '!': { var: 'record.dueDate' } }] }),
      (d) => (ticket(d).rules!.dueDateWhenHigh!.invalidWhen = { and: [{ '==': [{ var: 'record.priority' }, 'high'] }, { '!': { var: 'record.subject' } }] }),
    );
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([['/entities/ticket/rules/dueDateWhenHigh/invalidWhen', 'bothChanged']]);
  });

  it('merges the properties of a component both changed, one by one', () => {
    const result = merge(
      (d) => (ticket(d).rules!.dueDateWhenHigh!.message = 'Urgent tickets need a due date'),
      (d) => (ticket(d).rules!.dueDateWhenHigh!.active = false),
    );
    expect(result.conflicts).toEqual([]);
    expect(ticket(result.merged).rules!.dueDateWhenHigh).toMatchObject({ message: 'Urgent tickets need a due date', active: false });
  });

  it('keeps the pack key order, then the customer’s own keys', () => {
    const result = merge(
      (d) => (ticket(d).fields = { sla: { type: 'integer', label: 'SLA hours' }, ...fields(d) }),
      (d) => (fields(d).channel = { type: 'text', label: 'Channel' }),
    );
    expect(Object.keys(fields(result.merged))).toEqual(['sla', 'subject', 'priority', 'status', 'dueDate', 'description', 'channel']);
  });
});

describe('mergeDocuments: components added and deleted', () => {
  it('adds what the pack added and keeps what the customer added', () => {
    const result = merge(
      (d) => {
        ticket(d).views!.highTickets = { label: 'High', filter: { '==': [{ var: 'record.priority' }, 'high'] } };
        d.roles!.supervisor = { label: 'Supervisor', entities: { ticket: { read: true } } };
      },
      (d) => {
        ticket(d).views!.mine = { label: 'Mine', filter: { '==': [{ var: 'record.createdBy' }, { var: 'user.id' }] } };
        d.workflows!.ownFlow = { label: 'Own', trigger: { type: 'manual', entity: 'ticket' }, steps: [] };
      },
    );
    expect(Object.keys(ticket(result.merged).views!)).toEqual(['openTickets', 'highTickets', 'mine']);
    expect(Object.keys(result.merged.roles!)).toEqual(['agent', 'supervisor']);
    expect(Object.keys(result.merged.workflows!)).toEqual(['escalate', 'ownFlow']);
    expect(result.changes.map((c) => [c.path, c.kind])).toEqual([
      ['/entities/ticket/views/highTickets', 'added'],
      ['/roles/supervisor', 'added'],
    ]);
  });

  it('merges a component both added under the same name property by property', () => {
    const result = merge(
      (d) => (fields(d).sla = { type: 'integer', label: 'SLA', min: 0 }),
      (d) => (fields(d).sla = { type: 'integer', label: 'SLA (hours)', max: 72 }),
    );
    expect(fields(result.merged).sla).toEqual({ type: 'integer', label: 'SLA (hours)', min: 0, max: 72 });
    expect(result.conflicts).toEqual([expect.objectContaining({ path: '/entities/ticket/fields/sla/label', kind: 'bothAdded', base: undefined, theirs: 'SLA', ours: 'SLA (hours)' })]);
  });

  it('leaves deleted a pack component the customer deleted and the pack did not change', () => {
    const result = merge((d) => (fields(d).subject!.label = 'Title'), (d) => delete ticket(d).views!.openTickets);
    expect(ticket(result.merged).views).toEqual({});
    expect(result.conflicts).toEqual([]);
  });

  it('reports deletedByUs when the customer deleted a component the pack changed, and leaves it deleted', () => {
    const result = merge(
      (d) => (ticket(d).views!.openTickets!.label = 'Open'),
      (d) => delete ticket(d).views!.openTickets,
    );
    expect(result.conflicts).toEqual([expect.objectContaining({ path: '/entities/ticket/views/openTickets', kind: 'deletedByUs', ours: undefined, theirs: expect.objectContaining({ label: 'Open' }) })]);
    expect(ticket(result.merged).views).toEqual({});
  });

  it('restores what the customer deleted when asked (resurrectDeleted), changed by the pack or not', () => {
    const result = merge(
      (d) => (ticket(d).views!.openTickets!.label = 'Open'),
      (d) => {
        delete ticket(d).views!.openTickets;
        d.roles = {};
        ticket(d).fields.status!.options = ticket(d).fields.status!.options!.filter((o) => o.value !== 'open');
      },
      { resurrectDeleted: true },
    );
    expect(result.conflicts).toEqual([]);
    expect(ticket(result.merged).views!.openTickets!.label).toBe('Open');
    expect(Object.keys(result.merged.roles!)).toEqual(['agent']);
    expect(fields(result.merged).status!.options!.map((o) => o.value)).toEqual(['new', 'open', 'closed']);
    expect(result.changes.filter((c) => c.kind === 'restored').map((c) => c.path)).toEqual([
      '/entities/ticket/fields/status/options/open',
      '/entities/ticket/views/openTickets',
      '/roles/agent',
    ]);
  });

  it('removes a component the pack removed and the customer did not touch, with its layout places', () => {
    const removeDescription: Edit = (d) => {
      delete fields(d).description;
      sections(d)[1]!.fields = ['dueDate'];
    };
    const result = merge(removeDescription, (d) => (sections(d)[1]!.fields = ['description', 'dueDate']));
    expect(fields(result.merged).description).toBeUndefined();
    expect(sections(result.merged)[1]!.fields).toEqual(['dueDate']);
    expect(result.conflicts).toEqual([]);
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('reports deletedByThem when the pack removed a component the customer changed, and keeps the customer’s', () => {
    const result = merge(
      (d) => {
        delete fields(d).description;
        sections(d)[1]!.fields = ['dueDate'];
      },
      (d) => (fields(d).description!.label = 'Notes'),
    );
    expect(result.conflicts).toEqual([expect.objectContaining({ path: '/entities/ticket/fields/description', kind: 'deletedByThem', theirs: undefined })]);
    expect(fields(result.merged).description!.label).toBe('Notes');
  });
});

describe('mergeDocuments: inputs', () => {
  it('does not change its inputs and gives equal results for equal inputs', () => {
    const inputs = { base: servicePack(), theirs: edited((d) => (fields(d).subject!.label = 'Title')), ours: edited((d) => delete fields(d).dueDate) };
    const copy = structuredClone(inputs);
    const a = mergeDocuments(inputs);
    expect(inputs).toEqual(copy);
    expect(mergeDocuments(copy)).toEqual(a);
  });
});
