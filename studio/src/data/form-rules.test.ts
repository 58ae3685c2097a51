import type { MetadataDocument } from '@trellis/metadata';
import { salesDoc } from '../testing/sales-doc.js';
import { evaluateFormRules, ruleUserOf } from './form-rules.js';

const rep = ruleUserOf({ id: 'u1', email: 'rep@example.test', name: 'Rep', locale: 'en-US', timeZone: 'UTC', roles: ['salesRep'], teams: [{ id: 't1', name: 'EMEA' }], attributes: { region: 'EMEA' } });

function ruledDoc(): MetadataDocument {
  const doc = salesDoc();
  const opp = doc.entities.opportunity;
  opp.fields.lossReason = { type: 'text', label: 'Loss reason' };
  opp.rules = {
    closeDateWhenWon: {
      invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }] },
      message: 'A won opportunity needs a close date',
      fields: ['closeDate'],
    },
    noWonToNew: { invalidWhen: { and: [{ '==': [{ var: 'previous.stage' }, 'won'] }, { '!=': [{ var: 'record.stage' }, 'won'] }] }, message: 'A won deal stays won' },
  };
  opp.layouts!.form!.conditions = {
    lossReason: { visibleWhen: { '==': [{ var: 'record.stage' }, 'lost'] }, requiredWhen: { '==': [{ var: 'record.stage' }, 'lost'] } },
    amount: { readOnlyWhen: { '==': [{ var: 'record.stage' }, 'won'] } },
  };
  return doc;
}

describe('the record form’s live rules', () => {
  it('shows a field only while its visibleWhen holds, and requires it by requiredWhen', () => {
    const doc = ruledDoc();
    const hidden = evaluateFormRules(doc, 'opportunity', 'create', { name: 'A', stage: 'new' }, {}, rep);
    expect(hidden.states.lossReason).toMatchObject({ visible: false, required: false });
    expect(hidden.conditionErrors).toEqual([]);
    const shown = evaluateFormRules(doc, 'opportunity', 'create', { name: 'A', stage: 'lost' }, {}, rep);
    expect(shown.states.lossReason).toMatchObject({ visible: true, required: true });
    expect(shown.conditionErrors).toEqual([{ field: 'lossReason', message: 'Loss reason is required', rule: 'requiredWhen' }]);
  });

  it('gives the validation rule’s message next to its field, and record-level messages for _record', () => {
    const doc = ruledDoc();
    const created = evaluateFormRules(doc, 'opportunity', 'create', { name: 'A', stage: 'won' }, {}, rep);
    expect(created.ruleErrors).toEqual([{ field: 'closeDate', message: 'A won opportunity needs a close date', rule: 'closeDateWhenWon' }]);
    const stored = { name: 'A', stage: 'won', closeDate: '2026-01-01', amount: { amount: 5, currency: 'EUR' } };
    const updated = evaluateFormRules(doc, 'opportunity', 'update', { ...stored, stage: 'new' }, stored, rep);
    expect(updated.ruleErrors).toEqual([{ field: '_record', message: 'A won deal stays won', rule: 'noWonToNew' }]);
  });

  it('locks a field read-only by the stored record, and refuses a change to it', () => {
    const doc = ruledDoc();
    const stored = { name: 'A', stage: 'won', closeDate: '2026-01-01', amount: { amount: 5, currency: 'EUR' } };
    const same = evaluateFormRules(doc, 'opportunity', 'update', stored, stored, rep);
    expect(same.states.amount.readOnly).toBe(true);
    expect(same.conditionErrors).toEqual([]);
    const changed = evaluateFormRules(doc, 'opportunity', 'update', { ...stored, amount: { amount: 9, currency: 'EUR' } }, stored, rep);
    expect(changed.conditionErrors).toEqual([expect.objectContaining({ field: 'amount', rule: 'readOnlyWhen' })]);
  });

  it('sees the signed-in user as `user`, shaped as the server shapes it (roles, team ids, attributes)', () => {
    const withUserRule = ruledDoc();
    withUserRule.entities['opportunity']!.rules = {
      emeaOnly: { invalidWhen: { '!=': [{ var: 'user.attributes.region' }, 'EMEA'] }, message: 'Only EMEA may create deals' },
      repTeam: { invalidWhen: { '!': { in: ['t1', { var: 'user.teams' }] } }, message: 'Not in team t1' },
    };
    expect(evaluateFormRules(withUserRule, 'opportunity', 'create', { name: 'A', stage: 'new' }, {}, rep).ruleErrors).toEqual([]);
    const elsewhere = { ...rep, attributes: { region: 'US' }, teams: [] };
    const messages = evaluateFormRules(withUserRule, 'opportunity', 'create', { name: 'A', stage: 'new' }, {}, elsewhere).ruleErrors.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining(['Only EMEA may create deals', 'Not in team t1']));
  });
});
