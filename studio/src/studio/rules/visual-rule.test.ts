import { salesDoc } from '../../testing/sales-doc.js';
import { fromJsonLogic, newCondition, operatorsFor, toJsonLogic, type VisualGroup } from './visual-rule.js';

const opportunity = salesDoc().entities.opportunity;
const rules = { previous: true };

const group = (combinator: 'all' | 'any', ...items: VisualGroup['items']): VisualGroup => ({ kind: 'group', combinator, items });
const cond = (field: string, operator: string, value?: unknown, root: 'record' | 'previous' = 'record') =>
  ({ kind: 'condition', root, field, operator, ...(value === undefined ? {} : { value }) }) as VisualGroup['items'][number];

describe('visual rule builder ↔ JSON Logic', () => {
  it('writes "a won opportunity needs a close date" as an and of two conditions', () => {
    const g = group('all', cond('stage', 'equals', 'won'), cond('closeDate', 'isBlank'));
    expect(toJsonLogic(g, opportunity)).toEqual({
      and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }],
    });
  });

  it('writes a single condition without a group and reads it back', () => {
    const g = group('all', cond('stage', 'oneOf', ['won', 'new']));
    const logic = toJsonLogic(g, opportunity);
    expect(logic).toEqual({ in: [{ var: 'record.stage' }, ['won', 'new']] });
    expect(fromJsonLogic(logic, opportunity, rules)).toEqual({ ok: true, group: g });
  });

  it('round-trips every operator, nested groups and previous values', () => {
    const g = group(
      'any',
      cond('amount', 'greater', 1000),
      cond('closeDate', 'lessOrEqual', '2026-01-31'),
      cond('stage', 'notOneOf', ['new']),
      cond('tags', 'contains', 'hot'),
      cond('tags', 'notContains', 'hot'),
      cond('name', 'notContains', 'test'),
      cond('company', 'isNotBlank'),
      cond('stage', 'changed'),
      group('all', cond('stage', 'equals', 'won', 'previous'), cond('stage', 'notEquals', 'won')),
    );
    const logic = toJsonLogic(g, opportunity);
    expect(fromJsonLogic(logic, opportunity, rules)).toEqual({ ok: true, group: g });
  });

  it('compares the amount of a currency field', () => {
    expect(toJsonLogic(group('all', cond('amount', 'less', 10)), opportunity)).toEqual({ '<': [{ var: 'record.amount.amount' }, 10] });
  });

  it('reads a comparison written value-first by flipping it', () => {
    const parsed = fromJsonLogic({ '<': [100, { var: 'record.probability' }] }, opportunity, rules);
    expect(parsed).toEqual({ ok: true, group: group('all', cond('probability', 'greater', 100)) });
  });

  it('refuses what the builder cannot show, with a reason', () => {
    for (const expr of [
      { and: [{ or: [{ and: [{ '==': [{ var: 'record.stage' }, 'won'] }] }] }] },
      { '==': [{ var: 'record.stage' }, { var: 'record.name' }] },
      { '===': [{ var: 'record.stage' }, 'won'] },
      { '>': [{ daysBetween: [{ var: 'now' }, { var: 'record.closeDate' }] }, 30] },
      { '==': [{ var: 'record.nope' }, 1] },
      { '!': { var: 'record.closeDate' } },
    ]) {
      const parsed = fromJsonLogic(expr, opportunity, rules);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).not.toBe('');
    }
  });

  it('offers neither previous values nor "changed" where there is no previous record', () => {
    expect(operatorsFor(opportunity.fields.stage, { previous: false })).not.toContain('changed');
    expect(fromJsonLogic({ changed: 'stage' }, opportunity, { previous: false }).ok).toBe(false);
    expect(fromJsonLogic({ '==': [{ var: 'previous.stage' }, 'won'] }, opportunity, { previous: false }).ok).toBe(false);
  });

  it('treats no rule as an empty group and an empty group as no rule', () => {
    expect(fromJsonLogic(undefined, opportunity, rules)).toEqual({ ok: true, group: group('all') });
    expect(toJsonLogic(group('all'), opportunity)).toBeUndefined();
  });

  it('starts a new condition on the first field with its first operator', () => {
    expect(newCondition(opportunity, rules)).toEqual({ kind: 'condition', root: 'record', field: 'name', operator: 'equals', value: '' });
  });
});
