import { Ajv } from 'ajv';
import type { FieldDefinition } from '../types.js';
import { durationFieldType as duration } from './duration.js';
import { getFieldType } from './registry.js';

const f = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'duration', label: 'Time spent', ...extra });
const accepts = (field: FieldDefinition, value: unknown) => new Ajv({ strict: true }).validate(duration.jsonSchema(field), value);

describe('duration field type', () => {
  it('is whole seconds in an integer column, GraphQL Int, filtered like integers', () => {
    expect(duration.columns(f())).toEqual([{ suffix: '', sqlType: 'integer' }]);
    expect(duration.graphql(f())).toEqual({ output: 'Int', input: 'Int' });
    expect(duration.filterOperators).toEqual(getFieldType('integer').filterOperators);
    expect(duration.sortable).toBe(true);
    expect(duration.widget).toBe('duration');
  });

  it('is not negative by default; min and max are in seconds', () => {
    expect(duration.jsonSchema(f())).toEqual({ type: 'integer', minimum: 0, maximum: 2147483647 });
    expect(accepts(f(), 5400)).toBe(true);
    expect(accepts(f(), -1)).toBe(false);
    expect(accepts(f(), 1.5)).toBe(false);
    expect(accepts(f({ min: 60, max: 3600 }), 30)).toBe(false);
    expect(accepts(f({ min: 60, max: 3600 }), 3601)).toBe(false);
    expect(accepts(f({ min: -3600 }), -60)).toBe(true);
  });

  it('takes numbers as seconds when converted, and converts to integer without loss', () => {
    expect(duration.convertFrom!({ type: 'integer', label: 'X' }, f(), '"x"')).toBe('"x"');
    expect(duration.convertFrom!({ type: 'decimal', label: 'X' }, f(), '"x"')).toBe('CASE WHEN abs("x") < 2147483647 THEN round("x")::integer END');
    expect(duration.convertFrom!({ type: 'boolean', label: 'X' }, f(), '"x"')).toBeNull();
    expect(getFieldType('integer').losslessFrom).toContain('duration');
    expect(getFieldType('integer').convertFrom!(f(), { type: 'integer', label: 'X' }, '"x"')).toBe('CASE WHEN abs("x") < 2147483647 THEN round("x")::integer END');
  });
});
