/**
 * Fields whose type no loaded plugin provides (the plugin was removed or failed to load) are kept by a publish
 * only exactly as they are: Trellis needs the type to know their columns, so it cannot move them aside, rename
 * them, or follow their entity's rename or removal. Anything else is refused up front with how to fix it, rather
 * than failing halfway through planning.
 */
import { deepEqual } from './diff.js';
import { findFieldType } from './field-types/registry.js';
import { pointer } from './problems.js';
import type { MetadataDocument, MetadataProblem } from './types.js';

export function unavailableFieldProblems(from: MetadataDocument, to: MetadataDocument): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [entity, def] of Object.entries(from.entities)) {
    for (const [field, fieldDef] of Object.entries(def.fields)) {
      if (findFieldType(fieldDef.type)) continue;
      const kept = to.entities[entity]?.fields[field];
      if (kept && deepEqual(kept, fieldDef)) continue;
      const what = !to.entities[entity] ? `removing or renaming entity ${entity}` : !kept ? 'removing or renaming it' : 'changing it';
      problems.push({
        path: pointer('entities', entity, 'fields', field),
        code: 'field-type-unavailable',
        message:
          `Field ${entity}.${field} has type "${fieldDef.type}", which no loaded plugin provides, so it must stay as it is: ` +
          `${what} needs the type to know its columns. Load the plugin that provides "${fieldDef.type}" again (plugins/ or TRELLIS_PLUGINS), then publish this change.`,
      });
    }
  }
  return problems;
}
