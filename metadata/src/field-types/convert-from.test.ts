import type { FieldDefinition } from '../types.js';
import { getFieldType } from './registry.js';

const f = (type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type, label: 'F', ...extra });
const convert = (from: FieldDefinition, to: FieldDefinition) => getFieldType(to.type).convertFrom?.(from, to, '"col"') ?? null;

describe('convertFrom (the USING expression of a type change)', () => {
  it('keeps text-stored values as they are between text-like types', () => {
    expect(convert(f('text'), f('longText'))).toBe('"col"');
    expect(convert(f('email'), f('text'))).toBe('"col"');
    expect(convert(f('text'), f('select'))).toBe('"col"');
  });

  it('casts scalars to text and flattens a multiSelect array', () => {
    expect(convert(f('integer'), f('text'))).toBe('"col"::text');
    expect(convert(f('multiSelect'), f('text'))).toBe(`translate("col"::text, '[]"', '')`);
  });

  it('parses text into numbers, turning non-numbers into NULL', () => {
    expect(convert(f('text'), f('integer'))).toBe(`CASE WHEN btrim("col") ~ '^-?[0-9]{1,9}$' THEN btrim("col")::integer END`);
    expect(convert(f('decimal'), f('decimal', { scale: 4 }))).toBe('CASE WHEN abs("col") < 100000000000000 THEN "col"::numeric(18,4) END');
  });

  it('wraps a select value into a multiSelect array and takes the first of a multiSelect for a select', () => {
    expect(convert(f('select'), f('multiSelect'))).toBe('CASE WHEN "col" IS NULL THEN NULL ELSE jsonb_build_array("col") END');
    expect(convert(f('multiSelect'), f('select'))).toBe(`"col" ->> 0`);
  });

  it('converts between date and dateTime in UTC', () => {
    expect(convert(f('dateTime'), f('date'))).toBe(`("col" AT TIME ZONE 'UTC')::date`);
    expect(convert(f('date'), f('dateTime'))).toBe(`"col"::timestamp AT TIME ZONE 'UTC'`);
  });

  it('refuses conversions to and from relations and between unrelated types', () => {
    expect(convert(f('text'), f('relation', { cardinality: 'manyToOne', target: 'x' }))).toBeNull();
    expect(convert(f('relation', { cardinality: 'manyToOne', target: 'x' }), f('text'))).toBeNull();
    expect(convert(f('json'), f('date'))).toBeNull();
    expect(convert(f('boolean'), f('date'))).toBeNull();
  });
});
