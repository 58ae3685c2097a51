import { listFieldTypes } from './field-types/registry.js';
import { normalizeSqlType, sameSqlType } from './sql-type.js';
import type { FieldDefinition } from './types.js';

describe('normalizeSqlType', () => {
  it('spells registry types the way Postgres’s format_type prints them', () => {
    expect(normalizeSqlType('timestamptz')).toBe('timestamp with time zone');
    expect(normalizeSqlType('char(3)')).toBe('character(3)');
    expect(normalizeSqlType('numeric(18,2)')).toBe('numeric(18,2)');
    expect(normalizeSqlType('NUMERIC(18, 2)')).toBe('numeric(18,2)');
    expect(normalizeSqlType('decimal(9,4)')).toBe('numeric(9,4)');
    expect(normalizeSqlType('int4')).toBe('integer');
    expect(normalizeSqlType('bool')).toBe('boolean');
    expect(normalizeSqlType('varchar(20)')).toBe('character varying(20)');
    expect(normalizeSqlType('timestamptz(3)')).toBe('timestamp(3) with time zone');
    expect(normalizeSqlType('int[]')).toBe('integer[]');
    for (const same of ['text', 'jsonb', 'boolean', 'date', 'uuid', 'integer', 'timestamp with time zone', 'character(3)']) {
      expect(normalizeSqlType(same)).toBe(same);
    }
  });

  it('matches every built-in column type to its format_type spelling and tells different types apart', () => {
    const formatType: Record<string, string> = { timestamptz: 'timestamp with time zone', 'char(3)': 'character(3)' };
    const field = (type: string): FieldDefinition => ({ type, label: 'X', options: [{ value: 'a', label: 'A' }], target: 'x', cardinality: 'manyToOne' });
    const sqlTypes = listFieldTypes().flatMap((t) => t.columns(field(t.name)).map((c) => c.sqlType));
    expect(sqlTypes.length).toBeGreaterThan(10);
    for (const type of sqlTypes) expect(sameSqlType(type, formatType[type] ?? type)).toBe(true);
    expect(sameSqlType('numeric(18,2)', 'numeric(18,4)')).toBe(false);
    expect(sameSqlType('text', 'character varying')).toBe(false);
    expect(sameSqlType('char(3)', 'character(2)')).toBe(false);
    expect(sameSqlType('timestamptz', 'timestamp without time zone')).toBe(false);
  });
});
