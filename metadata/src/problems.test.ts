import { describeLocation, entityEntries, pointer, segmentsOf, sortProblems } from './problems.js';

describe('problem helpers', () => {
  it('builds and splits JSON pointers, escaping ~ and /', () => {
    expect(pointer('entities', 'a/b', 'fields', 'x~y', 0)).toBe('/entities/a~1b/fields/x~0y/0');
    expect(segmentsOf('/entities/a~1b/fields/x~0y/0')).toEqual(['entities', 'a/b', 'fields', 'x~y', '0']);
    expect(segmentsOf('')).toEqual([]);
  });

  it('describes where a path points', () => {
    expect(describeLocation('')).toBe('the document');
    expect(describeLocation('/entities/deal')).toBe('entity deal');
    expect(describeLocation('/entities/deal/fields/amount/min')).toBe('field deal.amount');
    expect(describeLocation('/entities/deal/layouts/list/columns/0')).toBe('the layouts of entity deal');
    expect(describeLocation('/workflows/followUp/maxDepth')).toBe('workflow "followUp"');
    expect(describeLocation('/workflows/followUp/trigger/cron')).toBe('the trigger of workflow "followUp"');
  });

  it('names workflow steps for people: by label, else key, else place counted from 1', () => {
    const doc = {
      workflows: {
        followUp: { steps: [{ key: 'makeTask', type: 'createTask' }, { type: 'notify' }, { key: 'big', label: 'Big deal?', type: 'if', then: [{ type: 'notify' }, { key: 'tell', type: 'notify' }] }] },
      },
    };
    expect(describeLocation('/workflows/followUp/steps/0/title', doc)).toBe('step "makeTask" of workflow "followUp"');
    expect(describeLocation('/workflows/followUp/steps/1', doc)).toBe('step 2 of workflow "followUp"');
    expect(describeLocation('/workflows/followUp/steps/2/condition', doc)).toBe('step "Big deal?" of workflow "followUp"');
    expect(describeLocation('/workflows/followUp/steps/2/then/1/title', doc)).toBe('step "tell" of workflow "followUp"');
    expect(describeLocation('/workflows/followUp/steps/2/then/0/title', doc)).toBe('step 1 of the "then" steps of step "Big deal?" of workflow "followUp"');
    expect(describeLocation('/workflows/followUp/steps/2/then/0/values/amount')).toBe('step 1 of the "then" steps of step 3 of workflow "followUp"');
  });

  it('skips entities that are not objects with a fields map', () => {
    expect(entityEntries({ entities: { a: { fields: {} }, b: 3, c: { fields: [] } } }).map(([n]) => n)).toEqual(['a']);
    expect(entityEntries(null)).toEqual([]);
  });

  it('sorts problems by path, then code', () => {
    const p = (path: string, code: string) => ({ path, code, message: '' });
    expect(sortProblems([p('/b', 'x'), p('/a', 'z'), p('/a', 'y')])).toEqual([p('/a', 'y'), p('/a', 'z'), p('/b', 'x')]);
  });
});
