import { changeSentences, componentsByPack, countRows, countSummary, dataLossRows, parseOrigin, pathInWords, totalCount } from './pack-words.js';

describe('pathInWords', () => {
  it('says where a merge path points, capitalized', () => {
    expect(pathInWords('/entities/case/fields/priority/label')).toBe('The label of field priority of entity case');
    expect(pathInWords('/entities/case')).toBe('Entity case');
    expect(pathInWords('/workflows/escalate/steps/notify/title')).toBe('The title of step notify of workflow escalate');
    expect(pathInWords('')).toBe('The document');
  });
});

describe('countRows', () => {
  it('reads a map of entity counts, dropping zeros', () => {
    expect(countRows({ case: 12, article: 0, survey: 1 })).toEqual([
      { label: 'case', count: 12 },
      { label: 'survey', count: 1 },
    ]);
  });

  it('reads counts per pack', () => {
    expect(countRows({ 'b2b-sales': { account: 3 }, service: { case: 5 } })).toEqual([
      { label: 'b2b-sales: account', count: 3 },
      { label: 'service: case', count: 5 },
    ]);
  });

  it('reads entity rows with field losses, and lists of rows', () => {
    expect(countRows({ case: { rows: 7, fields: { sla: 3 } }, article: { fields: { body: 2 } } })).toEqual([
      { label: 'case', count: 7 },
      { label: 'case.sla', count: 3 },
      { label: 'article.body', count: 2 },
    ]);
    expect(countRows([{ entity: 'case', rows: 4 }, { entity: 'case', field: 'sla', rows: 2 }, { entity: 'x', rows: 0 }, 'junk'])).toEqual([
      { label: 'case', count: 4 },
      { label: 'case.sla', count: 2 },
    ]);
  });

  it('is empty for nothing', () => {
    expect(countRows(null)).toEqual([]);
    expect(countRows(undefined)).toEqual([]);
    expect(totalCount(countRows({ a: 2, b: 3 }))).toBe(5);
  });
});

describe('dataLossRows', () => {
  it('reads the server\'s rows per entity and values per field', () => {
    const rows = dataLossRows({ entities: { case: 12, article: 0 }, fields: { 'account.tier': 3 } });
    expect(rows).toEqual([
      { label: 'case', count: 12, noun: 'row' },
      { label: 'account.tier', count: 3, noun: 'value' },
    ]);
    expect(countSummary(rows, 'row')).toBe('12 rows and 3 values');
    expect(countSummary(dataLossRows({ entities: {}, fields: {} }), 'row')).toBe('');
    expect(dataLossRows({ case: 2 })).toEqual([{ label: 'case', count: 2 }]);
  });
});

describe('changeSentences', () => {
  it('says what an uninstall removes', () => {
    expect(changeSentences({ removed: ['/entities/case', '/entities/account/fields/tier', '/workflows/escalate'] })).toEqual([
      'Removes entity case',
      'Removes field tier of entity account',
      'Removes workflow escalate',
    ]);
  });

  it('uses the merge\'s messages, plain strings, or the metadata diff', () => {
    expect(changeSentences([{ path: '/entities/case/fields/sla', kind: 'added', outcome: 'applied', message: 'The pack adds field sla of entity case.' }])).toEqual([
      'The pack adds field sla of entity case.',
    ]);
    expect(changeSentences(['Removes entity case'])).toEqual(['Removes entity case']);
    expect(changeSentences([{ kind: 'addEntity', entity: 'case' }])).toEqual(['Added entity case']);
    expect(changeSentences(null)).toEqual([]);
  });
});

describe('component origins', () => {
  it('groups the components by pack', () => {
    expect(parseOrigin('@acme/service@1.2.0')).toEqual({ pack: '@acme/service', version: '1.2.0' });
    expect(parseOrigin('service')).toEqual({ pack: 'service', version: '' });
    const groups = componentsByPack({ '/entities/case': 'service@1.0.0', '/entities/account': 'b2b-sales@1.0.0', '/entities/article': 'service@1.0.0' });
    expect(groups.get('service')).toEqual(['/entities/article', '/entities/case']);
    expect(groups.get('b2b-sales')).toEqual(['/entities/account']);
  });
});
