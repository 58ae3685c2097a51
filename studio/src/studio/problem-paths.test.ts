import { parseProblemPath, problemsForField } from './problem-paths.js';

describe('problem paths', () => {
  it('finds entity, field and the rest in a JSON pointer', () => {
    expect(parseProblemPath('/entities/opportunity/fields/amount/min')).toEqual({ entity: 'opportunity', field: 'amount', rest: ['min'] });
    expect(parseProblemPath('/entities/opportunity/layouts/form/sections/0')).toEqual({
      entity: 'opportunity',
      rest: ['layouts', 'form', 'sections', '0'],
    });
    expect(parseProblemPath('/workflows')).toEqual({ rest: ['workflows'] });
    expect(parseProblemPath('')).toEqual({ rest: [] });
  });

  it('accepts dotted paths and escaped pointer segments', () => {
    expect(parseProblemPath('entities.deal.fields.name')).toEqual({ entity: 'deal', field: 'name', rest: [] });
    expect(parseProblemPath('/entities/a~1b/fields/c~0d')).toEqual({ entity: 'a/b', field: 'c~d', rest: [] });
  });

  it('selects the problems of one field', () => {
    const problems = [
      { path: '/entities/deal/fields/name', message: 'x', code: 'a' },
      { path: '/entities/deal', message: 'y', code: 'b' },
    ];
    expect(problemsForField(problems, 'deal', 'name')).toEqual([problems[0]]);
  });
});
