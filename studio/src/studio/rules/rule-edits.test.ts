import { validateDocument, type MetadataDocument } from '@trellis/metadata';
import { salesDoc } from '../../testing/sales-doc.js';
import { renameField } from '../doc-edits.js';
import { removeRule, removeView, setRule, setRuleActive, setView, withFieldConditions, withSectionTab } from './rule-edits.js';

const wonNeedsCloseDate = {
  label: 'Won needs a close date',
  invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }] },
  message: 'A won opportunity needs a close date',
  fields: ['closeDate'],
};

function withRulesEverywhere(): MetadataDocument {
  let doc = setRule(salesDoc(), 'opportunity', 'closeDateWhenWon', wonNeedsCloseDate);
  doc = setView(doc, 'opportunity', 'closingSoon', { label: 'Closing soon', filter: { '!': { isBlank: { var: 'record.closeDate' } } }, columns: ['name', 'closeDate'], sort: [{ field: 'closeDate', direction: 'asc' }] });
  const form = doc.entities.opportunity.layouts!.form!;
  doc.entities.opportunity.layouts!.form = withFieldConditions(form, 'closeDate', { visibleWhen: { '!=': [{ var: 'record.stage' }, 'new'] } });
  return doc;
}

describe('rule engine edits of the draft', () => {
  it('adds, renames in place, switches off and removes a validation rule', () => {
    let doc = setRule(salesDoc(), 'opportunity', 'first', { invalidWhen: false, message: 'x' });
    doc = setRule(doc, 'opportunity', 'closeDateWhenWon', wonNeedsCloseDate);
    doc = setRule(doc, 'opportunity', 'renamed', { invalidWhen: true, message: 'y' }, 'first');
    expect(Object.keys(doc.entities.opportunity.rules!)).toEqual(['renamed', 'closeDateWhenWon']);
    doc = setRuleActive(doc, 'opportunity', 'renamed', false);
    expect(doc.entities.opportunity.rules!.renamed.active).toBe(false);
    doc = setRuleActive(doc, 'opportunity', 'renamed', true);
    expect(doc.entities.opportunity.rules!.renamed).not.toHaveProperty('active');
    doc = removeRule(removeRule(doc, 'opportunity', 'renamed'), 'opportunity', 'closeDateWhenWon');
    expect(doc.entities.opportunity).not.toHaveProperty('rules');
  });

  it('keeps a valid document with a rule, a saved view and a field condition', () => {
    expect(validateDocument(withRulesEverywhere())).toEqual([]);
  });

  it('drops a field’s conditions when none is left, and a section tab when cleared', () => {
    const form = withRulesEverywhere().entities.opportunity.layouts!.form!;
    expect(withFieldConditions(form, 'closeDate', { visibleWhen: undefined })).not.toHaveProperty('conditions');
    const tabbed = withSectionTab(form, 0, 'Deal');
    expect(tabbed.sections[0].tab).toBe('Deal');
    expect(withSectionTab(tabbed, 0, '').sections[0]).not.toHaveProperty('tab');
  });

  it('removes a view and the views map with the last one', () => {
    expect(removeView(withRulesEverywhere(), 'opportunity', 'closingSoon').entities.opportunity).not.toHaveProperty('views');
  });

  it('renaming a field rewrites the rules, conditions and views that name it', () => {
    const before = withRulesEverywhere();
    const doc = renameField(before, 'opportunity', 'closeDate', 'expectedClose', before);
    const opp = doc.entities.opportunity;
    expect(opp.rules!.closeDateWhenWon.invalidWhen).toEqual({
      and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.expectedClose' } }],
    });
    expect(opp.rules!.closeDateWhenWon.fields).toEqual(['expectedClose']);
    expect(Object.keys(opp.layouts!.form!.conditions!)).toEqual(['expectedClose']);
    expect(opp.views!.closingSoon).toMatchObject({ columns: ['name', 'expectedClose'], sort: [{ field: 'expectedClose', direction: 'asc' }] });
    expect(validateDocument(doc)).toEqual([]);
  });
});
