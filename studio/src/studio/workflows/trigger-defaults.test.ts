import { salesDoc } from '../../testing/sales-doc.js';
import { allowedStepTypes, stepType, triggerTypeLabel } from './step-kinds.js';
import { dateFields, defaultTrigger, switchTriggerEntity, switchTriggerType } from './trigger-defaults.js';

describe('triggers to start from', () => {
  const doc = salesDoc();

  it('fills what each type needs', () => {
    expect(dateFields(doc, 'opportunity')).toEqual(['closeDate']);
    expect(defaultTrigger(doc, 'dateRelative', 'opportunity')).toEqual({ type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 1, unit: 'days' }, direction: 'before' });
    expect(defaultTrigger(doc, 'fieldChanged', 'opportunity')).toEqual({ type: 'fieldChanged', entity: 'opportunity', fields: [] });
    expect(defaultTrigger(doc, 'webhook', 'opportunity')).toEqual({ type: 'webhook' });
  });

  it('keeps the entity across types and clears what belonged to the old one', () => {
    expect(switchTriggerType(doc, { type: 'recordCreated', entity: 'person' }, 'manual', 'company')).toEqual({ type: 'manual', entity: 'person' });
    expect(switchTriggerType(doc, { type: 'webhook' }, 'recordUpdated', 'company')).toEqual({ type: 'recordUpdated', entity: 'company' });
    expect(switchTriggerEntity(doc, { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] }, 'company')).toEqual({ type: 'fieldChanged', entity: 'company', fields: [] });
  });
});

describe('step and trigger types', () => {
  it('come from the metadata catalogue', () => {
    expect(stepType('createTask')?.label).toBe('Create task');
    expect(stepType('nope')).toBeUndefined();
    expect(triggerTypeLabel('fieldChanged')).toBe('Field changed');
    expect(allowedStepTypes(true)).toEqual(['updateRecord', 'failWithMessage']);
    expect(allowedStepTypes(false)).toHaveLength(11);
    expect(allowedStepTypes(false)).not.toContain('failWithMessage');
  });
});
