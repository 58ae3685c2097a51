import type { MetadataDocument } from '../types.js';
import { mergeDocuments } from './merge-documents.js';
import { MergeResolutionError } from './merge-resolution-error.js';
import type { MergeResult } from './merge-types.js';
import { resolveConflicts } from './resolve-conflicts.js';
import { edited, servicePack } from './service-pack.fixture.js';

const fields = (doc: MetadataDocument) => doc.entities.ticket!.fields;
const LABEL = '/entities/ticket/fields/priority/label';
const HIGH = '/entities/ticket/fields/priority/options/high';
const DESCRIPTION = '/entities/ticket/fields/description';

/** Three conflicts: a label both changed, an option the customer deleted and the pack changed, a field the pack removed and the customer changed. */
function conflicted(): MergeResult {
  const theirs = edited((d) => {
    fields(d).priority!.label = 'Urgency';
    fields(d).priority!.options!.find((o) => o.value === 'high')!.label = 'Urgent';
    fields(d).priority!.options!.push({ value: 'critical', label: 'Critical' });
    delete fields(d).description;
    d.entities.ticket!.layouts!.form!.sections[1]!.fields = ['dueDate'];
  });
  const ours = edited((d) => {
    fields(d).priority!.label = 'Severity';
    fields(d).priority!.options = fields(d).priority!.options!.filter((o) => o.value !== 'high').reverse();
    d.entities.ticket!.rules!.dueDateWhenHigh!.active = false;
    fields(d).description!.label = 'Notes';
  });
  return mergeDocuments({ base: servicePack(), theirs, ours });
}

describe('resolveConflicts', () => {
  it('applies each decision: keep ours, take theirs, or a value', () => {
    const result = conflicted();
    expect(result.conflicts.map((c) => [c.path, c.kind])).toEqual([
      [LABEL, 'bothChanged'],
      [HIGH, 'deletedByUs'],
      [DESCRIPTION, 'deletedByThem'],
    ]);
    const resolved = resolveConflicts(result, { [LABEL]: { value: 'Urgency level' }, [HIGH]: { take: 'theirs' }, [DESCRIPTION]: { take: 'theirs' } });
    expect(fields(resolved).priority!.label).toBe('Urgency level');
    // The restored option lands next to its pack neighbours in the customer's order (normal, low → high after normal).
    expect(fields(resolved).priority!.options!.map((o) => o.value)).toEqual(['normal', 'high', 'critical', 'low']);
    expect(fields(resolved).priority!.options![1]).toEqual({ value: 'high', label: 'Urgent', color: 'red' });
    expect(fields(resolved).description).toBeUndefined();
    expect(resolved.entities.ticket!.rules!.dueDateWhenHigh!.active).toBe(false);
  });

  it('gives the merged document when every conflict keeps the customer’s version', () => {
    const result = conflicted();
    const decisions = Object.fromEntries(result.conflicts.map((c) => [c.path, { take: 'ours' as const }]));
    expect(resolveConflicts(result, decisions)).toEqual(result.merged);
  });

  it('works on a result that went through JSON (to the studio and back)', () => {
    const result = JSON.parse(JSON.stringify(conflicted())) as MergeResult;
    const resolved = resolveConflicts(result, { [LABEL]: { take: 'theirs' }, [HIGH]: { take: 'ours' }, [DESCRIPTION]: { take: 'ours' } });
    expect(fields(resolved).priority!.label).toBe('Urgency');
    expect(fields(resolved).description!.label).toBe('Notes');
  });

  it('refuses a decision for a path that is not a conflict', () => {
    const result = conflicted();
    const decisions = { [LABEL]: { take: 'ours' as const }, [HIGH]: { take: 'ours' as const }, [DESCRIPTION]: { take: 'ours' as const }, '/entities/ticket/label': { take: 'theirs' as const } };
    expect(() => resolveConflicts(result, decisions)).toThrow(expect.objectContaining({ code: 'UNKNOWN_DECISION', paths: ['/entities/ticket/label'] }));
  });

  it('refuses to resolve while a conflict is undecided, naming it', () => {
    const result = conflicted();
    const attempt = () => resolveConflicts(result, { [LABEL]: { take: 'ours' } });
    expect(attempt).toThrow(MergeResolutionError);
    expect(attempt).toThrow(`Every conflict needs a decision; still undecided: ${HIGH}, ${DESCRIPTION}.`);
  });

  it('refuses a malformed decision', () => {
    const result = conflicted();
    const decisions = { [LABEL]: { take: 'mine' }, [HIGH]: { take: 'ours' }, [DESCRIPTION]: { take: 'ours' } } as never;
    expect(() => resolveConflicts(result, decisions)).toThrow(expect.objectContaining({ code: 'INVALID_DECISION', paths: [LABEL] }));
  });

  it('returns the merged document when there is nothing to decide', () => {
    const result = mergeDocuments({ base: servicePack(), theirs: edited((d) => (fields(d).subject!.label = 'Title')), ours: servicePack() });
    expect(resolveConflicts(result, {})).toEqual(result.merged);
  });
});
