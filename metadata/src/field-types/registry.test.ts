import { Ajv } from 'ajv';
import { addFormats } from '../formats.js';
import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition } from './field-type.js';
import {
  BUILT_IN_FIELD_TYPES,
  findFieldType,
  getFieldType,
  listFieldTypes,
  registerFieldType,
  unregisterFieldType,
} from './registry.js';

const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
const field = (type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type, label: 'F', ...extra });
const accepts = (f: FieldDefinition, value: unknown) => ajv.validate(getFieldType(f.type).jsonSchema(f), value);

describe('field-type registry', () => {
  it('pre-registers the built-in types in picker order', () => {
    expect(listFieldTypes().map((t) => t.name)).toEqual([
      'text', 'longText', 'integer', 'decimal', 'currency', 'percent', 'boolean', 'date', 'dateTime',
      'select', 'multiSelect', 'email', 'phone', 'url', 'json', 'relation', 'autoNumber', 'rating', 'richText', 'duration',
      'formula', 'rollup',
    ]);
  });

  it('getFieldType throws a clear error for an unknown type, findFieldType returns undefined', () => {
    expect(() => getFieldType('mood')).toThrow(/Unknown field type "mood"\. Known types: text, longText/);
    expect(findFieldType('mood')).toBeUndefined();
    expect(findFieldType('text')?.name).toBe('text');
  });

  it('registers a plugin type once and refuses a duplicate name', () => {
    const mood: FieldTypeDefinition = { ...getFieldType('integer'), name: 'mood', label: 'Mood' };
    registerFieldType(mood);
    try {
      expect(getFieldType('mood')).toBe(mood);
      expect(listFieldTypes().at(-1)).toBe(mood);
      expect(() => registerFieldType(mood)).toThrow(/already registered/);
      expect(() => registerFieldType({ ...mood, name: 'text' })).toThrow(/"text" is already registered/);
    } finally {
      unregisterFieldType('mood');
    }
    expect(findFieldType('mood')).toBeUndefined();
    expect(() => unregisterFieldType('text')).toThrow(/built in/);
  });

  it('refuses a type name that is not camelCase', () => {
    expect(() => registerFieldType({ ...getFieldType('text'), name: 'My Type' })).toThrow(/camelCase/);
  });

  it.each([
    ['text', {}, [['', 'text']], 'String', 'String'],
    ['longText', {}, [['', 'text']], 'String', 'String'],
    ['integer', {}, [['', 'integer']], 'Int', 'Int'],
    ['decimal', {}, [['', 'numeric(18,2)']], 'Float', 'Float'],
    ['decimal', { scale: 4 }, [['', 'numeric(18,4)']], 'Float', 'Float'],
    ['currency', {}, [['', 'numeric(18,2)'], ['_currency', 'char(3)']], 'Money', 'MoneyInput'],
    ['percent', {}, [['', 'numeric(9,4)']], 'Float', 'Float'],
    ['boolean', {}, [['', 'boolean']], 'Boolean', 'Boolean'],
    ['date', {}, [['', 'date']], 'Date', 'Date'],
    ['dateTime', {}, [['', 'timestamptz']], 'DateTime', 'DateTime'],
    ['select', {}, [['', 'text']], 'String', 'String'],
    ['multiSelect', {}, [['', 'jsonb']], '[String!]', '[String!]'],
    ['email', {}, [['', 'text']], 'String', 'String'],
    ['phone', {}, [['', 'text']], 'String', 'String'],
    ['url', {}, [['', 'text']], 'String', 'String'],
    ['json', {}, [['', 'jsonb']], 'JSON', 'JSON'],
    ['relation', { target: 'company', cardinality: 'manyToOne' }, [['_id', 'uuid']], 'Company', 'ID'],
    ['relation', { target: 'tag', cardinality: 'manyToMany' }, [], '[Tag!]', '[ID!]'],
    ['relation', { target: 'contact', cardinality: 'oneToMany', inverse: 'company' }, [], '[Contact!]', ''],
  ] as const)('%s %j is stored in %j and typed %s / %s in GraphQL', (type, extra, columns, output, input) => {
    const f = field(type, extra as Partial<FieldDefinition>);
    const def = getFieldType(type);
    expect(def.columns(f).map((c) => [c.suffix, c.sqlType])).toEqual(columns);
    expect(def.graphql(f)).toEqual({ output, input });
  });

  it('every built-in type has a label, description, widget and a JSON Schema ajv compiles in strict mode', () => {
    for (const def of BUILT_IN_FIELD_TYPES) {
      expect(def.label).not.toBe('');
      expect(def.description).toMatch(/\.$/);
      expect(def.widget).not.toBe('');
      const f = field(def.name, { options: [{ value: 'a', label: 'A' }], target: 'x', cardinality: 'manyToOne' });
      expect(() => ajv.compile(def.jsonSchema(f))).not.toThrow();
    }
  });

  it('text-like schemas carry minLength/maxLength and their formats', () => {
    expect(getFieldType('text').jsonSchema(field('text', { minLength: 2, maxLength: 10 }))).toEqual({
      type: 'string', minLength: 2, maxLength: 10,
    });
    expect(getFieldType('email').jsonSchema(field('email'))).toEqual({ type: 'string', format: 'email' });
    expect(getFieldType('url').jsonSchema(field('url'))).toEqual({ type: 'string', format: 'uri' });
    expect(getFieldType('date').jsonSchema(field('date'))).toEqual({ type: 'string', format: 'date' });
    expect(getFieldType('dateTime').jsonSchema(field('dateTime'))).toEqual({ type: 'string', format: 'date-time' });
  });

  it('number schemas honour min/max and the column range', () => {
    expect(getFieldType('integer').jsonSchema(field('integer', { min: 0 }))).toEqual({
      type: 'integer', minimum: 0, maximum: 2147483647,
    });
    expect(accepts(field('integer'), 1.5)).toBe(false);
    expect(accepts(field('decimal', { min: 0, max: 10 }), 10)).toBe(true);
    expect(accepts(field('decimal', { min: 0, max: 10 }), 10.01)).toBe(false);
    expect(accepts(field('decimal'), 9.99e15)).toBe(true);
    expect(accepts(field('decimal'), 1e16)).toBe(false);
    expect(accepts(field('percent'), 12.5)).toBe(true);
    expect(accepts(field('percent'), 100000)).toBe(false);
  });

  it('currency is an object with a required amount and an ISO currency code', () => {
    const f = field('currency', { min: 0 });
    expect(getFieldType('currency').jsonSchema(f)).toMatchObject({
      type: 'object',
      required: ['amount'],
      additionalProperties: false,
      properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
    });
    expect(accepts(f, { amount: 10, currency: 'EUR' })).toBe(true);
    expect(accepts(f, { amount: 10 })).toBe(true);
    expect(accepts(f, { amount: -1 })).toBe(false);
    expect(accepts(f, { amount: 10, currency: 'eur' })).toBe(false);
    expect(accepts(f, { currency: 'EUR' })).toBe(false);
    expect(getFieldType('currency').columns(field('currency', { defaultCurrency: 'EUR' }))[1]?.backfill).toBe("'EUR'");
  });

  it('select is an enum of option values; multiSelect a unique array of them', () => {
    const options = [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }];
    expect(getFieldType('select').jsonSchema(field('select', { options }))).toEqual({ type: 'string', enum: ['new', 'won'] });
    expect(getFieldType('multiSelect').jsonSchema(field('multiSelect', { options }))).toEqual({
      type: 'array', items: { type: 'string', enum: ['new', 'won'] }, uniqueItems: true,
    });
    expect(accepts(field('multiSelect', { options }), ['new', 'new'])).toBe(false);
    expect(accepts(field('select', { options }), 'lost')).toBe(false);
  });

  it('phone accepts plausible numbers only', () => {
    for (const ok of ['+1 (555) 010-0199', '555-0100', '+44 20 7946 0958']) expect(accepts(field('phone'), ok)).toBe(true);
    for (const bad of ['12', 'call me', '+1 555 0100 0100 0100 0100']) expect(accepts(field('phone'), bad)).toBe(false);
  });

  it('relations take uuids: one for manyToOne, a unique array for manyToMany', () => {
    const id = '0b8f7c1e-8d7a-4f4e-9d5b-2f1c3a4b5c6d';
    expect(getFieldType('relation').jsonSchema(field('relation', { cardinality: 'manyToOne' }))).toEqual({
      type: 'string', format: 'uuid',
    });
    expect(accepts(field('relation', { cardinality: 'manyToOne' }), id)).toBe(true);
    expect(accepts(field('relation', { cardinality: 'manyToOne' }), 'abc')).toBe(false);
    expect(accepts(field('relation', { cardinality: 'manyToMany' }), [id])).toBe(true);
    expect(accepts(field('relation', { cardinality: 'manyToMany' }), [id, id])).toBe(false);
  });

  it('declares filter operators and sortability per type', () => {
    expect(getFieldType('text').filterOperators).toEqual(['eq', 'neq', 'in', 'notIn', 'like', 'ilike', 'isNull']);
    expect(getFieldType('multiSelect').filterOperators).toEqual(['containsAny', 'containsAll', 'isNull']);
    expect(getFieldType('relation').filterOperators).toEqual([]);
    const sortable = listFieldTypes().filter((t) => t.sortable).map((t) => t.name);
    expect(sortable).toEqual([
      'text', 'integer', 'decimal', 'currency', 'percent', 'boolean', 'date', 'dateTime', 'select', 'email', 'phone', 'url',
      'autoNumber', 'rating', 'duration', 'formula', 'rollup',
    ]);
  });
});

describe('plugin field types: declared GraphQL types and filters', () => {
  const point = (extra: Partial<FieldTypeDefinition> = {}): FieldTypeDefinition => ({
    ...getFieldType('decimal'),
    name: 'spot',
    label: 'Spot',
    graphqlTypes: [{ name: 'Spot', kind: 'object', fields: { x: 'Float!' } }],
    filters: { near: { label: 'is near', input: 'Float', operandSchema: { type: 'number' }, sql: (c) => `${c['value']} > 0` } },
    ...extra,
  });
  afterEach(() => {
    for (const name of ['spot', 'spot2']) if (findFieldType(name)) unregisterFieldType(name);
  });

  it('lists the GraphQL types registered types declare', async () => {
    const { declaredGraphQLTypes } = await import('./registry.js');
    registerFieldType(point());
    expect(declaredGraphQLTypes().map((t) => t.name)).toEqual(['Spot']);
  });

  it('refuses a filter named like a built-in operator or a boolean combinator', () => {
    expect(() => registerFieldType(point({ filters: { eq: point().filters!['near']! } }))).toThrow(/filter "eq" must be a camelCase name other than the built-in operators \(eq, neq/);
    expect(() => registerFieldType(point({ filters: { and: point().filters!['near']! } }))).toThrow(/filter "and"/);
    expect(findFieldType('spot')).toBeUndefined();
  });

  it('refuses a GraphQL type another registered type already declares, naming it', () => {
    registerFieldType(point());
    expect(() => registerFieldType(point({ name: 'spot2' }))).toThrow('Field type "spot2": GraphQL type "Spot" is already declared by field type "spot"; choose another name.');
    expect(() => registerFieldType(point({ name: 'spot2', graphqlTypes: [{ name: 'spot', kind: 'input', fields: {} }] }))).toThrow(/must be PascalCase/);
  });
});
