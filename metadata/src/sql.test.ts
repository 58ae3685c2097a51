import { droppedName, fitIdentifier, setAsideVersion, foreignKeyName, indexName, qualifiedName, quoteIdent, quoteLiteral, uniqueIndexName } from './sql.js';

describe('sql helpers', () => {
  it('quotes identifiers and doubles embedded quotes, so no name can break out', () => {
    expect(quoteIdent('opportunity')).toBe('"opportunity"');
    expect(quoteIdent('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
    expect(qualifiedName('main', 'close_date')).toBe('"main"."close_date"');
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
  });

  it('names constraints and indexes deterministically', () => {
    expect(foreignKeyName('contact', 'company_id')).toBe('contact__company_id_fkey');
    expect(indexName('contact', 'company_id')).toBe('contact__company_id_idx');
    expect(uniqueIndexName('tag', 'name')).toBe('tag__name_key');
    expect(droppedName(7, 'notes')).toBe('__dropped_v7_notes');
  });

  it('shortens names over 63 characters with a stable hash instead of letting Postgres truncate them', () => {
    const long = `${'a'.repeat(40)}__${'b'.repeat(30)}_fkey`;
    const fitted = fitIdentifier(long);
    expect(fitted).toHaveLength(63);
    expect(fitted).toBe(fitIdentifier(long));
    expect(fitted.startsWith('a'.repeat(40) + '__')).toBe(true);
    expect(fitIdentifier(long.replace('fkey', 'fkez'))).not.toBe(fitted);
    expect(fitIdentifier('short')).toBe('short');
  });

  it('recognises the moved-aside names of a column or table and the version that moved it aside', () => {
    expect(setAsideVersion('__dropped_v7_notes', 'notes')).toBe(7);
    expect(setAsideVersion('__dropped_v12_revenue_currency', 'revenue_currency')).toBe(12);
    expect(setAsideVersion('__dropped_v12_revenue_currency', 'revenue')).toBeUndefined();
    expect(setAsideVersion('__dropped_v7_notes', 'note')).toBeUndefined();
    expect(setAsideVersion('__dropped_v07_notes', 'notes')).toBeUndefined();
    expect(setAsideVersion('notes', 'notes')).toBeUndefined();
    const long = 'x'.repeat(60);
    expect(setAsideVersion(droppedName(3, long), long)).toBe(3);
    expect(setAsideVersion(droppedName(3, long), 'x'.repeat(59) + 'y')).toBeUndefined();
  });
});
