/** What a record page needs to know about the workflows of its entity. */
import type { MetadataDocument } from '@trellis/metadata';
import { walkSteps } from '@trellis/runtime';

/** Whether any workflow of the document reacts to records of an entity (the record page then shows its runs). */
export function entityHasWorkflows(doc: MetadataDocument, entityName: string): boolean {
  return Object.values(doc.workflows ?? {}).some((w) => 'entity' in w.trigger && w.trigger.entity === entityName);
}

/** Step types that may change the triggering record after it was saved. */
const RECORD_CHANGING_STEPS = new Set(['updateRecord', 'assign', 'pluginAction']);

/**
 * Whether saving a record of the entity (created or updated) starts an active after-save workflow that may change
 * that record a moment later: the record page then looks again, so the form does not show stale values (and a
 * later save does not undo the workflow's changes).
 */
export function afterSaveMayChangeRecord(doc: MetadataDocument, entityName: string, mode: 'create' | 'update'): boolean {
  return Object.values(doc.workflows ?? {}).some((workflow) => {
    if (workflow.active === false || workflow.timing === 'beforeSave') return false;
    const trigger = workflow.trigger;
    if (!('entity' in trigger) || trigger.entity !== entityName) return false;
    const fires = mode === 'create' ? trigger.type === 'recordCreated' : trigger.type === 'recordUpdated' || trigger.type === 'fieldChanged';
    return fires && walkSteps(workflow.steps ?? []).some(({ step }) => RECORD_CHANGING_STEPS.has(step.type));
  });
}

/** When the page looks again after a save, in ms: soon (the engine usually runs within tens of ms), then backing off. */
export const RECHECK_AFTER_SAVE_MS = [400, 1200, 3000, 7000];
