import { findInverseName, junctionOwner, listJunctions, relationInfo } from './relations.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

describe('relationInfo', () => {
  const doc = salesDocument();

  it('resolves a manyToOne to its own FK column and its declared inverse', () => {
    const info = relationInfo(doc, 'contact', 'company');
    expect(info).toMatchObject({ cardinality: 'manyToOne', target: 'company', inverseName: 'contacts', fkTable: 'contact', fkColumn: 'company_id' });
    expect(info.inverse?.cardinality).toBe('oneToMany');
    expect(info.junction).toBeUndefined();
  });

  it('resolves a oneToMany to the FK column of its inverse on the target table', () => {
    expect(relationInfo(doc, 'company', 'contacts')).toMatchObject({
      cardinality: 'oneToMany', target: 'contact', inverseName: 'company', fkTable: 'contact', fkColumn: 'company_id',
    });
  });

  it('finds the oneToMany pointing at a manyToOne that declares no inverse', () => {
    const d = salesDocument();
    delete d.entities.contact!.fields.company!.inverse;
    expect(findInverseName(d, 'contact', 'company')).toBe('contacts');
    expect(relationInfo(d, 'opportunity', 'company').inverse).toBeUndefined();
  });

  it('names the junction after the side whose entity.field sorts first, with source_id = owner', () => {
    const fromOwner = relationInfo(doc, 'opportunity', 'tags').junction;
    const fromOther = relationInfo(doc, 'tag', 'opportunities').junction;
    const shared = { table: 'opportunity__tags', ownerEntity: 'opportunity', ownerField: 'tags', targetEntity: 'tag' };
    expect(fromOwner).toMatchObject({ ...shared, selfColumn: 'source_id', otherColumn: 'target_id' });
    expect(fromOther).toMatchObject({ ...shared, selfColumn: 'target_id', otherColumn: 'source_id' });
    expect(junctionOwner(doc, 'tag', 'opportunities')).toEqual(['opportunity', 'tags']);
  });

  it('makes a manyToMany without inverse the owner of its junction', () => {
    const d: MetadataDocument = salesDocument();
    d.entities.company!.fields.tags = { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany' };
    expect(relationInfo(d, 'company', 'tags').junction).toMatchObject({ table: 'company__tags', ownerEntity: 'company', targetEntity: 'tag' });
  });

  it('throws on a field that is not a relation or does not exist', () => {
    expect(() => relationInfo(doc, 'contact', 'email')).toThrow(/not a relation/);
    expect(() => relationInfo(doc, 'contact', 'nope')).toThrow(/No field "nope"/);
  });
});

describe('listJunctions', () => {
  it('lists each junction once, sorted by table', () => {
    const d = salesDocument();
    d.entities.company!.fields.tags = { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany' };
    expect(listJunctions(d).map((j) => [j.table, j.ownerEntity, j.ownerField, j.targetEntity])).toEqual([
      ['company__tags', 'company', 'tags', 'tag'],
      ['opportunity__tags', 'opportunity', 'tags', 'tag'],
    ]);
  });
});
