import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules-document.fixture.js';

ensureComputedFieldTypes();
type Mutate = (doc: MetadataDocument) => void;
const problemsAfter = (mutate: Mutate) => {
  const doc = rulesDocument();
  mutate(doc);
  return validateDocument(doc);
};
const found = (mutate: Mutate) => problemsAfter(mutate).map((p) => [p.path, p.code]);
const opp = (d: MetadataDocument) => d.entities.opportunity!;
const rule = (d: MetadataDocument, name = 'closeDateWhenWon') => opp(d).rules![name]!;
const v = (path: string) => ({ var: path });
const RULE = '/entities/opportunity/rules/closeDateWhenWon';

describe('validateDocument: the rule engine', () => {
  it('accepts rules, conditions, tabs, views, formulas and roll-ups that are right', () => {
    expect(validateDocument(rulesDocument())).toEqual([]);
  });

  describe('validation rules', () => {
    it.each<[string, Mutate, string, string]>([
      ['a malformed expression', (d) => (rule(d).invalidWhen = { and: [{ '==': [1, 1], '!=': [1, 2] }] }), `${RULE}/invalidWhen/and/0`, 'malformed-expression'],
      ['an unknown operator', (d) => (rule(d).invalidWhen = { equals: [1, 1] }), `${RULE}/invalidWhen/equals`, 'unknown-operator'],
      ['a wrong number of arguments', (d) => (rule(d).invalidWhen = { '==': [1, 2, 3] }), `${RULE}/invalidWhen/==`, 'wrong-arity'],
      ['a path that is not a literal', (d) => (rule(d).invalidWhen = { '!': { var: { cat: ['record.', 'name'] } } }), `${RULE}/invalidWhen/!/var`, 'var-path-not-literal'],
      ['a path outside the context', (d) => (rule(d).invalidWhen = { '!': v('stage') }), `${RULE}/invalidWhen/!/var`, 'unknown-variable'],
      ['a path through a toMany relation', (d) => (rule(d).invalidWhen = { '!': v('record.tags.name') }), `${RULE}/invalidWhen/!/var`, 'invalid-field-path'],
      ['changed without a field name', (d) => (rule(d).invalidWhen = { changed: 1 }), `${RULE}/invalidWhen/changed`, 'invalid-argument'],
      ['a pattern that does not compile', (d) => (rule(d).invalidWhen = { regexMatch: ['[a-', v('record.name')] }), `${RULE}/invalidWhen/regexMatch/0`, 'invalid-regex'],
      ['an unsafe pattern', (d) => (rule(d).invalidWhen = { regexMatch: ['(a|b+)*c', v('record.name')] }), `${RULE}/invalidWhen/regexMatch/0`, 'unsafe-regex'],
      ['an empty message', (d) => (rule(d).message = '  '), `${RULE}/message`, 'empty-message'],
      ['a message placeholder naming no field', (d) => (rule(d).message = 'Bad {{record.nme}}'), `${RULE}/message`, 'unknown-field'],
      ['a message placeholder outside record and previous', (d) => (rule(d).message = 'Hi {{user.name}}'), `${RULE}/message`, 'variable-not-allowed'],
      ['a message field that does not exist', (d) => (rule(d).fields = ['closeDate', 'nope']), `${RULE}/fields/1`, 'unknown-field'],
      ['a message field listed twice', (d) => (rule(d).fields = ['closeDate', 'closeDate']), `${RULE}/fields/1`, 'duplicate-field'],
      ['a rule name that is not camelCase', (d) => (opp(d).rules!['close-date'] = rule(d)), '/entities/opportunity/rules/close-date', 'invalid-name'],
    ])('reports %s', (_what, mutate, path, code) => {
      expect(found(mutate)).toEqual([[path, code]]);
    });

    it('refuses an invalidWhen that is not a condition, saying what it gives', () => {
      expect(problemsAfter((d) => (rule(d).invalidWhen = { '+': [v('record.probability'), 1] }))).toEqual([
        {
          path: `${RULE}/invalidWhen`,
          code: 'wrong-result-type',
          message: expect.stringMatching(/^invalidWhen should be a condition \(true\/false\) but this expression gives a number/),
        },
      ]);
    });

    it('points at the exact place of an unknown field, deep inside the expression', () => {
      const problems = problemsAfter((d) => (rule(d).invalidWhen = { and: [{ '==': [v('record.stage'), 'won'] }, { '!': v('record.closedOn') }] }));
      expect(problems).toEqual([{ path: `${RULE}/invalidWhen/and/1/!/var`, code: 'unknown-field', message: expect.stringContaining('Field closedOn of opportunity does not exist') }]);
    });

    it('reports missing and unknown rule properties through the JSON Schema', () => {
      const problems = problemsAfter((d) => {
        delete (rule(d) as { message?: string }).message;
        Object.assign(rule(d, 'noReopen'), { severity: 'high' });
      });
      expect(problems.map((p) => [p.path, p.code])).toEqual([
        [`${RULE}/message`, 'required'],
        ['/entities/opportunity/rules/noReopen/severity', 'unknown-property'],
      ]);
      expect(problems[0]!.message).toMatch(/^Rule closeDateWhenWon of entity opportunity is missing "message"/);
    });
  });

  describe('form conditions and tabs', () => {
    const COND = '/entities/opportunity/layouts/form/conditions';
    it.each<[string, Mutate, string, string]>([
      ['a condition on a field that does not exist', (d) => (opp(d).layouts!.form!.conditions!.nope = { visibleWhen: true }), `${COND}/nope`, 'unknown-field'],
      ['a condition that is not a condition', (d) => (opp(d).layouts!.form!.conditions!.closeDate!.visibleWhen = v('record.stage')), `${COND}/closeDate/visibleWhen`, 'wrong-result-type'],
      ['a condition reaching a related record', (d) => (opp(d).layouts!.form!.conditions!.closeDate!.visibleWhen = { '>': [v('record.company.employees'), 1] }), `${COND}/closeDate/visibleWhen/>/0/var`, 'invalid-field-path'],
      ['requiredWhen on a field nobody enters', (d) => (opp(d).layouts!.form!.conditions!.companyEmployees = { requiredWhen: true }), `${COND}/companyEmployees/requiredWhen`, 'condition-not-applicable'],
      ['an unknown condition property', (d) => Object.assign(opp(d).layouts!.form!.conditions!.closeDate!, { hiddenWhen: true }), `${COND}/closeDate/hiddenWhen`, 'unknown-property'],
      ['an empty tab label', (d) => (opp(d).layouts!.form!.sections[0]!.tab = ''), '/entities/opportunity/layouts/form/sections/0/tab', 'invalid-value'],
    ])('reports %s', (_what, mutate, path, code) => {
      expect(found(mutate)).toEqual([[path, code]]);
    });

    it('names the property in a result-type message', () => {
      const [problem] = problemsAfter((d) => (opp(d).layouts!.form!.conditions!.closeDate!.requiredWhen = 1));
      expect(problem!.message).toMatch(/^requiredWhen should be a condition \(true\/false\) but this expression gives a number/);
    });
  });

  describe('saved views', () => {
    const VIEW = '/entities/opportunity/views/myOpenDeals';
    it.each<[string, Mutate, string, string]>([
      ['a filter using previous', (d) => (opp(d).views!.myOpenDeals!.filter = { '==': [v('previous.stage'), 'won'] }), `${VIEW}/filter/==/0/var`, 'variable-not-allowed'],
      ['a filter that is not a condition', (d) => (opp(d).views!.myOpenDeals!.filter = { cat: ['a'] }), `${VIEW}/filter`, 'wrong-result-type'],
      ['a column that does not exist', (d) => (opp(d).views!.myOpenDeals!.columns = ['name', 'nope']), `${VIEW}/columns/1`, 'unknown-field'],
      ['a column shown twice', (d) => (opp(d).views!.myOpenDeals!.columns = ['name', 'name']), `${VIEW}/columns/1`, 'duplicate-field'],
      ['a sort by a field that cannot be sorted', (d) => (opp(d).views!.myOpenDeals!.sort = [{ field: 'tags', direction: 'asc' }]), `${VIEW}/sort/0/field`, 'not-sortable'],
      ['a view without a label', (d) => delete (opp(d).views!.myOpenDeals as { label?: string }).label, `${VIEW}/label`, 'required'],
    ])('reports %s', (_what, mutate, path, code) => {
      expect(found(mutate)).toEqual([[path, code]]);
    });

    it('accepts system fields as columns and sort', () => {
      expect(found((d) => Object.assign(opp(d).views!.myOpenDeals!, { columns: ['name', 'createdAt'], sort: [{ field: 'updatedAt', direction: 'desc' }] }))).toEqual([]);
    });
  });

  describe('formulas and roll-ups', () => {
    it('checks a formula against its resultType, and lets it reach related records but not now', () => {
      expect(found((d) => (opp(d).fields.companyEmployees!.resultType = 'boolean'))).toEqual([['/entities/opportunity/fields/companyEmployees/expression', 'wrong-result-type']]);
      expect(found((d) => (opp(d).fields.companyEmployees!.expression = { daysBetween: [v('record.closeDate'), v('now')] }))).toEqual([
        ['/entities/opportunity/fields/companyEmployees/expression/daysBetween/1/var', 'variable-not-allowed'],
      ]);
    });

    it('checks a roll-up filter over the related entity', () => {
      const FILTER = '/entities/company/fields/wonAmount/filter';
      expect(found((d) => (d.entities.company!.fields.wonAmount!.filter = { '>': [v('record.employees'), 1] }))).toEqual([[`${FILTER}/>/0/var`, 'unknown-field']]);
      expect(found((d) => (d.entities.company!.fields.wonAmount!.filter = { '>': [v('record.probability'), 50] }))).toEqual([]);
    });
  });

  it('reports all problems at once, each at its own path', () => {
    const problems = problemsAfter((d) => {
      rule(d).invalidWhen = { and: [{ '=': [1, 1] }, { '!': v('record.nope') }] };
      rule(d).message = '';
      opp(d).layouts!.form!.conditions!.closeDate!.visibleWhen = 3;
      opp(d).views!.myOpenDeals!.filter = { regexMatch: ['(a+)+', v('record.name')] };
      d.entities.company!.fields.size!.expression = { '+': [] };
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/entities/company/fields/size/expression', 'wrong-result-type'], // resultType text, and + gives a number
      ['/entities/company/fields/size/expression/+', 'wrong-arity'],
      ['/entities/opportunity/layouts/form/conditions/closeDate/visibleWhen', 'wrong-result-type'],
      [`${RULE}/invalidWhen/and/0/=`, 'unknown-operator'],
      [`${RULE}/invalidWhen/and/1/!/var`, 'unknown-field'],
      [`${RULE}/message`, 'empty-message'],
      ['/entities/opportunity/views/myOpenDeals/filter/regexMatch/0', 'unsafe-regex'],
    ]);
  });
});
