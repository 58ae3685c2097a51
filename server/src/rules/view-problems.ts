/**
 * Publish-time checks of saved list views that need the server's knowledge: the view's filter must compile to
 * SQL (the JSON Logic compiler's static checks), its sort fields must be sortable, and its `view` enum of the
 * generated API must have a free, valid name. Run by the metadata store after `validateDocument` found nothing.
 */
import {
  BUILT_IN_GRAPHQL_NAMES,
  graphqlNames,
  pascalCase,
  pointer,
  scalarFilterNames,
  type MetadataDocument,
  type MetadataProblem,
} from '@trellis/metadata';
import { dataModelOf } from '../records/data-model.js';
import { assertCompilable } from './compile-json-logic.js';
import { isRuleCompileError } from './rule-compile-error.js';

/** Name of the `view` argument's enum of an entity: `DealView`. */
export function viewEnumName(entity: string): string {
  return `${pascalCase(entity)}View`;
}

const ENUM_VALUE = /^[_A-Za-z][_0-9A-Za-z]*$/;
const GENERATED_ROLES = ['type', 'connection', 'edge', 'filter', 'orderBy', 'orderField', 'createInput', 'updateInput', 'relationFilter'] as const;

/** Every problem of the document's saved views (empty = fine). */
export function viewProblems(doc: MetadataDocument): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const model = dataModelOf(doc, 'main');
  const taken = new Set<string>([...BUILT_IN_GRAPHQL_NAMES, ...scalarFilterNames()]);
  for (const [name, def] of Object.entries(doc.entities)) {
    const names = graphqlNames(name, def.plural);
    for (const role of GENERATED_ROLES) taken.add(names[role]);
  }
  for (const [entity, def] of Object.entries(doc.entities)) {
    const views = Object.entries(def.views ?? {});
    if (views.length === 0) continue;
    const enumName = viewEnumName(entity);
    if (taken.has(enumName)) {
      problems.push({
        path: pointer('entities', entity, 'views'),
        code: 'graphql-name-collision',
        message: `The saved views of ${entity} are offered as the GraphQL enum "${enumName}", a name another generated type already has. Rename the entity that generates "${enumName}".`,
      });
    }
    taken.add(enumName);
    const fields = model.entities.get(entity)!.fields;
    for (const [viewName, view] of views) {
      const at = (...rest: (string | number)[]) => pointer('entities', entity, 'views', viewName, ...rest);
      if (!ENUM_VALUE.test(viewName) || ['true', 'false', 'null'].includes(viewName)) {
        problems.push({ path: at(), code: 'invalid-view-name', message: `View name "${viewName}" cannot be a GraphQL enum value: use letters, digits and _ (not true, false or null).` });
      }
      if (view.filter !== undefined) {
        try {
          assertCompilable(doc, entity, view.filter);
        } catch (error) {
          if (!isRuleCompileError(error)) throw error;
          problems.push({ path: at('filter'), code: 'view-filter-not-compilable', message: `The filter of view "${view.label}" cannot run as SQL: ${error.message}` });
        }
      }
      (view.sort ?? []).forEach((spec, i) => {
        const field = fields.get(spec.field);
        if (field && !(field.kind === 'scalar' && field.sortable)) {
          problems.push({ path: at('sort', i, 'field'), code: 'view-sort-not-sortable', message: `View "${view.label}" sorts by ${entity}.${spec.field}, which cannot be sorted. Sort by another field.` });
        }
      });
    }
  }
  return problems;
}
