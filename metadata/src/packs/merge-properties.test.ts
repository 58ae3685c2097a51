import fc from 'fast-check';
import { deepEqual } from '../diff.js';
import { validateDocument } from '../validate-document.js';
import { applyEdits, EDIT_KINDS, installedPack, type Edit } from './merge-edits.fixture.js';
import { mergeDocuments } from './merge-documents.js';
import { resolveConflicts } from './resolve-conflicts.js';

const BASE = installedPack();
// Small pickers, so that both sides often touch the same things (both same, both different, delete vs edit).
const edit: fc.Arbitrary<Edit> = fc.tuple(fc.nat(EDIT_KINDS - 1), fc.nat(5), fc.nat(5));
const edits = fc.array(edit, { maxLength: 8 });
const sides = fc.record({ pack: edits, customer: edits }).map(({ pack, customer }) => ({
  base: BASE,
  theirs: applyEdits(BASE, 'pack', pack),
  ours: applyEdits(BASE, 'my', customer),
}));
const RUNS = { numRuns: 100 };

describe('mergeDocuments: properties', () => {
  it('the edits generated for these properties keep the documents valid', () => {
    expect(validateDocument(BASE)).toEqual([]);
    fc.assert(
      fc.property(sides, ({ theirs, ours }) => {
        expect(validateDocument(theirs)).toEqual([]);
        expect(validateDocument(ours)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic, key order included, and leaves its inputs alone', () => {
    fc.assert(
      fc.property(sides, (inputs) => {
        const before = JSON.stringify(inputs);
        const a = mergeDocuments(inputs);
        expect(JSON.stringify(inputs)).toBe(before);
        expect(JSON.stringify(mergeDocuments(structuredClone(inputs)))).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('gives the new pack when the customer changed nothing', () => {
    fc.assert(
      fc.property(sides, ({ base, theirs }) => {
        const result = mergeDocuments({ base, theirs, ours: base });
        expect(result.conflicts).toEqual([]);
        expect(JSON.stringify(result.merged)).toBe(JSON.stringify(theirs));
        expect(result.changes.every((c) => c.outcome === 'applied')).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the workspace when the pack changed nothing', () => {
    fc.assert(
      fc.property(sides, ({ base, ours }) => {
        const result = mergeDocuments({ base, theirs: base, ours });
        expect(result).toMatchObject({ conflicts: [], changes: [] });
        expect(deepEqual(result.merged, ours)).toBe(true);
      }),
      RUNS,
    );
  });

  it('turns two valid documents without conflicts into a valid document', () => {
    let merges = 0;
    fc.assert(
      fc.property(sides, (inputs) => {
        const result = mergeDocuments(inputs);
        if (result.conflicts.length > 0) return;
        merges++;
        expect(validateDocument(result.merged)).toEqual([]);
      }),
      RUNS,
    );
    expect(merges).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('changes nothing when the same upgrade is merged again', () => {
    fc.assert(
      fc.property(sides, (inputs) => {
        const first = mergeDocuments(inputs);
        if (first.conflicts.length > 0) return;
        const again = mergeDocuments({ ...inputs, ours: first.merged });
        expect(again.conflicts).toEqual([]);
        expect(deepEqual(again.merged, first.merged)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps the customer’s side of every conflict until resolved, and resolves to the pack’s side on request', () => {
    fc.assert(
      fc.property(sides, (inputs) => {
        const result = mergeDocuments(inputs);
        const all = (take: 'ours' | 'theirs') => Object.fromEntries(result.conflicts.map((c) => [c.path, { take }]));
        expect(resolveConflicts(result, all('ours'))).toEqual(result.merged);
        const theirs = mergeDocuments({ ...inputs, ours: resolveConflicts(result, all('theirs')) });
        expect(theirs.changes.filter((c) => c.outcome === 'conflict')).toEqual([]);
      }),
      RUNS,
    );
  });
});
