import { integerFieldType, registerFieldType, unregisterFieldType, type MetadataDocument } from '@trellis/metadata';
import { compileRecordValidator } from './validate-record.js';
import { salesDocument, UUID } from './sales.fixture.js';

const doc = salesDocument();
const validate = compileRecordValidator(doc, 'opportunity');
const base = { name: 'Website relaunch', stage: 'new' };
const create = (values: Record<string, unknown>) => validate({ ...base, ...values }, { mode: 'create' });
const messages = (values: Record<string, unknown>) => create(values).map((e) => e.message);

describe('compileRecordValidator', () => {
  it('accepts a record with every field type filled in', () => {
    expect(
      create({
        description: 'Line one\nline two',
        quantity: 3,
        weight: 1.25,
        amount: { amount: 1200.5, currency: 'EUR' },
        probability: 12.5,
        hot: false,
        closeDate: '2026-01-31',
        nextCall: '2026-01-31T14:30:00Z',
        channels: ['web', 'phone'],
        email: 'ada@example.com',
        phone: '+1 (555) 010-0199',
        website: 'https://example.com/about',
        payload: { source: 'import', rows: [1, 2] },
        company: UUID,
        tags: [UUID],
      }),
    ).toEqual([]);
  });

  it('accepts null for every optional field (clearing it)', () => {
    const cleared = Object.fromEntries(
      ['description', 'quantity', 'weight', 'amount', 'probability', 'hot', 'closeDate', 'nextCall', 'channels', 'email', 'phone', 'website', 'payload', 'company', 'tags'].map((f) => [f, null]),
    );
    expect(create(cleared)).toEqual([]);
  });

  it('accepts a currency value without a currency code (the field default applies)', () => {
    expect(create({ amount: { amount: 0 } })).toEqual([]);
  });

  it('caches the validator per document object and entity', () => {
    expect(compileRecordValidator(doc, 'opportunity')).toBe(validate);
    expect(compileRecordValidator(salesDocument(), 'opportunity')).not.toBe(validate);
  });

  describe('required fields', () => {
    it('reports each missing required field in create mode', () => {
      expect(validate({}, { mode: 'create' })).toEqual([
        { field: 'name', message: 'Name is required' },
        { field: 'stage', message: 'Stage is required' },
      ]);
    });

    it('counts an empty string as missing', () => {
      expect(create({ name: '', stage: '' })).toEqual([
        { field: 'name', message: 'Name is required' },
        { field: 'stage', message: 'Stage is required' },
      ]);
    });

    it('lets update mode omit required fields but not clear them', () => {
      expect(validate({ hot: true }, { mode: 'update' })).toEqual([]);
      expect(validate({ name: null, stage: '' }, { mode: 'update' })).toEqual([
        { field: 'name', message: 'Name is required' },
        { field: 'stage', message: 'Stage is required' },
      ]);
    });
  });

  describe('messages per field type', () => {
    it.each([
      ['text too long', { name: 'x'.repeat(201) }, 'Name must be at most 200 characters'],
      ['text too short', { name: 'ab' }, 'Name must be at least 3 characters'],
      ['text not a string', { name: 42 }, 'Name must be text'],
      ['long text too long', { description: 'x'.repeat(2001) }, 'Description must be at most 2000 characters'],
      ['integer with decimals', { quantity: 1.5 }, 'Quantity must be a whole number'],
      ['integer below min', { quantity: 0 }, 'Quantity must be at least 1'],
      ['integer above max', { quantity: 1001 }, 'Quantity must be at most 1000'],
      ['decimal as text', { weight: '1.5' }, 'Weight must be a number'],
      ['decimal below min', { weight: -0.5 }, 'Weight must be at least 0'],
      ['currency below min', { amount: { amount: -1 } }, 'Amount must be at least 0'],
      ['currency amount as text', { amount: { amount: '12' } }, 'Amount must be a number'],
      ['currency as a bare number', { amount: 12 }, 'Amount must be an object with amount and currency'],
      ['currency without amount', { amount: { currency: 'USD' } }, 'Amount is missing its amount'],
      ['currency with a bad code', { amount: { amount: 1, currency: 'usd' } }, 'Amount currency must match the pattern ^[A-Z]{3}$'],
      ['currency with an extra key', { amount: { amount: 1, cents: 5 } }, "Amount has no property 'cents'"],
      ['percent above max', { probability: 100.5 }, 'Probability must be at most 100'],
      ['percent as text', { probability: '50%' }, 'Probability must be a number'],
      ['boolean as text', { hot: 'yes' }, 'Hot must be true or false'],
      ['date in another format', { closeDate: '31/01/2026' }, 'Close date must be a date like 2026-01-31'],
      ['date that does not exist', { closeDate: '2026-02-30' }, 'Close date must be a date like 2026-01-31'],
      ['date as a number', { closeDate: 20260131 }, 'Close date must be a date like 2026-01-31'],
      ['date-time without time zone', { nextCall: '2026-01-31T14:30:00' }, 'Next call must be a date and time like 2026-01-31T14:30:00Z'],
      ['select value not an option', { stage: 'lost' }, 'Stage must be one of: New, Qualified, Won'],
      ['select given a label', { stage: 'Won' }, 'Stage must be one of: New, Qualified, Won'],
      ['multi-select with an unknown option', { channels: ['web', 'fax'] }, 'Channels item 2 must be one of: Web, Phone'],
      ['multi-select with a repeated option', { channels: ['web', 'web'] }, 'Channels must not contain the same value twice'],
      ['multi-select given one value', { channels: 'web' }, 'Channels must be a list'],
      ['email', { email: 'ada-at-example.com' }, 'Email must be a valid email address'],
      ['phone', { phone: 'call me' }, 'Phone must be a phone number such as +1 (555) 010-0199'],
      ['url without scheme', { website: 'example.com' }, 'Website must be a valid URL like https://example.com'],
      ['manyToOne not an id', { company: 'Acme' }, 'Company must be the id of a Company record'],
      ['manyToOne given an object', { company: { id: UUID } }, 'Company must be the id of a Company record'],
      ['manyToMany with a bad id', { tags: [UUID, 'x'] }, 'Tags item 2 must be the id of a Tag record'],
      ['manyToMany with a repeated id', { tags: [UUID, UUID] }, 'Tags must not contain the same value twice'],
      ['unknown field', { foo: 1 }, "Unknown field 'foo' — Opportunity has no such field"],
      ['system field', { createdAt: '2026-01-01T00:00:00Z' }, 'Created at is set by the system and cannot be written'],
    ])('%s', (_case, values, message) => {
      expect(messages(values)).toEqual([message]);
    });

    it('explains that a oneToMany relation is written from the other side', () => {
      const errors = compileRecordValidator(doc, 'company')({ name: 'Acme', opportunities: [UUID] }, { mode: 'create' });
      expect(errors).toEqual([
        { field: 'opportunities', message: 'Opportunities cannot be written here: set Company on each Opportunity instead' },
      ]);
    });

    it('accepts any JSON value in a json field', () => {
      for (const payload of [1, 'x', true, [1], { a: { b: null } }]) expect(create({ payload })).toEqual([]);
    });
  });

  it('reports all problems at once, in field order, one message per problem', () => {
    expect(validate({ stage: 'x', foo: 1, amount: { amount: -1 }, name: 'x'.repeat(300) }, { mode: 'create' })).toEqual([
      { field: 'name', message: 'Name must be at most 200 characters' },
      { field: 'amount', message: 'Amount must be at least 0' },
      { field: 'stage', message: 'Stage must be one of: New, Qualified, Won' },
      { field: 'foo', message: "Unknown field 'foo' — Opportunity has no such field" },
    ]);
  });

  it('refuses values that are not an object', () => {
    expect(validate([] as unknown as Record<string, unknown>, { mode: 'create' })).toEqual([
      { field: '', message: "A record's values must be an object of field values" },
    ]);
  });

  it('throws for an entity the document does not have', () => {
    expect(() => compileRecordValidator(doc, 'invoice')).toThrow(/Unknown entity 'invoice'/);
  });

  it('treats an empty list as missing for a required list field, but false as a value', () => {
    const small: MetadataDocument = {
      entities: {
        lead: {
          label: 'Lead',
          pluralLabel: 'Leads',
          plural: 'leads',
          fields: {
            interests: { type: 'multiSelect', label: 'Interests', required: true, options: [{ value: 'a', label: 'A' }] },
            consent: { type: 'boolean', label: 'Consent', required: true },
          },
        },
      },
    };
    const check = compileRecordValidator(small, 'lead');
    expect(check({ interests: [], consent: false }, { mode: 'create' })).toEqual([{ field: 'interests', message: 'Interests is required' }]);
    expect(check({ interests: ['a'], consent: null }, { mode: 'update' })).toEqual([{ field: 'consent', message: 'Consent is required' }]);
  });

  it('validates a field type a plugin registered, through its registry entry', () => {
    registerFieldType({
      ...integerFieldType,
      name: 'mood',
      label: 'Mood',
      description: 'One to five smiles.',
      jsonSchema: () => ({ type: 'integer', minimum: 1, maximum: 5 }),
    });
    try {
      const rated: MetadataDocument = {
        entities: { review: { label: 'Review', pluralLabel: 'Reviews', plural: 'reviews', fields: { stars: { type: 'mood', label: 'Stars' } } } },
      };
      const check = compileRecordValidator(rated, 'review');
      expect(check({ stars: 4 }, { mode: 'create' })).toEqual([]);
      expect(check({ stars: 6 }, { mode: 'create' })).toEqual([{ field: 'stars', message: 'Stars must be at most 5' }]);
    } finally {
      unregisterFieldType('mood');
    }
  });

  it('names the titled parts of a plugin type\'s compound value (a point\'s latitude), even required ones', () => {
    registerFieldType({
      ...integerFieldType,
      name: 'spot',
      label: 'Spot',
      columns: () => [{ suffix: '', sqlType: 'double precision' }, { suffix: '_lng', sqlType: 'double precision' }],
      jsonSchema: () => ({
        type: 'object',
        properties: { lat: { type: 'number', maximum: 90, title: 'Latitude' }, lng: { type: 'number', title: 'Longitude' } },
        required: ['lat', 'lng'],
        additionalProperties: false,
      }),
    });
    try {
      const doc: MetadataDocument = {
        entities: { site: { label: 'Site', pluralLabel: 'Sites', plural: 'sites', fields: { where: { type: 'spot', label: 'Location' } } } },
      };
      const check = compileRecordValidator(doc, 'site');
      expect(check({ where: { lat: 95, lng: 1 } }, { mode: 'create' })).toEqual([{ field: 'where', message: 'Location latitude must be at most 90' }]);
      expect(check({ where: { lat: 45 } }, { mode: 'create' })).toEqual([{ field: 'where', message: 'Location is missing its longitude' }]);
    } finally {
      unregisterFieldType('spot');
    }
  });
});
