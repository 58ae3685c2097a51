import { compileEntityRules, evaluateConditions, hasRecordRules } from './compile-entity-rules.js';
import { buildRuleContext, type RecordValues } from './rule-context.js';
import { rulesDocument } from './rules.fixture.js';

const user = { id: 'u1', kind: 'user' };
const now = '2026-03-01T12:00:00.000Z';
const ctx = (record: RecordValues, previous: RecordValues | null = null) => buildRuleContext({ record, previous, user, now });

describe('compileEntityRules', () => {
  const doc = rulesDocument();

  it('compiles once per document object and entity', () => {
    expect(compileEntityRules(doc, 'opportunity')).toBe(compileEntityRules(doc, 'opportunity'));
    expect(compileEntityRules(rulesDocument(), 'opportunity')).not.toBe(compileEntityRules(doc, 'opportunity'));
  });

  it('keeps only active rules and knows when there is nothing to evaluate', () => {
    expect(compileEntityRules(doc, 'opportunity').rules.map((r) => r.name)).toEqual(['closeDateWhenWon', 'noWayBackFromWon', 'notTooBig']);
    expect(hasRecordRules(doc, 'opportunity')).toBe(true);
    expect(hasRecordRules(doc, 'plain')).toBe(false);
  });

  it('throws for an unknown entity', () => {
    expect(() => compileEntityRules(doc, 'nope')).toThrow(/Unknown entity 'nope'/);
  });
});

describe('validate', () => {
  const rules = compileEntityRules(rulesDocument(), 'opportunity');

  it('passes a valid record', () => {
    expect(rules.validate(ctx({ name: 'A', stage: 'won', closeDate: '2026-01-01' }))).toEqual([]);
  });

  it('reports a holding rule once per attached field, with the interpolated message and the rule name', () => {
    expect(rules.validate(ctx({ name: 'Big deal', stage: 'won' }))).toEqual([
      { field: 'closeDate', message: 'Big deal is won and needs a close date', rule: 'closeDateWhenWon' },
      { field: 'stage', message: 'Big deal is won and needs a close date', rule: 'closeDateWhenWon' },
    ]);
  });

  it('attaches a rule without fields to _record', () => {
    expect(rules.validate(ctx({ name: 'A', amount: 2000000 }))).toEqual([{ field: '_record', message: 'Too big', rule: 'notTooBig' }]);
  });

  it('sees the previous record', () => {
    expect(rules.validate(ctx({ name: 'A', stage: 'lost' }, { name: 'A', stage: 'won', closeDate: '2026-01-01' }))).toEqual([
      { field: 'stage', message: 'Stage may not go back from won', rule: 'noWayBackFromWon' },
    ]);
  });

  it('fails closed with the rule label when evaluation throws', () => {
    const doc = rulesDocument();
    doc.entities['opportunity']!.rules!['codeFormat']!.active = true;
    const errors = compileEntityRules(doc, 'opportunity').validate(ctx({ name: 'A', code: 'x', codePattern: '(a+)+' }));
    expect(errors).toEqual([{ field: 'code', message: expect.stringMatching(/^Rule "Code format" could not be evaluated: regexMatch: pattern "\(a\+\)\+" is refused/), rule: 'codeFormat' }]);
  });

  it('fails closed with the rule name when it has no label', () => {
    const doc = rulesDocument();
    doc.entities['plain']!.rules = { broken: { invalidWhen: { nope: [1] }, message: 'x' } };
    expect(compileEntityRules(doc, 'plain').validate(ctx({}))).toEqual([
      { field: '_record', message: 'Rule "broken" could not be evaluated: Unrecognized operation nope', rule: 'broken' },
    ]);
  });
});

describe('evaluateConditions', () => {
  const doc = rulesDocument();

  it('gives every writable field a state, visible and editable by default, required from the field', () => {
    const states = evaluateConditions(doc, 'opportunity', ctx({ name: 'A', stage: 'new' }));
    expect(Object.keys(states)).toEqual(['name', 'stage', 'amount', 'closeDate', 'lostReason', 'discount', 'code']);
    expect(states['name']).toEqual({ visible: true, required: true, readOnly: false });
    expect(states['stage']).toEqual({ visible: true, required: false, readOnly: false });
  });

  it('applies visibleWhen and requiredWhen to the record being edited', () => {
    expect(evaluateConditions(doc, 'opportunity', ctx({ stage: 'new' }))['lostReason']).toEqual({ visible: false, required: false, readOnly: false });
    expect(evaluateConditions(doc, 'opportunity', ctx({ stage: 'lost' }))['lostReason']).toEqual({ visible: true, required: true, readOnly: false });
    expect(evaluateConditions(doc, 'opportunity', ctx({ amount: 5000 }))['closeDate']!.required).toBe(true);
  });

  it('evaluates readOnlyWhen on the stored record when editing, on the new record when creating', () => {
    expect(evaluateConditions(doc, 'opportunity', ctx({ stage: 'won' }))['amount']!.readOnly).toBe(true);
    expect(evaluateConditions(doc, 'opportunity', ctx({ stage: 'won' }, { stage: 'new' }))['amount']!.readOnly).toBe(false);
    expect(evaluateConditions(doc, 'opportunity', ctx({ stage: 'new' }, { stage: 'won' }))['amount']!.readOnly).toBe(true);
  });

  it('errs on the closed side and reports the error when a condition throws', () => {
    const broken = rulesDocument();
    broken.entities['opportunity']!.layouts!.form!.conditions!['code'] = { visibleWhen: { nope: [] }, readOnlyWhen: { nope: [] } };
    const state = evaluateConditions(broken, 'opportunity', ctx({}))['code'];
    expect(state).toEqual({ visible: true, required: false, readOnly: true, error: 'Rule "Code visibleWhen" could not be evaluated: Unrecognized operation nope' });
  });
});
