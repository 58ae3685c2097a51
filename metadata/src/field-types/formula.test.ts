import { Ajv } from 'ajv';
import type { FieldDefinition } from '../types.js';
import { formulaFieldType as formula } from './formula.js';
import { getFieldType, valueTypeOf } from './registry.js';

const fx = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'formula', label: 'F', expression: 1, resultType: 'integer', ...extra });

describe('formula field type', () => {
  it('is registered and delegates storage, GraphQL output and value schema to its result type', () => {
    expect(getFieldType('formula')).toBe(formula);
    expect(formula.columns(fx())).toEqual(getFieldType('integer').columns({ type: 'integer', label: 'F' }));
    expect(formula.columns(fx({ resultType: 'decimal', scale: 4 }))).toEqual([{ suffix: '', sqlType: 'numeric(18,4)' }]);
    expect(formula.columns(fx({ resultType: 'percent' }))).toEqual([{ suffix: '', sqlType: 'numeric(9,4)' }]);
    expect(formula.columns(fx({ resultType: 'text' }))).toEqual([{ suffix: '', sqlType: 'text' }]);
    expect(formula.columns(fx({ resultType: 'dateTime' }))).toEqual([{ suffix: '', sqlType: 'timestamptz' }]);
    expect(formula.graphql(fx({ resultType: 'boolean' }))).toEqual({ output: 'Boolean', input: '' });
    expect(formula.graphql(fx({ resultType: 'date' }))).toEqual({ output: 'Date', input: '' });
    expect(formula.jsonSchema(fx({ resultType: 'text' }))).toEqual({ type: 'string', readOnly: true });
    expect(() => new Ajv({ strict: true }).compile(formula.jsonSchema(fx()))).not.toThrow();
    expect(formula.properties).toEqual(['expression', 'resultType', 'scale']);
    expect(formula.supportsUnique).toBe(false);
  });

  it('filters and sorts like its result type (valueTypeOf)', () => {
    expect(valueTypeOf(fx({ resultType: 'text' })).name).toBe('text');
    expect(valueTypeOf(fx({ resultType: 'text' })).filterOperators).toEqual(getFieldType('text').filterOperators);
    expect(valueTypeOf(fx({ resultType: 'decimal' })).filterOperators).toContain('gte');
    expect(valueTypeOf({ type: 'integer', label: 'I' }).name).toBe('integer');
    expect(formula.sortable).toBe(true);
  });

  it('reports a missing expression or result type, and a scale on a non-decimal result', () => {
    expect(formula.checkField!({ type: 'formula', label: 'F' }).map((p) => [p.property, p.code])).toEqual([
      ['expression', 'formula-expression-missing'],
      ['resultType', 'formula-result-type-missing'],
    ]);
    expect(formula.checkField!(fx({ scale: 3 })).map((p) => p.code)).toEqual(['scale-not-applicable']);
    expect(formula.checkField!(fx({ resultType: 'decimal', scale: 3 }))).toEqual([]);
    expect(formula.checkField!(fx({ required: true })).map((p) => `${p.property}:${p.code}`)).toEqual(['required:required-not-applicable']);
  });

  it('is recomputed after a column type change rather than converted', () => {
    expect(formula.convertFrom!(fx({ resultType: 'text' }), fx(), '"x"')).toBe('NULL');
  });
});
