/**
 * Every JSON Logic expression of a document, with the scope it is evaluated in and the result it must give:
 * validation rules (`invalidWhen`), form conditions, saved-view filters, formula expressions and roll-up filters.
 * One list, used by validation, impact analysis and rename rewriting alike.
 */
import { entityEntries, fieldEntries, isRecord, pointer } from '../problems.js';
import type { MetadataDocument } from '../types.js';
import { resultTypeLogicType } from './field-logic-type.js';
import type { LogicType } from './operations.js';
import type { AnalysisScope } from './var-paths.js';
import { workflowSites } from '../workflows/workflow-sites.js';

/** Where an expression lives; decides which context roots it sees. */
export type ExpressionContext = 'rule' | 'condition' | 'viewFilter' | 'formula' | 'rollupFilter' | 'roleScope' | 'workflow';

const CONTEXTS: Record<ExpressionContext, Omit<AnalysisScope, 'doc' | 'entity'>> = {
  rule: { roots: ['record', 'previous', 'user', 'now'], related: true, what: 'a validation rule' },
  condition: { roots: ['record', 'previous', 'user', 'now'], related: false, what: 'a form condition' },
  viewFilter: { roots: ['record', 'user', 'now'], related: false, what: 'a view filter' },
  formula: { roots: ['record'], related: true, what: 'a formula' },
  rollupFilter: { roots: ['record'], related: false, what: 'a roll-up filter' },
  // Compiled to SQL per request: the record as stored and who asks, nothing else.
  roleScope: {
    roots: ['record', 'user'],
    related: false,
    what: 'a record scope of a role',
    whyNot: { previous: 'a scope is about the record as stored', now: 'which records a role may see must not change with the clock' },
  },
  // Workflow sites carry their own scope (trigger record, earlier steps: workflows/workflow-scope.ts); this is the fallback.
  workflow: { roots: ['record', 'previous', 'user', 'now'], related: false, what: 'a workflow expression' },
};

/** The analysis scope of an expression of `context` over records of `entity`. */
export function expressionScope(doc: MetadataDocument, entity: string, context: ExpressionContext): AnalysisScope {
  return { doc, entity, ...CONTEXTS[context] };
}

/** The kinds of document components that can reference a field. */
export type ReferenceKind = 'rule' | 'condition' | 'layout' | 'listLayout' | 'view' | 'formula' | 'rollup' | 'displayField' | 'relation' | 'role' | 'workflow';

/** A document component, for messages: its kind, the entity it belongs to, and a short name (`rule closeDateWhenWon`). */
export interface Component {
  kind: ReferenceKind;
  /** The entity it belongs to (for a role: the entity whose permissions name the field). */
  owner: string;
  name: string;
  /** For formulas, roll-ups and relations: the field of `owner` the component is. */
  field?: string;
}

export interface ExpressionSite {
  component: Component;
  /** The property holding the expression, e.g. `invalidWhen`, `visibleWhen`, `filter`, `expression`. */
  property: string;
  /** JSON pointer of the expression in the document. */
  path: string;
  expr: unknown;
  context: ExpressionContext;
  /** The entity whose record the expression reads (the related entity for a roll-up filter). */
  entity: string;
  /** What the expression must give (`any` = anything). */
  expected: LogicType;
  /** The scope, when it depends on more than the context (workflows: the trigger and the earlier steps). */
  scope?: AnalysisScope;
  /** The expression in messages, e.g. "The value of amount" (default by context). */
  name?: string;
}

/** The scope `site` is analyzed in. */
export function siteScope(doc: MetadataDocument, site: ExpressionSite): AnalysisScope {
  return site.scope ?? expressionScope(doc, site.entity, site.context);
}

export const CONDITION_PROPERTIES = ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const;

/** The expressions of `doc`, entity by entity, in document order. Skips parts too broken to read. */
export function expressionSites(doc: MetadataDocument): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  for (const [entity, def] of entityEntries(doc)) {
    const base = ['entities', entity];
    if (isRecord(def.rules)) {
      for (const [name, rule] of Object.entries(def.rules)) {
        if (!isRecord(rule) || !('invalidWhen' in rule)) continue;
        const component: Component = { kind: 'rule', owner: entity, name: `rule ${name}` };
        sites.push({ component, property: 'invalidWhen', path: pointer(...base, 'rules', name, 'invalidWhen'), expr: rule.invalidWhen, context: 'rule', entity, expected: 'boolean' });
      }
    }
    const conditions = isRecord(def.layouts) && isRecord(def.layouts.form) ? def.layouts.form.conditions : undefined;
    if (isRecord(conditions)) {
      for (const [field, set] of Object.entries(conditions)) {
        if (!isRecord(set)) continue;
        const component: Component = { kind: 'condition', owner: entity, name: `form conditions of ${field}` };
        for (const property of CONDITION_PROPERTIES) {
          if (!(property in set)) continue;
          const path = pointer(...base, 'layouts', 'form', 'conditions', field, property);
          sites.push({ component, property, path, expr: set[property], context: 'condition', entity, expected: 'boolean' });
        }
      }
    }
    if (isRecord(def.views)) {
      for (const [name, view] of Object.entries(def.views)) {
        if (!isRecord(view) || !('filter' in view)) continue;
        const component: Component = { kind: 'view', owner: entity, name: `view ${name}` };
        sites.push({ component, property: 'filter', path: pointer(...base, 'views', name, 'filter'), expr: view.filter, context: 'viewFilter', entity, expected: 'boolean' });
      }
    }
    for (const [name, field] of fieldEntries(def)) {
      if ('expression' in field) {
        const component: Component = { kind: 'formula', owner: entity, name: `formula ${name}`, field: name };
        const expected = resultTypeLogicType(field.resultType) ?? 'any';
        sites.push({ component, property: 'expression', path: pointer(...base, 'fields', name, 'expression'), expr: field.expression, context: 'formula', entity, expected });
      }
      const target = rollupTarget(doc, entity, field.relation);
      if ('filter' in field && target !== undefined) {
        const component: Component = { kind: 'rollup', owner: entity, name: `rollup ${name}`, field: name };
        sites.push({ component, property: 'filter', path: pointer(...base, 'fields', name, 'filter'), expr: field.filter, context: 'rollupFilter', entity: target, expected: 'boolean' });
      }
    }
  }
  sites.push(...roleScopeSites(doc));
  sites.push(...workflowSites(doc).expressions);
  return sites;
}

/** The scoped operations of a role's entity permission. */
export const SCOPED_OPERATIONS = ['read', 'update', 'delete'] as const;

/** Record scopes of roles that are predicates (`true`/`false` need no analysis), for entities the document has. */
function roleScopeSites(doc: MetadataDocument): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  if (!isRecord(doc.roles)) return sites;
  for (const [role, def] of Object.entries(doc.roles)) {
    if (!isRecord(def) || !isRecord(def.entities)) continue;
    for (const [entity, permission] of Object.entries(def.entities)) {
      if (!isRecord(permission) || !isRecord(doc.entities) || !isRecord(doc.entities[entity])) continue;
      const component: Component = { kind: 'role', owner: entity, name: `role ${role}` };
      for (const property of SCOPED_OPERATIONS) {
        const expr = permission[property];
        if (!isRecord(expr)) continue;
        sites.push({ component, property, path: pointer('roles', role, 'entities', entity, property), expr, context: 'roleScope', entity, expected: 'boolean' });
      }
    }
  }
  return sites;
}

/** The entity a roll-up aggregates: the target of its (toMany) `relation` field, when that resolves. */
export function rollupTarget(doc: MetadataDocument, entity: string, relation: unknown): string | undefined {
  if (typeof relation !== 'string') return undefined;
  const field = doc.entities[entity]?.fields[relation];
  if (!isRecord(field) || field.type !== 'relation' || typeof field.target !== 'string') return undefined;
  return isRecord(doc.entities[field.target]) ? field.target : undefined;
}

/** "rule closeDateWhenWon" when it belongs to `entity`, "rule closeDateWhenWon of opportunity" otherwise. */
export function componentName(component: Component, entity?: string): string {
  return component.owner === entity ? component.name : `${component.name} of ${component.owner}`;
}
