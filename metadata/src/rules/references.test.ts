import { validateDocument } from '../validate-document.js';
import { findReferences, listReferences } from './references.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules-document.fixture.js';

ensureComputedFieldTypes();

describe('findReferences', () => {
  it('lists every use of a field in its own entity, with paths and descriptions', () => {
    expect(findReferences(rulesDocument(), 'opportunity', 'closeDate')).toEqual([
      { kind: 'condition', path: '/entities/opportunity/layouts/form/conditions/closeDate', description: 'form conditions of closeDate', component: 'form conditions of closeDate' },
      { kind: 'layout', path: '/entities/opportunity/layouts/form/sections/0/fields/3', description: 'the form layout (section "Deal")', component: 'form layout' },
      { kind: 'listLayout', path: '/entities/opportunity/layouts/list/columns/2', description: 'the list layout (columns)', component: 'list layout' },
      { kind: 'listLayout', path: '/entities/opportunity/layouts/list/sort/0/field', description: 'the list layout (sort)', component: 'list layout' },
      { kind: 'rule', path: '/entities/opportunity/rules/closeDateWhenWon/fields/0', description: 'rule closeDateWhenWon (fields)', component: 'rule closeDateWhenWon' },
      { kind: 'rule', path: '/entities/opportunity/rules/closeDateWhenWon/invalidWhen/and/1/!/var', description: 'rule closeDateWhenWon (invalidWhen)', component: 'rule closeDateWhenWon' },
      { kind: 'view', path: '/entities/opportunity/views/myOpenDeals/columns/1', description: 'view myOpenDeals (columns)', component: 'view myOpenDeals' },
      { kind: 'view', path: '/entities/opportunity/views/myOpenDeals/sort/0/field', description: 'view myOpenDeals (sort)', component: 'view myOpenDeals' },
    ]);
  });

  it('finds uses from other entities: formulas and rules through a manyToOne, roll-ups over a relation', () => {
    const employees = findReferences(rulesDocument(), 'company', 'employees');
    expect(employees.map((r) => [r.kind, r.description])).toEqual([
      ['formula', 'formula size (expression)'],
      ['layout', 'the form layout (section "Company")'],
      ['listLayout', 'the list layout (columns)'],
      ['formula', 'formula companyEmployees of opportunity (expression)'],
      ['rule', 'rule bigDealsNeedBigCompany of opportunity (invalidWhen)'],
    ]);
    expect(employees[3]!.path).toBe('/entities/opportunity/fields/companyEmployees/expression/var');

    const probability = findReferences(rulesDocument(), 'opportunity', 'probability');
    expect(probability.map((r) => [r.kind, r.path])).toContainEqual(['rollup', '/entities/company/fields/wonAmount/aggregateField']);
    const stage = findReferences(rulesDocument(), 'opportunity', 'stage');
    expect(stage.map((r) => r.description)).toEqual(expect.arrayContaining([
      'rollup wonAmount of company (filter)',
      'rule noReopen (invalidWhen)',
      'rule noReopen (message)',
      'form conditions of closeDate (visibleWhen)',
      'view myOpenDeals (filter)',
    ]));
    expect(stage.find((r) => r.description === 'rule noReopen (invalidWhen)' && r.path.endsWith('/changed'))).toBeDefined();
  });

  it('finds relation fields used as roll-up relations, inverses and path steps', () => {
    expect(findReferences(rulesDocument(), 'company', 'opportunities').map((r) => r.description)).toEqual([
      'rollup wonAmount (relation)',
      'relation company of opportunity (inverse)',
    ]);
    expect(findReferences(rulesDocument(), 'opportunity', 'company').map((r) => r.description)).toEqual([
      'relation opportunities of company (inverse)',
      'formula companyEmployees (expression)',
      'the form layout (section "Deal")',
      'rule bigDealsNeedBigCompany (invalidWhen)',
    ]);
  });

  it('returns [] for a field nobody uses', () => {
    expect(findReferences(rulesDocument(), 'contact', 'phone')).toEqual([]);
  });

  it('shortens long lists', () => {
    const refs = findReferences(rulesDocument(), 'opportunity', 'closeDate');
    expect(listReferences(refs, 2)).toBe('form conditions of closeDate, the form layout (section "Deal") and 6 more');
  });
});

describe('dangling references in validateDocument', () => {
  it('refuses a removed field that is still used, listing every use', () => {
    const doc = rulesDocument();
    delete doc.entities.opportunity!.fields.closeDate;
    const problems = validateDocument(doc);
    const rule = problems.find((p) => p.path === '/entities/opportunity/rules/closeDateWhenWon/invalidWhen/and/1/!/var');
    expect(rule).toEqual({
      path: '/entities/opportunity/rules/closeDateWhenWon/invalidWhen/and/1/!/var',
      code: 'unknown-field',
      message:
        'Field closeDate of opportunity does not exist but is used by form conditions of closeDate, the form layout (section "Deal"), ' +
        'the list layout (columns), the list layout (sort), rule closeDateWhenWon (fields), rule closeDateWhenWon (invalidWhen), ' +
        'view myOpenDeals (columns), view myOpenDeals (sort) — remove or change those first, or add the field.',
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual(expect.arrayContaining([
      ['/entities/opportunity/layouts/form/conditions/closeDate', 'unknown-field'],
      ['/entities/opportunity/rules/closeDateWhenWon/fields/0', 'unknown-field'],
      ['/entities/opportunity/views/myOpenDeals/columns/1', 'unknown-field'],
      ['/entities/opportunity/views/myOpenDeals/sort/0/field', 'unknown-field'],
    ]));
  });

  it('refuses a removed field used from another entity', () => {
    const doc = rulesDocument();
    delete doc.entities.company!.fields.employees;
    const problems = validateDocument(doc).filter((p) => p.code === 'unknown-field');
    expect(problems.map((p) => p.path)).toEqual([
      '/entities/company/fields/size/expression/if/0/>/0/var',
      '/entities/opportunity/fields/companyEmployees/expression/var',
      '/entities/opportunity/rules/bigDealsNeedBigCompany/invalidWhen/and/1/</0/var',
    ]);
    expect(problems[1]!.message).toContain('used by formula size (expression), the form layout (section "Company"), the list layout (columns), formula companyEmployees of opportunity (expression), rule bigDealsNeedBigCompany of opportunity (invalidWhen) — ');
  });

  it('suggests rewriteReferences when the field was renamed', () => {
    const doc = rulesDocument();
    const fields = doc.entities.opportunity!.fields;
    fields.expectedClose = { ...fields.closeDate!, renamedFrom: 'closeDate' };
    delete fields.closeDate;
    const [problem] = validateDocument(doc).filter((p) => p.path.endsWith('/invalidWhen/and/1/!/var'));
    expect(problem!.message).toMatch(/^Field closeDate of opportunity was renamed to expectedClose \(renamedFrom\) but is still used by .*rewriteReferences\(doc, "opportunity", "closeDate", "expectedClose"\)/);
  });
});
