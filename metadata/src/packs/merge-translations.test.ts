import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { mergeDocuments } from './merge-documents.js';
import { resolveConflicts } from './resolve-conflicts.js';
import { edited } from './service-pack.fixture.js';

type Edit = (doc: MetadataDocument) => void;
const GERMAN = { '/entities/ticket/label': 'Ticket', '/entities/ticket/fields/priority/label': 'Priorität' };
const withGerman: Edit = (d) => (d.translations = { de: { ...GERMAN } });
const both = (...edits: Edit[]): Edit => (d) => edits.forEach((e) => e(d));
const de = (doc: MetadataDocument) => doc.translations?.de ?? {};
const merge = (theirs: Edit, ours: Edit) => mergeDocuments({ base: edited(withGerman), theirs: edited(theirs), ours: edited(ours) });
const PRIORITY = '/translations/de/~1entities~1ticket~1fields~1priority~1label';

describe('mergeDocuments: translations', () => {
  it('takes a translation only the pack changed or added', () => {
    const result = merge(both(withGerman, (d) => {
      d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Dringlichkeit';
      d.translations!['pt-BR'] = { '/entities/ticket/label': 'Chamado' };
    }), withGerman);
    expect(de(result.merged)['/entities/ticket/fields/priority/label']).toBe('Dringlichkeit');
    expect(result.merged.translations!['pt-BR']).toEqual({ '/entities/ticket/label': 'Chamado' });
    expect(result.conflicts).toEqual([]);
    expect(result.changes.map((c) => [c.path, c.kind, c.outcome])).toEqual([
      [PRIORITY, 'changed', 'applied'],
      ['/translations/pt-BR', 'added', 'applied'],
    ]);
  });

  it('keeps the customer’s own translation when the pack did not change it', () => {
    const result = merge(withGerman, both(withGerman, (d) => (d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Wichtigkeit')));
    expect(de(result.merged)['/entities/ticket/fields/priority/label']).toBe('Wichtigkeit');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('reports both changing one translation differently as a conflict, keeping the customer’s until decided', () => {
    const result = merge(
      both(withGerman, (d) => (d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Dringlichkeit')),
      both(withGerman, (d) => (d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Wichtigkeit')),
    );
    expect(result.conflicts).toEqual([
      expect.objectContaining({ path: PRIORITY, kind: 'bothChanged', base: 'Priorität', theirs: 'Dringlichkeit', ours: 'Wichtigkeit' }),
    ]);
    expect(result.conflicts[0]!.message).toContain('Translation of "/entities/ticket/fields/priority/label"');
    expect(de(result.merged)['/entities/ticket/fields/priority/label']).toBe('Wichtigkeit');
    expect(de(resolveConflicts(result, { [PRIORITY]: { take: 'theirs' } }))['/entities/ticket/fields/priority/label']).toBe('Dringlichkeit');
  });

  it('carries the customer’s translations along a field the pack renames', () => {
    const rename: Edit = (d) => {
      const fields = d.entities.ticket!.fields;
      d.entities.ticket!.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => (k === 'priority' ? ['urgency', { ...v, renamedFrom: 'priority' }] : [k, v])));
      for (const l of d.entities.ticket!.layouts!.form!.sections) l.fields = l.fields.map((f) => (f === 'priority' ? 'urgency' : f));
    };
    const result = merge(
      both(withGerman, (d) => {
        rename(d);
        d.translations!.de = { '/entities/ticket/label': 'Ticket', '/entities/ticket/fields/urgency/label': 'Priorität' };
      }),
      both(withGerman, (d) => (d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Wichtigkeit')),
    );
    expect(result.conflicts).toEqual([]);
    expect(de(result.merged)).toEqual({ '/entities/ticket/label': 'Ticket', '/entities/ticket/fields/urgency/label': 'Wichtigkeit' });
  });

  it('drops the translations of a field the pack removes', () => {
    const result = merge(
      both(withGerman, (d) => {
        delete d.entities.ticket!.fields.priority;
        delete d.translations!.de!['/entities/ticket/fields/priority/label'];
      }),
      withGerman,
    );
    expect(de(result.merged)).toEqual({ '/entities/ticket/label': 'Ticket' });
  });

  it('drops the customer’s translation of a component the customer deleted when the pack changes its text', () => {
    const result = merge(
      both(withGerman, (d) => (d.translations!.de!['/entities/ticket/fields/priority/label'] = 'Dringlichkeit')),
      both(withGerman, (d) => {
        delete d.entities.ticket!.fields.priority;
      }),
    );
    expect(de(result.merged)['/entities/ticket/fields/priority/label']).toBeUndefined();
    expect(validateDocument(result.merged).filter((p) => p.path.startsWith('/translations'))).toEqual([]);
  });
});
