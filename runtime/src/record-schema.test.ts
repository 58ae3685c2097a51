import { validateDocument } from '@trellis/metadata';
import { recordJsonSchema, withNull, withoutEmpty } from './record-schema.js';
import { salesDocument } from './sales.fixture.js';

describe('recordJsonSchema', () => {
  const doc = salesDocument();

  it('has one property per writable field and refuses anything else', () => {
    const schema = recordJsonSchema(doc, 'company', 'create');
    expect(Object.keys(schema.properties as object)).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists required fields in create mode only', () => {
    expect(recordJsonSchema(doc, 'opportunity', 'create').required).toEqual(['name', 'stage']);
    expect(recordJsonSchema(doc, 'opportunity', 'update').required).toBeUndefined();
  });

  it('lets optional fields be null and keeps required ones from being null or empty', () => {
    const props = recordJsonSchema(doc, 'opportunity', 'update').properties as Record<string, Record<string, unknown>>;
    expect(props.name).toEqual({ type: 'string', minLength: 3, maxLength: 200, not: { enum: [''] } });
    expect(props.email).toEqual({ type: ['string', 'null'], format: 'email' });
    expect(props.stage).toEqual({ type: 'string', enum: ['new', 'qualified', 'won'], not: { enum: [''] } });
    expect(props.company).toEqual({ type: ['string', 'null'], format: 'uuid' });
    expect(props.tags).toMatchObject({ type: ['array', 'null'], uniqueItems: true });
  });

  it('builds property schemas from the registry, not from its own knowledge of types', () => {
    const props = recordJsonSchema(doc, 'opportunity', 'create').properties as Record<string, Record<string, unknown>>;
    expect(props.amount).toMatchObject({ type: ['object', 'null'], required: ['amount'] });
    expect(props.payload).toEqual({ anyOf: [{}, { type: 'null' }] });
  });

  it('throws a clear error for an unknown entity', () => {
    expect(() => recordJsonSchema(doc, 'invoice', 'create')).toThrow("Unknown entity 'invoice' (entities in this document: company, tag, opportunity)");
  });
});

describe('withNull', () => {
  it('adds null to an enum so an optional pick list can be cleared', () => {
    expect(withNull({ type: 'string', enum: ['a'] })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });

  it('wraps schemas whose type cannot simply be widened', () => {
    expect(withNull({ oneOf: [{ const: 'a' }] })).toEqual({ anyOf: [{ oneOf: [{ const: 'a' }] }, { type: 'null' }] });
    expect(withNull({ type: 'string', const: 'a' })).toEqual({ anyOf: [{ type: 'string', const: 'a' }, { type: 'null' }] });
  });
});

describe('withoutEmpty', () => {
  it('refuses an empty list for list values and keeps an existing `not`', () => {
    expect(withoutEmpty({ type: 'array' })).toEqual({ type: 'array', not: { enum: ['', []] } });
    expect(withoutEmpty({ type: 'string', not: { const: 'x' } })).toEqual({
      allOf: [{ type: 'string', not: { const: 'x' } }, { not: { enum: [''] } }],
    });
  });
});

describe('the test document', () => {
  it('is a valid metadata document', () => {
    expect(validateDocument(salesDocument())).toEqual([]);
  });
});
