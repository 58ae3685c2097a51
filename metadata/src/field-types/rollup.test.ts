import type { FieldDefinition } from '../types.js';
import { rollupFieldType as rollup, rollupEmptyValue, rollupValueType } from './rollup.js';
import { getFieldType, valueTypeOf } from './registry.js';

const ru = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'rollup', label: 'R', relation: 'opportunities', aggregate: 'count', ...extra });

describe('rollup field type', () => {
  it('is registered; count is an integer, sum and avg decimals, min and max decimals or dates', () => {
    expect(getFieldType('rollup')).toBe(rollup);
    expect(rollup.columns(ru())).toEqual([{ suffix: '', sqlType: 'integer' }]);
    expect(rollup.graphql(ru())).toEqual({ output: 'Int', input: '' });
    expect(rollup.columns(ru({ aggregate: 'sum', aggregateField: 'amount' }))).toEqual([{ suffix: '', sqlType: 'numeric(18,2)' }]);
    expect(rollup.columns(ru({ aggregate: 'avg', aggregateField: 'amount', scale: 4 }))).toEqual([{ suffix: '', sqlType: 'numeric(18,4)' }]);
    expect(rollup.graphql(ru({ aggregate: 'sum', aggregateField: 'amount' }))).toEqual({ output: 'Float', input: '' });
    expect(rollup.columns(ru({ aggregate: 'max', aggregateField: 'closeDate', resultType: 'date' }))).toEqual([{ suffix: '', sqlType: 'date' }]);
    expect(rollup.graphql(ru({ aggregate: 'min', aggregateField: 'createdAt', resultType: 'dateTime' }))).toEqual({ output: 'DateTime', input: '' });
    expect(rollup.jsonSchema(ru())).toMatchObject({ type: 'integer', readOnly: true });
    expect(rollupValueType(ru({ aggregate: 'max', resultType: 'date' }))).toBe('date');
    expect(valueTypeOf(ru({ aggregate: 'sum' })).name).toBe('decimal');
  });

  it('starts at 0 for count and sum, and empty for avg, min and max', () => {
    expect(['count', 'sum', 'avg', 'min', 'max'].map((a) => rollupEmptyValue(ru({ aggregate: a as FieldDefinition['aggregate'] })))).toEqual([0, 0, null, null, null]);
  });

  it('reports missing or inapplicable properties', () => {
    const codes = (f: FieldDefinition) => rollup.checkField!(f).map((p) => `${p.property}:${p.code}`);
    expect(codes({ type: 'rollup', label: 'R' })).toEqual(['relation:rollup-relation-missing', 'aggregate:rollup-aggregate-missing']);
    expect(codes(ru({ aggregate: 'sum' }))).toEqual(['aggregateField:rollup-aggregate-field-missing']);
    expect(codes(ru({ aggregateField: 'amount' }))).toEqual(['aggregateField:rollup-aggregate-field-not-applicable']);
    expect(codes(ru({ resultType: 'date' }))).toEqual(['resultType:rollup-result-type-invalid']);
    expect(codes(ru({ aggregate: 'max', aggregateField: 'd', resultType: 'date', scale: 2 }))).toEqual(['scale:scale-not-applicable']);
    expect(codes(ru({ aggregate: 'sum', aggregateField: 'amount', scale: 4 }))).toEqual([]);
    expect(codes(ru({ required: true }))).toEqual(['required:required-not-applicable']);
  });
});
