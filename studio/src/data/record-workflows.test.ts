import type { MetadataDocument } from '@trellis/metadata';
import { afterSaveMayChangeRecord, entityHasWorkflows } from './record-workflows.js';

const doc = (workflows: MetadataDocument['workflows']) => ({ entities: {}, workflows }) as unknown as MetadataDocument;

describe('entityHasWorkflows', () => {
  it('finds workflows whose trigger names the entity, whatever their kind', () => {
    const d = doc({
      won: { label: 'Won', trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] }, steps: [] },
      nightly: { label: 'Nightly', trigger: { type: 'scheduled', cron: '0 3 * * *' }, steps: [] },
    });
    expect(entityHasWorkflows(d, 'opportunity')).toBe(true);
    expect(entityHasWorkflows(d, 'company')).toBe(false);
    expect(entityHasWorkflows(doc(undefined), 'company')).toBe(false);
  });
});

describe('afterSaveMayChangeRecord', () => {
  const update = { key: 'setProbability', type: 'updateRecord' as const, values: { probability: 100 } };
  const notify = { key: 'tell', type: 'notify', to: { user: 'owner' }, message: 'Won' } as never;

  it('holds for an active after-save workflow of the entity that may change the record, nested steps included', () => {
    const d = doc({
      won: { label: 'Won', active: true, trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] }, steps: [{ key: 'check', type: 'if', condition: true, then: [update] }] },
      welcome: { label: 'Welcome', trigger: { type: 'recordCreated', entity: 'person' }, steps: [notify] },
    });
    expect(afterSaveMayChangeRecord(d, 'opportunity', 'update')).toBe(true);
    expect(afterSaveMayChangeRecord(d, 'opportunity', 'create')).toBe(false);
    expect(afterSaveMayChangeRecord(d, 'person', 'create')).toBe(false);
  });

  it('ignores inactive and before-save workflows (a before-save change is in the saved answer already)', () => {
    const d = doc({
      off: { label: 'Off', active: false, trigger: { type: 'recordUpdated', entity: 'opportunity' }, steps: [update] },
      inline: { label: 'Inline', timing: 'beforeSave', trigger: { type: 'recordUpdated', entity: 'opportunity' }, steps: [update] },
    });
    expect(afterSaveMayChangeRecord(d, 'opportunity', 'update')).toBe(false);
  });
});
