import { fieldColumns, foreignKeyOf, junctionModels, uniqueIndexOf } from './storage.js';
import { salesDocument } from './testing/fixtures.js';

describe('storage', () => {
  it('names the columns of a field, with suffixes for multi-column types', () => {
    expect(fieldColumns('closeDate', { type: 'date', label: 'C' })).toEqual([{ name: 'close_date', sqlType: 'date' }]);
    expect(fieldColumns('amount', { type: 'currency', label: 'A' })).toEqual([
      { name: 'amount', sqlType: 'numeric(18,2)' },
      { name: 'amount_currency', sqlType: 'char(3)', backfill: "'USD'" },
    ]);
    expect(fieldColumns('tags', { type: 'relation', label: 'T', target: 'tag', cardinality: 'manyToMany' })).toEqual([]);
    expect(() => fieldColumns('x', { type: 'mood', label: 'R' })).toThrow(/Unknown field type "mood"/);
  });

  it('describes the FK of a manyToOne and the unique index of a unique field', () => {
    const doc = salesDocument();
    expect(foreignKeyOf('opportunity', 'company', doc.entities.opportunity!.fields.company!)).toEqual({
      table: 'opportunity', column: 'company_id', constraint: 'opportunity__company_id_fkey', index: 'opportunity__company_id_idx',
      targetTable: 'company', onDelete: 'CASCADE',
    });
    expect(foreignKeyOf('tag', 'name', doc.entities.tag!.fields.name!)).toBeUndefined();
    expect(uniqueIndexOf('tag', 'name', doc.entities.tag!.fields.name!)).toEqual({ name: 'tag__name_key', column: 'name' });
  });

  it('models junction tables with their constraint names and both sides', () => {
    expect(junctionModels(salesDocument())).toEqual([
      expect.objectContaining({
        table: 'opportunity__tags', sourceTable: 'opportunity', targetTable: 'tag',
        sourceFk: 'opportunity__tags__source_id_fkey', targetFk: 'opportunity__tags__target_id_fkey',
        targetIndex: 'opportunity__tags__target_id_idx', ownerKey: 'opportunity.tags', inverseKey: 'tag.opportunities',
      }),
    ]);
  });
});
