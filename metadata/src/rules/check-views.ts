/**
 * Semantic check: saved list views name existing fields in their columns and sort (system fields allowed), each
 * once, and sort only by sortable fields. (A view's `filter`: check-expressions.ts.)
 */
import { findFieldType } from '../field-types/registry.js';
import { SORTABLE_SYSTEM_FIELDS, SYSTEM_FIELDS } from '../naming.js';
import { entityEntries, isRecord, pointer, type DocumentCheck } from '../problems.js';
import { checkComponentName } from './check-rules.js';
import { DanglingMessages } from './dangling.js';


export const checkViews: DocumentCheck = (doc, report) => {
  const dangling = new DanglingMessages(doc);
  for (const [entity, def] of entityEntries(doc)) {
    if (!isRecord(def.views)) continue;
    for (const [name, view] of Object.entries(def.views)) {
      if (!isRecord(view)) continue;
      const base = ['entities', entity, 'views', name];
      checkComponentName(report, pointer(...base), 'View', name);
      const known = (field: string) => isRecord(def.fields[field]) || (SYSTEM_FIELDS as readonly string[]).includes(field);
      if (Array.isArray(view.columns)) {
        const seen = new Set<string>();
        view.columns.forEach((field, i) => {
          if (typeof field !== 'string') return;
          const path = pointer(...base, 'columns', i);
          if (!known(field)) report(path, 'unknown-field', dangling.message(entity, field));
          else if (seen.has(field)) report(path, 'duplicate-field', `View ${name} of ${entity} shows column ${field} more than once; keep one.`);
          seen.add(field);
        });
      }
      if (!Array.isArray(view.sort)) continue;
      const seen = new Set<string>();
      view.sort.forEach((spec, i) => {
        const field = isRecord(spec) ? spec.field : undefined;
        if (typeof field !== 'string') return;
        const path = pointer(...base, 'sort', i, 'field');
        const fieldDef = def.fields[field];
        if (seen.has(field)) report(path, 'duplicate-field', `View ${name} of ${entity} sorts by ${field} more than once; keep one.`);
        else if (SORTABLE_SYSTEM_FIELDS.includes(field)) {
          // always sortable
        } else if (!isRecord(fieldDef)) report(path, 'unknown-field', dangling.message(entity, field));
        else if (findFieldType(String(fieldDef.type))?.sortable === false) {
          report(path, 'not-sortable', `View ${name} of ${entity} sorts by ${field}, a ${fieldDef.type} field, which cannot be sorted; sort by another field.`);
        }
        seen.add(field);
      });
    }
  }
};
