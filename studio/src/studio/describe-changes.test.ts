import { describeChange, describeChanges, planSteps } from './describe-changes.js';

describe('change sentences', () => {
  it('says what changed, per entity and field', () => {
    expect(describeChange({ kind: 'addEntity', entity: 'ticket' })).toBe('Added entity ticket');
    expect(describeChange({ kind: 'renameField', entity: 'deal', field: 'account', from: 'company' })).toBe(
      'Renamed field deal.company to account',
    );
    expect(describeChange({ kind: 'changeField', entity: 'deal', field: 'amount', property: 'min', from: 0, to: 10 })).toBe(
      'Changed min of deal.amount from 0 to 10',
    );
    expect(describeChange({ kind: 'changeEntity', entity: 'deal', property: 'label', from: 'Deal', to: 'Opportunity' })).toBe(
      'Changed label of deal from “Deal” to “Opportunity”',
    );
  });

  it('names structured properties without dumping their values', () => {
    expect(
      describeChange({ kind: 'changeEntity', entity: 'person', property: 'layouts.form', from: { sections: [] }, to: { sections: [{}] } }),
    ).toBe('Changed the form layout of person');
    expect(describeChange({ kind: 'changeField', entity: 'deal', field: 'stage', property: 'options', from: [], to: [{ value: 'a' }] })).toBe(
      'Changed options of deal.stage',
    );
  });

  it('names the role a change of the roles map adds, changes or removes', () => {
    expect(describeChange({ kind: 'changeOther', path: '/roles/salesRep', from: undefined, to: { label: 'Sales rep' } })).toBe('Added role salesRep');
    expect(describeChange({ kind: 'changeOther', path: '/roles/salesRep', from: { label: 'A' }, to: { label: 'B' } })).toBe('Changed role salesRep');
    expect(describeChange({ kind: 'changeOther', path: '/roles/salesRep', from: { label: 'A' }, to: undefined })).toBe('Removed role salesRep');
    expect(describeChange({ kind: 'changeOther', path: '/translations/pt-BR', from: undefined, to: { '/entities/a/label': 'A' } })).toBe('Added the pt-BR translations');
    expect(describeChange({ kind: 'changeOther', path: '/workflows/escalate', from: undefined, to: { label: 'Escalate' } })).toBe('Added workflow escalate');
    expect(describeChange({ kind: 'changeOther', path: '/workflows/escalate', from: { active: false }, to: { active: true } })).toBe('Changed workflow escalate');
  });

  it('reads changes and plans in either stored shape', () => {
    expect(describeChanges({ changes: [{ kind: 'removeField', entity: 'a', field: 'b' }] })).toEqual(['Removed field a.b']);
    expect(describeChanges([{ kind: 'addField', entity: 'a', field: 'b' }, null])).toEqual(['Added field a.b']);
    expect(describeChanges(undefined)).toEqual([]);
    expect(planSteps({ steps: [{ description: 'Add column', destructive: false, sql: ['ALTER TABLE x'] }] })).toEqual([
      { description: 'Add column', destructive: false, sql: ['ALTER TABLE x'] },
    ]);
    expect(planSteps([{ kind: 'dropColumn', destructive: true }])).toEqual([{ description: 'dropColumn', destructive: true, sql: [] }]);
  });
});
