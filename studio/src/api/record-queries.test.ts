import { getFieldType, registerFieldType, unregisterFieldType } from '@trellis/metadata';
import { salesDoc } from '../testing/sales-doc.js';
import {
  buildCreateMutation,
  buildDeleteMutation,
  buildListQuery,
  buildRecordQuery,
  buildRelatedQuery,
  buildUpdateMutation,
  displayFieldOf,
  fieldSelection,
  fromRecordNode,
  readOnlyFields,
  recordLabel,
  toRecordInput,
  writableFields,
} from './record-queries.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('field selections', () => {
  const doc = salesDoc();

  it('selects currency as amount and code, and a manyToOne as the target id and display field', () => {
    expect(fieldSelection(doc, 'opportunity', 'amount')).toBe('amount { amount currency }');
    expect(fieldSelection(doc, 'opportunity', 'company')).toBe('company { id name }');
  });

  it('selects the fields of the object type a plugin type declares (nested ones too)', () => {
    registerFieldType({
      ...getFieldType('json'),
      name: 'querySpot',
      graphql: () => ({ output: 'QuerySpot', input: 'JSON' }),
      graphqlTypes: [
        { name: 'QuerySpot', kind: 'object', fields: { lat: 'Float!', lng: 'Float!', accuracy: 'QueryAccuracy' } },
        { name: 'QueryAccuracy', kind: 'object', fields: { meters: 'Float' } },
      ],
    });
    try {
      const withSpot = salesDoc();
      withSpot.entities.company.fields['where'] = { type: 'querySpot', label: 'Where' };
      expect(fieldSelection(withSpot, 'company', 'where')).toBe('where { lat lng accuracy { meters } }');
    } finally {
      unregisterFieldType('querySpot');
    }
  });

  it('falls back to the first text field when an entity has no display field', () => {
    expect(displayFieldOf(doc.entities.person)).toBe('firstName');
    expect(fieldSelection(doc, 'opportunity', 'contacts')).toBe('contacts { id firstName }');
  });

  it('rejects fields the entity does not have', () => {
    expect(() => fieldSelection(doc, 'opportunity', 'nope')).toThrow(/opportunity\.nope/);
  });
});

describe('list query', () => {
  it('names the root field, filter and orderBy types from graphqlNames and passes paging as variables', () => {
    const op = buildListQuery(salesDoc(), 'opportunity', {
      fields: ['name', 'amount', 'company'],
      filter: { stage: { eq: 'won' } },
      orderBy: [{ field: 'amount', direction: 'desc' }],
      first: 50,
      after: 'abc',
    });
    expect(squash(op.query)).toContain(
      'query ListOpportunity($filter: OpportunityFilter, $orderBy: [OpportunityOrderBy!], $first: Int, $after: String, $last: Int, $before: String)',
    );
    expect(squash(op.query)).toContain('opportunities(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before)');
    expect(squash(op.query)).toContain('totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }');
    expect(squash(op.query)).toContain('edges { cursor node { id name amount { amount currency } company { id name } } }');
    expect(op.variables).toEqual({
      filter: { stage: { eq: 'won' } },
      orderBy: [{ field: 'amount', direction: 'DESC' }],
      first: 50,
      after: 'abc',
    });
  });

  it('uses the plural for the root field of irregular plurals', () => {
    expect(buildListQuery(salesDoc(), 'person', { fields: ['email'] }).query).toContain('people(filter:');
  });
});

describe('record query and mutations', () => {
  const doc = salesDoc();

  it('reads one record by id with timestamps', () => {
    const op = buildRecordQuery(doc, 'company', ['name', 'employees'], 'c1');
    expect(squash(op.query)).toBe('query GetCompany($id: ID!) { company(id: $id) { id createdAt updatedAt name employees } }');
    expect(op.variables).toEqual({ id: 'c1' });
  });

  it('creates, updates and deletes through the generated mutation names', () => {
    expect(squash(buildCreateMutation(doc, 'company', ['name'], { name: 'A' }).query)).toBe(
      'mutation CreateCompany($data: CompanyCreateInput!) { createCompany(data: $data) { id name } }',
    );
    const update = buildUpdateMutation(doc, 'company', ['name'], 'c1', { name: 'B' });
    expect(squash(update.query)).toBe('mutation UpdateCompany($id: ID!, $data: CompanyUpdateInput!) { updateCompany(id: $id, data: $data) { id name } }');
    expect(update.variables).toEqual({ id: 'c1', data: { name: 'B' } });
    expect(squash(buildDeleteMutation(doc, 'company', 'c1').query)).toBe('mutation DeleteCompany($id: ID!) { deleteCompany(id: $id) { id } }');
  });
});

describe('form values and API records', () => {
  const doc = salesDoc();

  it('turns relations into ids, blanks into null and fills the default currency', () => {
    const input = toRecordInput(doc, 'opportunity', {
      name: 'Deal',
      amount: { amount: '1200.5' },
      stage: '',
      company: { id: 'c1', name: 'Acme' },
      contacts: ['p1', { id: 'p2' }],
      tags: ['hot'],
      unknown: 'x',
    });
    expect(input).toEqual({
      name: 'Deal',
      amount: { amount: 1200.5, currency: 'EUR' },
      stage: null,
      company: 'c1',
      contacts: ['p1', 'p2'],
      tags: ['hot'],
    });
  });

  it('clears a currency whose amount is empty and never sends oneToMany relations', () => {
    expect(toRecordInput(doc, 'opportunity', { amount: { amount: '', currency: 'USD' } })).toEqual({ amount: null });
    expect(toRecordInput(doc, 'company', { name: 'A', opportunities: ['o1'] })).toEqual({ name: 'A' });
  });

  it('reads a node into form values and remembers the labels of referenced records', () => {
    const { values, labels } = fromRecordNode(doc, 'opportunity', {
      id: 'o1',
      name: 'Deal',
      stage: null,
      company: { id: 'c1', name: 'Acme' },
      contacts: [{ id: 'p1', firstName: 'Ada' }, { id: 'p2', firstName: null }],
    });
    expect(values).toEqual({ id: 'o1', name: 'Deal', company: 'c1', contacts: ['p1', 'p2'] });
    expect(labels).toEqual({ c1: 'Acme', p1: 'Ada', p2: 'p2' });
  });

  it('labels a record by its display field, or as untitled', () => {
    expect(recordLabel(doc, 'company', { id: 'c1', name: 'Acme' })).toBe('Acme');
    expect(recordLabel(doc, 'company', { id: 'c1', name: '' })).toBe('Untitled company');
  });
});

describe('related records', () => {
  it('reads a toMany relation of one record with the target fields', () => {
    const op = buildRelatedQuery(salesDoc(), 'company', 'c1', 'opportunities', ['name', 'amount']);
    expect(squash(op.query)).toBe(
      'query RelatedCompany($id: ID!, $first: Int) { company(id: $id) { id opportunities(first: $first) { id name amount { amount currency } } } }',
    );
    expect(op.variables).toEqual({ id: 'c1', first: 50 });
  });

  it('refuses a field that is not a toMany relation', () => {
    expect(() => buildRelatedQuery(salesDoc(), 'opportunity', 'o1', 'company', ['name'])).toThrow(/not a toMany/);
  });
});

describe('read-only field types', () => {
  const doc = salesDoc();
  doc.entities.opportunity!.fields.number = { type: 'autoNumber', label: 'Number', prefix: 'O-' };
  doc.entities.opportunity!.fields.stars = { type: 'rating', label: 'Stars' };

  it('never sends an auto-number, but fetches it to show it', () => {
    expect(writableFields(doc.entities.opportunity!)).not.toContain('number');
    expect(writableFields(doc.entities.opportunity!)).toContain('stars');
    expect(readOnlyFields(doc.entities.opportunity!)).toEqual(['number']);
    expect(writableFields(doc.entities.company!)).not.toContain('opportunities');
    expect(toRecordInput(doc, 'opportunity', { name: 'x', number: 'O-1', stars: 4 })).toEqual({ name: 'x', stars: 4 });
  });
});
