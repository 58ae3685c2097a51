import { Ajv } from 'ajv';
import type { FieldDefinition } from '../types.js';
import { ratingFieldType as rating } from './rating.js';

const f = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'rating', label: 'Stars', ...extra });
const accepts = (field: FieldDefinition, value: unknown) => new Ajv({ strict: true }).validate(rating.jsonSchema(field), value);

describe('rating field type', () => {
  it('is a whole number of stars from 1 to max (default 5), stored in integer, GraphQL Int', () => {
    expect(rating.columns(f())).toEqual([{ suffix: '', sqlType: 'integer' }]);
    expect(rating.graphql(f())).toEqual({ output: 'Int', input: 'Int' });
    expect(rating.jsonSchema(f())).toEqual({ type: 'integer', minimum: 1, maximum: 5 });
    expect(accepts(f(), 5)).toBe(true);
    expect(accepts(f(), 6)).toBe(false);
    expect(accepts(f(), 0)).toBe(false);
    expect(accepts(f(), 2.5)).toBe(false);
    expect(accepts(f({ max: 10 }), 10)).toBe(true);
    expect(rating.properties).toEqual(['max']);
    expect(rating.widget).toBe('rating');
    expect(rating.sortable).toBe(true);
  });

  it('accepts a max of 3 to 10 stars only', () => {
    expect(rating.checkField!(f())).toEqual([]);
    expect(rating.checkField!(f({ max: 3 }))).toEqual([]);
    expect(rating.checkField!(f({ max: 10 }))).toEqual([]);
    for (const max of [2, 11, 4.5]) {
      expect(rating.checkField!(f({ max }))).toEqual([
        { property: 'max', code: 'rating-max-out-of-range', message: `max is the number of stars, a whole number from 3 to 10 (got ${max}).` },
      ]);
    }
  });

  it('converts numbers in range, rounding fractions; anything else becomes not rated', () => {
    expect(rating.convertFrom!({ type: 'integer', label: 'X' }, f({ max: 4 }), '"x"')).toBe(
      'CASE WHEN round("x") BETWEEN 1 AND 4 THEN (round("x"))::integer END',
    );
    expect(rating.convertFrom!({ type: 'text', label: 'X' }, f(), '"x"')).toBe(
      `CASE WHEN CASE WHEN btrim("x") ~ '^[0-9]{1,2}$' THEN btrim("x")::integer END BETWEEN 1 AND 5 THEN (CASE WHEN btrim("x") ~ '^[0-9]{1,2}$' THEN btrim("x")::integer END)::integer END`,
    );
    expect(rating.convertFrom!({ type: 'date', label: 'X' }, f(), '"x"')).toBeNull();
  });
});
