import type { MetadataDocument, WorkflowDefinition } from '@trellis/metadata';
import { buildRuleContext } from '../rules/rule-context.js';
import { salesDocument } from '../sales.fixture.js';
import { applyBeforeSave } from './before-save.js';

function docWith(workflows: Record<string, WorkflowDefinition>): MetadataDocument {
  return { ...salesDocument(), workflows };
}

const now = '2026-01-01T00:00:00.000Z';
const onUpdate = { type: 'recordUpdated' as const, entity: 'opportunity' };

describe('applyBeforeSave', () => {
  it('applies updateRecord values in name order, each workflow seeing the previous ones', () => {
    const doc = docWith({
      bSecond: { label: 'B', timing: 'beforeSave', trigger: onUpdate, steps: [{ key: 's', type: 'updateRecord', values: { name: { cat: [{ var: 'record.name' }, '!'] } } }] },
      aFirst: { label: 'A', timing: 'beforeSave', trigger: onUpdate, steps: [{ key: 's', type: 'updateRecord', values: { name: 'Renamed', probability: 10 } }] },
    });
    const ctx = buildRuleContext({ record: { id: 'o1', name: 'Deal' }, previous: { id: 'o1', name: 'Deal' }, now });
    expect(applyBeforeSave(doc, 'opportunity', 'update', ctx)).toEqual({ changes: { name: 'Renamed!', probability: 10 }, failures: [] });
    expect(ctx.record).toEqual({ id: 'o1', name: 'Deal' });
  });

  it('later steps read earlier step outputs and the updated record', () => {
    const doc = docWith({
      w: { label: 'W', timing: 'beforeSave', trigger: { type: 'recordCreated', entity: 'opportunity' }, steps: [
        { key: 'first', type: 'updateRecord', values: { quantity: 2 } },
        { key: 'second', type: 'updateRecord', values: { weight: { '*': [{ var: 'record.quantity' }, 1.5] } } },
      ] },
    });
    const ctx = buildRuleContext({ record: { name: 'Deal' }, now });
    expect(applyBeforeSave(doc, 'opportunity', 'create', ctx).changes).toEqual({ quantity: 2, weight: 3 });
  });

  it('skips inactive, after-save, other-entity, other-operation workflows and false conditions', () => {
    const step = [{ key: 's', type: 'updateRecord' as const, values: { name: 'x' } }];
    const doc = docWith({
      inactive: { label: 'I', active: false, timing: 'beforeSave', trigger: onUpdate, steps: step },
      after: { label: 'A', trigger: onUpdate, steps: step },
      other: { label: 'O', timing: 'beforeSave', trigger: { type: 'recordUpdated', entity: 'company' }, steps: step },
      create: { label: 'C', timing: 'beforeSave', trigger: { type: 'recordCreated', entity: 'opportunity' }, steps: step },
      notWon: { label: 'N', timing: 'beforeSave', trigger: onUpdate, condition: { '==': [{ var: 'record.stage' }, 'won'] }, steps: step },
    });
    const ctx = buildRuleContext({ record: { stage: 'new' }, previous: { stage: 'new' }, now });
    expect(applyBeforeSave(doc, 'opportunity', 'update', ctx)).toEqual({ changes: {}, failures: [] });
  });

  it('fieldChanged runs only when a listed field changed', () => {
    const doc = docWith({
      w: { label: 'W', timing: 'beforeSave', trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] }, steps: [{ key: 's', type: 'updateRecord', values: { probability: 100 } }] },
    });
    expect(applyBeforeSave(doc, 'opportunity', 'update', buildRuleContext({ record: { stage: 'won' }, previous: { stage: 'new' }, now })).changes).toEqual({ probability: 100 });
    expect(applyBeforeSave(doc, 'opportunity', 'update', buildRuleContext({ record: { stage: 'new' }, previous: { stage: 'new' }, now })).changes).toEqual({});
  });

  it('failWithMessage refuses with the rendered message and fields, and stops that workflow', () => {
    const doc = docWith({
      guard: { label: 'Guard', timing: 'beforeSave', trigger: onUpdate, steps: [
        { key: 'no', type: 'failWithMessage', message: '{{record.name}} cannot be won by {{user.name}}', fields: ['stage'] },
        { key: 'after', type: 'updateRecord', values: { name: 'never' } },
      ] },
    });
    const ctx = buildRuleContext({ record: { name: 'Deal' }, previous: {}, user: { id: 'u', kind: 'user', name: 'Ann' }, now });
    expect(applyBeforeSave(doc, 'opportunity', 'update', ctx)).toEqual({
      changes: {}, failures: [{ workflow: 'guard', message: 'Deal cannot be won by Ann', fields: ['stage'] }],
    });
  });

  it('fails closed when an expression cannot be evaluated or a step is not allowed before save', () => {
    const doc = docWith({
      broken: { label: 'Broken', timing: 'beforeSave', trigger: onUpdate, steps: [{ key: 's', type: 'updateRecord', values: { name: { nope: [] } } }] },
      wrongStep: { label: 'Wrong', timing: 'beforeSave', trigger: onUpdate, steps: [{ key: 'n', type: 'notify', recipients: { owner: true }, title: 't' }] },
    });
    const { failures } = applyBeforeSave(doc, 'opportunity', 'update', buildRuleContext({ record: {}, previous: {}, now }));
    expect(failures).toEqual([
      { workflow: 'broken', message: expect.stringMatching(/^Workflow "Broken" could not be evaluated: The value of 'name'/) },
      { workflow: 'wrongStep', message: expect.stringMatching(/step 'n' \(notify\) cannot run before save/) },
    ]);
  });

  it('does nothing for a document without workflows', () => {
    expect(applyBeforeSave(salesDocument(), 'opportunity', 'create', buildRuleContext({ record: {}, now }))).toEqual({ changes: {}, failures: [] });
  });
});
