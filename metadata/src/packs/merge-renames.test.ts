import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { mergeDocuments } from './merge-documents.js';
import { MergeResolutionError } from './merge-resolution-error.js';
import { renameEntity, renameField } from './rename-component.js';
import { resolveConflicts } from './resolve-conflicts.js';
import { edited, servicePack } from './service-pack.fixture.js';

/** What the studio does on a rename: the key, its references, and `renamedFrom`. */
function withRenamedField(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  const next = renameField(doc, 'ticket', from, to);
  next.entities.ticket!.fields[to]!.renamedFrom = from;
  return next;
}

const fields = (doc: MetadataDocument) => doc.entities.ticket!.fields;
const labelOf = (doc: MetadataDocument, field: string) => fields(doc)[field]!.label;

describe('mergeDocuments: renames', () => {
  it('merges a customer edit of a field onto the name the pack renamed it to, and moves the customer’s references', () => {
    const theirs = withRenamedField(servicePack(), 'priority', 'urgency');
    const ours = edited((d) => {
      fields(d).priority!.label = 'Severity';
      d.entities.ticket!.rules!.mine = { invalidWhen: { '==': [{ var: 'record.priority' }, 'low'] }, message: 'No low', fields: ['priority'] };
    });
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts).toEqual([]);
    expect(Object.keys(fields(result.merged))).toEqual(['subject', 'urgency', 'status', 'dueDate', 'description']);
    expect(fields(result.merged).urgency).toMatchObject({ label: 'Severity', renamedFrom: 'priority' });
    expect(result.merged.entities.ticket!.rules!.mine).toEqual({ invalidWhen: { '==': [{ var: 'record.urgency' }, 'low'] }, message: 'No low', fields: ['urgency'] });
    expect(result.merged.entities.ticket!.layouts!.form!.sections[0]!.fields).toEqual(['subject', 'urgency', 'status']);
    expect(result.changes).toContainEqual(expect.objectContaining({ path: '/entities/ticket/fields/urgency', kind: 'renamed', outcome: 'applied', from: 'priority', to: 'urgency' }));
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('applies pack changes of a field the customer renamed to the customer’s name, new pack references included', () => {
    const theirs = edited((d) => {
      fields(d).priority!.label = 'Urgency';
      d.entities.ticket!.views!.urgent = { label: 'Urgent', filter: { '==': [{ var: 'record.priority' }, 'high'] }, columns: ['subject', 'priority'] };
    });
    const ours = withRenamedField(servicePack(), 'priority', 'severity');
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts).toEqual([]);
    expect(fields(result.merged).priority).toBeUndefined();
    expect(fields(result.merged).severity).toMatchObject({ label: 'Urgency', renamedFrom: 'priority' });
    expect(result.merged.entities.ticket!.views!.urgent!.columns).toEqual(['subject', 'severity']);
    expect(validateDocument(result.merged)).toEqual([]);
  });

  it('reports a field both renamed differently at the customer’s name, and resolves to the pack’s name with nested decisions intact', () => {
    const theirs = withRenamedField(servicePack(), 'priority', 'urgency');
    fields(theirs).urgency!.label = 'Urgency';
    const ours = withRenamedField(servicePack(), 'priority', 'severity');
    fields(ours).severity!.label = 'Severity';
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts.map(({ path, kind, base, theirs: t, ours: o }) => ({ path, kind, base, theirs: t, ours: o }))).toEqual([
      { path: '/entities/ticket/fields/severity', kind: 'renamedByBoth', base: 'priority', theirs: 'urgency', ours: 'severity' },
      { path: '/entities/ticket/fields/severity/label', kind: 'bothChanged', base: 'Priority', theirs: 'Urgency', ours: 'Severity' },
    ]);
    expect(labelOf(result.merged, 'severity')).toBe('Severity');
    const resolved = resolveConflicts(result, {
      '/entities/ticket/fields/severity': { take: 'theirs' },
      '/entities/ticket/fields/severity/label': { take: 'ours' },
    });
    expect(fields(resolved).severity).toBeUndefined();
    expect(fields(resolved).urgency).toMatchObject({ label: 'Severity', renamedFrom: 'priority' });
    expect(validateDocument(resolved)).toEqual([]);
  });

  it('keeps the customer’s name when the pack renames to a name the customer already uses (renameClash)', () => {
    const theirs = withRenamedField(servicePack(), 'description', 'notes');
    const ours = edited((d) => (fields(d).notes = { type: 'text', label: 'My notes' }));
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: '/entities/ticket/fields/description', kind: 'renameClash', base: 'description', theirs: 'notes', ours: 'description' }),
    ]);
    expect(labelOf(result.merged, 'notes')).toBe('My notes');
    expect(labelOf(result.merged, 'description')).toBe('Description');
    expect(() => resolveConflicts(result, { '/entities/ticket/fields/description': { take: 'theirs' } })).toThrow(MergeResolutionError);
    expect(() => resolveConflicts(result, { '/entities/ticket/fields/description': { take: 'theirs' } })).toThrow(/Already used by another component: "notes"/);
    const resolved = resolveConflicts(result, { '/entities/ticket/fields/description': { value: 'details' } });
    expect(Object.keys(fields(resolved))).toEqual(['subject', 'priority', 'status', 'dueDate', 'details', 'notes']);
    expect(resolved.entities.ticket!.layouts!.form!.sections[1]!.fields).toEqual(['dueDate', 'details']);
  });

  it('leaves deleted a field the customer deleted and the pack only renamed', () => {
    const theirs = withRenamedField(servicePack(), 'description', 'notes');
    const ours = edited((d) => {
      delete fields(d).description;
      d.entities.ticket!.layouts!.form!.sections[1]!.fields = ['dueDate'];
    });
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts).toEqual([]);
    expect(Object.keys(fields(result.merged))).toEqual(['subject', 'priority', 'status', 'dueDate']);
    expect(result.changes).toEqual([
      expect.objectContaining({ path: '/entities/ticket/fields/notes', kind: 'renamed', outcome: 'keptYours', from: 'description', to: 'notes' }),
    ]);
  });

  it('follows an entity the pack renamed, with the customer’s additions, roles and workflows', () => {
    const theirs = renameEntity(servicePack(), 'ticket', 'serviceRequest');
    Object.assign(theirs.entities.serviceRequest!, { renamedFrom: 'ticket', plural: 'serviceRequests', label: 'Service request', pluralLabel: 'Service requests' });
    const ours = edited((d) => {
      fields(d).channel = { type: 'text', label: 'Channel' };
      d.roles!.agent!.entities!.ticket!.delete = true;
    });
    const result = mergeDocuments({ base: servicePack(), theirs, ours });
    expect(result.conflicts).toEqual([]);
    expect(Object.keys(result.merged.entities)).toEqual(['serviceRequest']);
    expect(result.merged.entities.serviceRequest!.fields.channel).toEqual({ type: 'text', label: 'Channel' });
    expect(result.merged.roles!.agent!.entities).toEqual({ serviceRequest: { read: true, create: true, update: true, delete: true } });
    expect(result.merged.workflows!.escalate!.trigger).toMatchObject({ entity: 'serviceRequest' });
    expect(validateDocument(result.merged)).toEqual([]);
  });
});
