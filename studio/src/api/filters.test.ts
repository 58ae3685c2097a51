import { salesDoc } from '../testing/sales-doc.js';
import { getFieldType, registerFieldType, unregisterFieldType, type FieldTypeDefinition, type MetadataDocument } from '@trellis/metadata';
import { buildFilter, conditionToFilter, customFilterOf, customOperandReady, escapeLike, operatorLabel, uiOperatorsFor } from './filters.js';

describe('filter conditions', () => {
  const doc = salesDoc();

  it('maps scalar operators to the field filter and coerces numbers', () => {
    expect(conditionToFilter(doc, 'company', { field: 'employees', operator: 'gte', value: '10' })).toEqual({ employees: { gte: 10 } });
    expect(conditionToFilter(doc, 'opportunity', { field: 'amount', operator: 'lt', value: '5000' })).toEqual({ amount: { lt: 5000 } });
    expect(conditionToFilter(doc, 'opportunity', { field: 'stage', operator: 'in', value: ['new', 'won'] })).toEqual({ stage: { in: ['new', 'won'] } });
  });

  it('turns "contains" into an escaped ilike pattern and emptiness into isNull', () => {
    expect(conditionToFilter(doc, 'company', { field: 'name', operator: 'ilike', value: '50%_off' })).toEqual({
      name: { ilike: '%50\\%\\_off%' },
    });
    expect(conditionToFilter(doc, 'opportunity', { field: 'closeDate', operator: 'isEmpty' })).toEqual({ closeDate: { isNull: true } });
    expect(conditionToFilter(doc, 'opportunity', { field: 'closeDate', operator: 'isNotEmpty' })).toEqual({ closeDate: { isNull: false } });
  });

  it('filters a manyToOne through the target: by id, or by text in its display field', () => {
    expect(conditionToFilter(doc, 'opportunity', { field: 'company', operator: 'eq', value: 'c1' })).toEqual({ company: { id: { eq: 'c1' } } });
    expect(conditionToFilter(doc, 'opportunity', { field: 'company', operator: 'ilike', value: 'acme' })).toEqual({
      company: { name: { ilike: '%acme%' } },
    });
  });

  it('filters a toMany relation with some', () => {
    expect(conditionToFilter(doc, 'opportunity', { field: 'contacts', operator: 'eq', value: 'p1' })).toEqual({
      contacts: { some: { id: { eq: 'p1' } } },
    });
  });

  it('combines conditions and the search text with and, skipping conditions without a value', () => {
    expect(
      buildFilter(doc, 'opportunity', [
        { field: 'stage', operator: 'eq', value: 'won' },
        { field: 'name', operator: 'eq', value: '' },
      ], ' big '),
    ).toEqual({ and: [{ stage: { eq: 'won' } }, { name: { ilike: '%big%' } }] });
    expect(buildFilter(doc, 'opportunity', [], '')).toBeUndefined();
    expect(buildFilter(doc, 'opportunity', [{ field: 'stage', operator: 'eq', value: 'won' }])).toEqual({ stage: { eq: 'won' } });
  });

  it('offers isNull as two choices and hides like when ilike exists', () => {
    const text = { type: 'text', label: 'Name' };
    expect(uiOperatorsFor(text, ['eq', 'neq', 'like', 'ilike', 'isNull'])).toEqual(['eq', 'neq', 'ilike', 'isEmpty', 'isNotEmpty']);
    expect(operatorLabel('gt', 'date')).toBe('is after');
    expect(operatorLabel('gt', 'integer')).toBe('greater than');
    expect(escapeLike('a\\b')).toBe('a\\\\b');
  });
});

describe('filter operators a plugin type adds', () => {
  const spot: FieldTypeDefinition = {
    ...getFieldType('decimal'),
    name: 'filterSpot',
    filterOperators: ['isNull'],
    filters: {
      near: {
        label: 'is near',
        input: 'Float',
        operandSchema: { type: 'object', properties: { km: { type: 'number', title: 'Distance (km)' }, x: { type: 'number' } }, required: ['km', 'x'] },
        sql: () => 'TRUE',
      },
    },
  };
  const doc: MetadataDocument = {
    entities: { site: { label: 'Site', pluralLabel: 'Sites', plural: 'sites', fields: { where: { type: 'filterSpot', label: 'Where' } } } },
  };
  beforeAll(() => registerFieldType(spot));
  afterAll(() => unregisterFieldType('filterSpot'));

  it('offers them after the built-in ones, in the words the type gives', () => {
    const field = doc.entities['site']!.fields['where']!;
    expect(uiOperatorsFor(field, ['isNull'])).toEqual(['isEmpty', 'isNotEmpty', 'near']);
    expect(operatorLabel('near', 'filterSpot')).toBe('is near');
    expect(customFilterOf(field, 'near')?.label).toBe('is near');
    expect(customFilterOf(field, 'eq')).toBeUndefined();
  });

  it('is ready when every required operand property is given, and passes the operand object through', () => {
    const near = spot.filters!['near']!;
    expect(customOperandReady(near, { km: 5 })).toBe(false);
    expect(customOperandReady(near, { km: 5, x: Number.NaN })).toBe(false);
    expect(customOperandReady(near, { km: 5, x: 0 })).toBe(true);
    expect(buildFilter(doc, 'site', [{ field: 'where', operator: 'near', value: { km: 5, x: 0 } }])).toEqual({ where: { near: { km: 5, x: 0 } } });
  });
});
