/**
 * Keeping workflows consistent when an entity is renamed: `renameEntityInWorkflows` moves the trigger's
 * entity and createRecord steps to the new name. (Field renames are carried by `rewriteReferences`, which
 * rewrites workflow field lists, values keys, relations, expressions and templates with everything else.)
 */
import { isRecord } from '../problems.js';
import type { MetadataDocument } from '../types.js';
import { stepNodes } from './step-tree.js';

/** A copy of `doc` whose workflows name entity `to` where they named `from`. */
export function renameEntityInWorkflows(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  for (const def of Object.values(isRecord(next.workflows) ? next.workflows : {})) {
    if (!isRecord(def)) continue;
    if (isRecord(def.trigger) && 'entity' in def.trigger && def.trigger.entity === from) def.trigger.entity = to;
    for (const { step } of stepNodes(def.steps)) if (step.type === 'createRecord' && step.entity === from) step.entity = to;
  }
  return next;
}
