import { checkRecordRules, withoutHiddenFieldErrors } from './check-record-rules.js';
import { buildRuleContext, applyChanges, type RecordValues, type RuleUser } from './rule-context.js';
import { rulesDocument } from './rules.fixture.js';

const now = '2026-03-01T12:00:00.000Z';
const person: RuleUser = { id: 'u1', kind: 'user' };
const system: RuleUser = { id: 'seed', kind: 'system' };
const doc = rulesDocument();

function create(record: RecordValues, user: RuleUser = person) {
  return checkRecordRules(doc, 'opportunity', { ctx: buildRuleContext({ record, user, now }), mode: 'create' });
}

function update(previous: RecordValues, changes: RecordValues, user: RuleUser = person) {
  const ctx = buildRuleContext({ record: applyChanges(previous, changes), previous, user, now });
  return checkRecordRules(doc, 'opportunity', { ctx, changes, mode: 'update' });
}

const stored = { name: 'Deal', stage: 'won', amount: 500, closeDate: '2026-01-01', discount: 0 };

describe('checkRecordRules', () => {
  it('returns nothing for a record that breaks no rule, and for an entity without rules', () => {
    expect(create({ name: 'A', stage: 'new', discount: 0 })).toEqual([]);
    expect(checkRecordRules(doc, 'plain', { ctx: buildRuleContext({ record: {}, now }), mode: 'create' })).toEqual([]);
  });

  it('includes the validation rules', () => {
    expect(create({ name: 'A', stage: 'won', discount: 0 }).map((e) => [e.field, e.rule])).toEqual([
      ['closeDate', 'closeDateWhenWon'],
      ['stage', 'closeDateWhenWon'],
    ]);
  });

  describe('requiredWhen', () => {
    it('requires a visible field while its condition holds', () => {
      expect(create({ name: 'A', stage: 'lost', discount: 0 })).toEqual([{ field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen' }]);
      expect(create({ name: 'A', stage: 'lost', lostReason: 'price', discount: 0 })).toEqual([]);
      expect(create({ name: 'A', amount: 5000, discount: 0 })).toEqual([{ field: 'closeDate', message: 'Close date is required', rule: 'requiredWhen' }]);
    });

    it('does not require a field hidden by its visibleWhen', () => {
      const hiddenDoc = rulesDocument();
      hiddenDoc.entities['opportunity']!.layouts!.form!.conditions!['lostReason']!.requiredWhen = true;
      const ctx = buildRuleContext({ record: { name: 'A', stage: 'new', discount: 0 }, user: person, now });
      expect(checkRecordRules(hiddenDoc, 'opportunity', { ctx, mode: 'create' })).toEqual([]);
    });

    it('applies on update to the record after the change', () => {
      const open = { ...stored, stage: 'new' };
      expect(update(open, { stage: 'lost' })).toEqual([{ field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen' }]);
      expect(update(open, { stage: 'lost', lostReason: 'timing' })).toEqual([]);
    });
  });

  describe('readOnlyWhen', () => {
    it('refuses a change to a field read-only for the stored record', () => {
      expect(update(stored, { amount: 600 })).toEqual([
        { field: 'amount', message: 'Amount is read-only here: it cannot be changed while Stage is "won"', rule: 'readOnlyWhen' },
      ]);
    });

    it('accepts re-sending the stored value and changes to other fields', () => {
      expect(update(stored, { amount: 500, name: 'Renamed' })).toEqual([]);
    });

    it('lets the change that unlocks a field and the field change come in one save only when the stored record allows it', () => {
      const open = { ...stored, stage: 'new' };
      expect(update(open, { stage: 'won', amount: 700 })).toEqual([]);
    });

    it('on create refuses a read-only field set to anything but its default', () => {
      expect(create({ name: 'A', discount: 10 })).toEqual([
        { field: 'discount', message: 'Discount is read-only here: it cannot be changed while user.kind is not "system"', rule: 'readOnlyWhen' },
      ]);
      expect(create({ name: 'A', discount: 0 })).toEqual([]);
      expect(create({ name: 'A', discount: 10 }, system)).toEqual([]);
      expect(create({ name: 'A', stage: 'won', closeDate: '2026-01-01', discount: 0 })).toEqual([]);
      expect(create({ name: 'A', stage: 'won', closeDate: '2026-01-01', amount: 5, discount: 0 })).toEqual([
        expect.objectContaining({ field: 'amount', rule: 'readOnlyWhen' }),
      ]);
    });
  });

  it('fails closed when a condition throws', () => {
    const broken = rulesDocument();
    broken.entities['opportunity']!.layouts!.form!.conditions!['code'] = { requiredWhen: { daysBetween: ['soon', { var: 'now' }] } };
    const ctx = buildRuleContext({ record: { name: 'A', discount: 0 }, user: person, now });
    expect(checkRecordRules(broken, 'opportunity', { ctx, mode: 'create' })).toEqual([
      { field: 'code', message: 'Rule "Code requiredWhen" could not be evaluated: daysBetween: "soon" is not a date (YYYY-MM-DD) or date-time (ISO 8601)', rule: 'requiredWhen' },
    ]);
  });
});

describe('withoutHiddenFieldErrors', () => {
  it('drops the errors of required fields hidden and left blank, and keeps the rest', () => {
    const hiddenDoc = rulesDocument();
    hiddenDoc.entities['opportunity']!.fields['lostReason']!.required = true;
    const errors = [
      { field: 'lostReason', message: 'Lost reason is required' },
      { field: 'name', message: 'Name is required' },
    ];
    const ctx = (record: RecordValues) => buildRuleContext({ record, user: person, now });
    expect(withoutHiddenFieldErrors(hiddenDoc, 'opportunity', errors, ctx({ stage: 'new' }))).toEqual([errors[1]]);
    expect(withoutHiddenFieldErrors(hiddenDoc, 'opportunity', errors, ctx({ stage: 'lost' }))).toEqual(errors);
    // Not required: a blank value's error is about its shape, which hiding does not excuse.
    expect(withoutHiddenFieldErrors(rulesDocument(), 'opportunity', errors, ctx({ stage: 'new' }))).toEqual(errors);
  });
});
