import type { WorkflowStep } from '@trellis/metadata';
import { docWithWorkflow } from './workflow-fixture.js';
import {
  createWorkflow,
  duplicateWorkflow,
  insertStep,
  moveStep,
  newStep,
  removeStep,
  removeWorkflow,
  renameStepKey,
  rewriteStepReferences,
  setCondition,
  setTrigger,
  stepKeys,
  uniqueStepKey,
  updateStep,
  updateWorkflow,
} from './workflow-edits.js';

const keysOf = (steps: WorkflowStep[] | undefined) => (steps ?? []).map((s) => s.key);

describe('workflow edits', () => {
  it('creates an inactive workflow without touching the input', () => {
    const doc = docWithWorkflow();
    const before = JSON.stringify(doc);
    const next = createWorkflow(doc, { name: 'welcome', label: 'Welcome', trigger: { type: 'recordCreated', entity: 'person' } });
    expect(JSON.stringify(doc)).toBe(before);
    expect(next.workflows?.welcome).toEqual({ label: 'Welcome', active: false, trigger: { type: 'recordCreated', entity: 'person' }, steps: [] });
  });

  it('removes and duplicates workflows', () => {
    const doc = docWithWorkflow();
    expect(removeWorkflow(doc, 'wonFollowUp').workflows).toBeUndefined();
    const copy = duplicateWorkflow(doc, 'wonFollowUp', 'copy', 'Copy');
    expect(copy.workflows?.copy.label).toBe('Copy');
    expect(copy.workflows?.copy.steps).toEqual(doc.workflows?.wonFollowUp.steps);
  });

  it('keeps settings at their default out of the definition', () => {
    let doc = updateWorkflow(docWithWorkflow(), 'wonFollowUp', { runAs: 'salesManager', timing: 'beforeSave', maxDepth: 3, active: true });
    expect(doc.workflows?.wonFollowUp).toMatchObject({ runAs: 'salesManager', timing: 'beforeSave', maxDepth: 3, active: true });
    doc = updateWorkflow(doc, 'wonFollowUp', { runAs: 'admin', timing: 'afterSave', maxDepth: 5, description: '', active: false });
    const def = doc.workflows!.wonFollowUp;
    expect(def.active).toBe(false);
    expect('runAs' in def || 'timing' in def || 'maxDepth' in def || 'description' in def).toBe(false);
  });

  it('drops the before-save timing when the trigger is not a record write', () => {
    let doc = updateWorkflow(docWithWorkflow(), 'wonFollowUp', { timing: 'beforeSave' });
    doc = setTrigger(doc, 'wonFollowUp', { type: 'scheduled', cron: '0 9 * * *' });
    expect(doc.workflows?.wonFollowUp.timing).toBeUndefined();
    expect(setCondition(doc, 'wonFollowUp', undefined).workflows?.wonFollowUp.condition).toBeUndefined();
  });

  it('inserts, updates, moves and removes steps, in branches too', () => {
    const doc = docWithWorkflow();
    let next = insertStep(doc, 'wonFollowUp', [], 1, { type: 'wait', key: 'pause', duration: { amount: 1, unit: 'hours' } });
    expect(keysOf(next.workflows?.wonFollowUp.steps)).toEqual(['followUp', 'pause', 'big', 'mail']);
    next = insertStep(next, 'wonFollowUp', [2, 'then'], 1, { type: 'wait', key: 'later', duration: { amount: 1, unit: 'days' } });
    const big = next.workflows!.wonFollowUp.steps[2];
    expect(big.type === 'if' && keysOf(big.then)).toEqual(['tellManager', 'later']);
    next = moveStep(next, 'wonFollowUp', [1], 1);
    expect(keysOf(next.workflows?.wonFollowUp.steps)).toEqual(['followUp', 'big', 'pause', 'mail']);
    expect(moveStep(next, 'wonFollowUp', [0], -1)).toBe(next);
    next = removeStep(next, 'wonFollowUp', [1, 'else', 0]);
    const after = next.workflows!.wonFollowUp.steps[1];
    expect(after.type === 'if' && after.else).toBeUndefined();
    next = updateStep(next, 'wonFollowUp', [0], { type: 'createTask', key: 'followUp', title: 'Renamed task' });
    expect(next.workflows?.wonFollowUp.steps[0]).toEqual({ type: 'createTask', key: 'followUp', title: 'Renamed task' });
    expect(JSON.stringify(doc.workflows?.wonFollowUp)).not.toContain('Renamed task');
  });

  it('creates an else branch on first insert', () => {
    let doc = docWithWorkflow();
    doc = removeStep(doc, 'wonFollowUp', [1, 'else', 0]);
    doc = insertStep(doc, 'wonFollowUp', [1, 'else'], 0, { type: 'wait', key: 'w', duration: { amount: 1, unit: 'days' } });
    const big = doc.workflows!.wonFollowUp.steps[1];
    expect(big.type === 'if' && keysOf(big.else)).toEqual(['w']);
  });

  it('gives new steps unique keys', () => {
    const def = docWithWorkflow().workflows!.wonFollowUp;
    expect(stepKeys(def)).toEqual(['followUp', 'big', 'tellManager', 'tag', 'mail']);
    expect(uniqueStepKey('mail', stepKeys(def))).toBe('mail2');
    expect(newStep('createTask', def)).toMatchObject({ type: 'createTask', key: 'createTask', dueIn: { amount: 1, unit: 'days' } });
  });

  it('renames a step key with the references to it', () => {
    const doc = renameStepKey(docWithWorkflow(), 'wonFollowUp', [0], 'task');
    const text = JSON.stringify(doc.workflows?.wonFollowUp);
    expect(text).not.toContain('steps.followUp');
    expect(text).toContain('{{steps.task.taskId}}');
    expect(text).toContain('"var":"steps.task.taskId"');
    expect(rewriteStepReferences('steps.followUpLater and steps.followUp', 'followUp', 'x')).toBe('steps.followUpLater and steps.x');
  });
});
