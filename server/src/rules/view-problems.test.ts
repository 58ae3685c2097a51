import type { MetadataDocument } from '@trellis/metadata';
import { viewEnumName, viewProblems } from './view-problems.js';
import { ruleDocument } from './testing/rule-fixture.js';

const withViews = (views: NonNullable<MetadataDocument['entities'][string]['views']>): MetadataDocument => {
  const doc = ruleDocument();
  doc.entities['deal']!.views = views;
  return doc;
};

describe('viewProblems', () => {
  it('accepts views whose filters compile and whose sort fields are sortable', () => {
    expect(viewProblems(ruleDocument())).toEqual([]);
  });

  it('refuses a view filter the SQL compiler cannot run, with its path and the compiler message', () => {
    const problems = viewProblems(withViews({ mine: { label: 'Mine', filter: { '>': [{ var: 'record.title' }, 3] } } }));
    expect(problems).toEqual([
      {
        path: '/entities/deal/views/mine/filter',
        code: 'view-filter-not-compilable',
        message: expect.stringContaining('The filter of view "Mine" cannot run as SQL: Operator ">" between record.title and 3'),
      },
    ]);
  });

  it('refuses sorting by a field that cannot be sorted, and view names that are no GraphQL enum value', () => {
    const problems = viewProblems(withViews({ null: { label: 'Tagged', sort: [{ field: 'tags', direction: 'asc' }] } }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/entities/deal/views/null', 'invalid-view-name'],
      ['/entities/deal/views/null/sort/0/field', 'view-sort-not-sortable'],
    ]);
  });

  it('refuses views whose enum name another generated type already has', () => {
    const doc = ruleDocument();
    doc.entities['dealView'] = { label: 'Deal view', pluralLabel: 'Deal views', plural: 'dealViews', fields: {} };
    expect(viewEnumName('deal')).toBe('DealView');
    expect(viewProblems(doc)).toEqual([expect.objectContaining({ path: '/entities/deal/views', code: 'graphql-name-collision' })]);
  });
});
