import { deepEqual, diffDocuments } from './diff.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

const changed = (mutate: (doc: MetadataDocument) => void) => {
  const to = salesDocument();
  mutate(to);
  return diffDocuments(salesDocument(), to).changes;
};

describe('diffDocuments', () => {
  it('finds no change between equal documents, whatever their key order', () => {
    const reordered = salesDocument();
    reordered.entities = Object.fromEntries(Object.entries(reordered.entities).reverse());
    reordered.entities.tag!.fields.name = { unique: true, required: true, label: 'Name', type: 'text' };
    expect(diffDocuments(salesDocument(), reordered).changes).toEqual([]);
    expect(deepEqual({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });

  it('lists every entity of a document added to the empty one, in name order', () => {
    expect(diffDocuments({ entities: {} }, salesDocument()).changes).toEqual([
      { kind: 'addEntity', entity: 'company' },
      { kind: 'addEntity', entity: 'contact' },
      { kind: 'addEntity', entity: 'opportunity' },
      { kind: 'addEntity', entity: 'tag' },
    ]);
  });

  it('reports added, removed and changed fields per property', () => {
    expect(
      changed((d) => {
        d.entities.company!.fields.revenue = { type: 'currency', label: 'Revenue' };
        delete d.entities.company!.fields.website;
        d.entities.company!.fields.name!.maxLength = 100;
        d.entities.company!.fields.name!.label = 'Company name';
      }),
    ).toEqual([
      { kind: 'changeField', entity: 'company', field: 'name', property: 'label', from: 'Name', to: 'Company name' },
      { kind: 'changeField', entity: 'company', field: 'name', property: 'maxLength', from: 200, to: 100 },
      { kind: 'addField', entity: 'company', field: 'revenue' },
      { kind: 'removeField', entity: 'company', field: 'website' },
    ]);
  });

  it('detects a field rename through renamedFrom and diffs the renamed field against the old one', () => {
    expect(
      changed((d) => {
        const f = d.entities.opportunity!.fields;
        f.expectedClose = { ...f.closeDate!, renamedFrom: 'closeDate', label: 'Expected close' };
        delete f.closeDate;
      }),
    ).toEqual([
      { kind: 'renameField', entity: 'opportunity', field: 'expectedClose', from: 'closeDate' },
      { kind: 'changeField', entity: 'opportunity', field: 'expectedClose', property: 'label', from: 'Close date', to: 'Expected close' },
    ]);
  });

  it('detects an entity rename and keeps its fields matched', () => {
    expect(
      changed((d) => {
        d.entities.deal = { ...d.entities.opportunity!, renamedFrom: 'opportunity', plural: 'deals' };
        delete d.entities.opportunity;
      }),
    ).toEqual([
      { kind: 'renameEntity', entity: 'deal', from: 'opportunity' },
      { kind: 'changeEntity', entity: 'deal', property: 'plural', from: 'opportunities', to: 'deals' },
    ]);
  });

  it('ignores a renamedFrom left in place once the rename is published', () => {
    const v2 = salesDocument();
    v2.entities.tag!.fields.name!.renamedFrom = 'title';
    expect(diffDocuments(v2, structuredClone(v2)).changes).toEqual([]);
  });

  it('treats a renamedFrom as add + remove when the new name already existed in from', () => {
    expect(
      changed((d) => {
        d.entities.tag!.fields.name = { type: 'text', label: 'Name', renamedFrom: 'opportunities' };
        delete d.entities.tag!.fields.opportunities;
      }),
    ).toEqual([
      { kind: 'changeField', entity: 'tag', field: 'name', property: 'required', from: true, to: undefined },
      { kind: 'changeField', entity: 'tag', field: 'name', property: 'unique', from: true, to: undefined },
      { kind: 'removeField', entity: 'tag', field: 'opportunities' },
    ]);
  });

  it('reports removed entities after the others, and layout changes per layout', () => {
    expect(
      changed((d) => {
        delete d.entities.contact;
        delete d.entities.company!.fields.contacts;
        d.entities.company!.layouts!.list!.pageSize = 25;
      }),
    ).toEqual([
      { kind: 'changeEntity', entity: 'company', property: 'layouts.list', from: expect.objectContaining({ pageSize: 50 }), to: expect.objectContaining({ pageSize: 25 }) },
      { kind: 'removeField', entity: 'company', field: 'contacts' },
      { kind: 'removeEntity', entity: 'contact' },
    ]);
  });

  it('reports option changes as one changeField of the options property', () => {
    expect(changed((d) => d.entities.opportunity!.fields.stage!.options!.push({ value: 'paused', label: 'Paused' }))).toEqual([
      expect.objectContaining({ kind: 'changeField', entity: 'opportunity', field: 'stage', property: 'options' }),
    ]);
  });

  it('reports workflow and role changes as changeOther per item', () => {
    const a = { label: 'A', trigger: { type: 'recordCreated' as const, entity: 'deal' }, steps: [] };
    const a2 = { ...a, trigger: { type: 'recordUpdated' as const, entity: 'deal' } };
    const b = { label: 'B', trigger: { type: 'webhook' as const }, steps: [] };
    const from: MetadataDocument = { entities: {}, workflows: { a }, roles: { rep: { label: 'Rep' } } };
    const to: MetadataDocument = { entities: {}, workflows: { a: a2, b } };
    expect(diffDocuments(from, to).changes).toEqual([
      { kind: 'changeOther', path: '/roles/rep', from: { label: 'Rep' }, to: undefined },
      { kind: 'changeOther', path: '/workflows/a', from: a, to: a2 },
      { kind: 'changeOther', path: '/workflows/b', from: undefined, to: b },
    ]);
  });
});
