/**
 * Impact analysis: every place of a document that names a field — expressions (rules, conditions, view filters,
 * formulas, roll-up filters, role scopes), rule messages and field lists, layouts, views, the display field, roll-up
 * and relation properties, the field access of roles — including references from other entities through relations (`record.company.employees`,
 * a roll-up over `opportunities.amount`). `findReferences` answers "what uses this field?"; the sites also say
 * how to rewrite each reference (used by `rewriteReferences`).
 */
import { entityEntries, fieldEntries, isRecord, pointer, segmentsOf } from '../problems.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '../types.js';
import { analyzeJsonLogic, type AnalyzedReference } from './analyze.js';
import { componentName, expressionScope, expressionSites, rollupTarget, siteScope, type Component, type ReferenceKind } from './expression-sites.js';
import { collectWorkflowReferences } from '../workflows/workflow-references.js';
import { messagePlaceholders } from './message-template.js';

export type { ReferenceKind } from './expression-sites.js';

/** One use of a field: what kind of component, where (JSON pointer into the document), and a sentence. */
export interface FieldReference {
  kind: ReferenceKind;
  path: string;
  description: string;
  /** Short name of the component, e.g. `rule closeDateWhenWon`, `form layout`, `formula weighted of company`. */
  component: string;
}

/** How a reference is rewritten when its field is renamed. */
export type ReferenceEdit =
  | { type: 'value' } // the string at `path` is the field name
  | { type: 'segment'; index: number } // the string at `path` is a dotted path; segment `index` is the field name
  | { type: 'template'; placeholder: string; index: number } // a `{{placeholder}}` in the string at `path`
  | { type: 'key' }; // the last segment of `path` is an object key equal to the field name

export interface ReferenceSite {
  /** The referenced field. */
  entity: string;
  field: string;
  component: Component;
  path: string;
  /** What the reference is, within its component (e.g. `invalidWhen`, `columns`). */
  detail: string;
  edit: ReferenceEdit;
}

/** Looks a field up by entity and name (rename rewriting passes one that knows the new name under the old). */
export type FieldLookup = (entity: string, field: string) => FieldDefinition | undefined;

const documentLookup =
  (doc: MetadataDocument): FieldLookup =>
  (entity, field) => {
    const def = isRecord(doc.entities) ? doc.entities[entity] : undefined;
    const f = isRecord(def) && isRecord(def.fields) && Object.hasOwn(def.fields, field) ? def.fields[field] : undefined;
    return isRecord(f) ? f : undefined;
  };

/** Gathers reference sites; exported for the workflows' references (workflows/workflow-references.ts). */
export class Collector {
  readonly sites: ReferenceSite[] = [];
  constructor(readonly lookup: FieldLookup) {}

  add(entity: string, field: unknown, component: Component, path: string, detail: string, edit: ReferenceEdit = { type: 'value' }): void {
    if (typeof field === 'string' && field !== '') this.sites.push({ entity, field, component, path, detail, edit });
  }

  /** Sites of a dotted context path (`record.company.name`, or a bare field name for `changed`). */
  dotted(entity: string, refPath: string[], written: string, component: Component, path: string, detail: string, template: boolean): void {
    const [first, second] = refPath;
    if (first === undefined) return;
    const offset = written.split('.').length - refPath.length;
    const edit = (index: number): ReferenceEdit => (template ? { type: 'template', placeholder: written, index: offset + index } : { type: 'segment', index: offset + index });
    this.add(entity, first, component, path, detail, edit(0));
    const relation = this.lookup(entity, first);
    if (second !== undefined && relation?.type === 'relation' && relation.cardinality === 'manyToOne' && typeof relation.target === 'string') {
      this.add(relation.target, second, component, path, detail, edit(1));
    }
  }

  /** Sites of an expression's references; `base` is the expression's JSON pointer, `doc` holds the written paths. */
  expression(doc: MetadataDocument, base: string, entity: string, references: AnalyzedReference[], component: Component, detail: string): void {
    for (const ref of references) {
      if (ref.root !== 'record' && ref.root !== 'previous') continue;
      const path = base + ref.pointer;
      const written = valueAt(doc, path);
      if (typeof written === 'string') this.dotted(entity, ref.path, written, component, path, detail, false);
    }
  }

  list(entity: string, names: unknown, base: (string | number)[], component: Component, detail: string, key?: string): void {
    if (!Array.isArray(names)) return;
    names.forEach((name, i) => {
      const item = key === undefined ? name : isRecord(name) ? name[key] : undefined;
      this.add(entity, item, component, pointer(...base, i, ...(key === undefined ? [] : [key])), detail);
    });
  }
}

/** The value at a JSON pointer of `doc`. */
export function valueAt(doc: unknown, path: string): unknown {
  let value = doc;
  for (const s of segmentsOf(path)) value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[s] : undefined;
  return value;
}


function collectLayouts(c: Collector, entity: string, def: EntityDefinition): void {
  const base = ['entities', entity];
  c.add(entity, def.displayField, { kind: 'displayField', owner: entity, name: 'display field' }, pointer(...base, 'displayField'), '');
  const form = isRecord(def.layouts) && isRecord(def.layouts.form) ? def.layouts.form : undefined;
  if (Array.isArray(form?.sections)) {
    form.sections.forEach((section, i) => {
      if (!isRecord(section)) return;
      c.list(entity, section.fields, [...base, 'layouts', 'form', 'sections', i, 'fields'], { kind: 'layout', owner: entity, name: 'form layout' }, `section "${section.label}"`);
    });
  }
  if (isRecord(form?.conditions)) {
    for (const field of Object.keys(form.conditions)) {
      const component: Component = { kind: 'condition', owner: entity, name: `form conditions of ${field}` };
      c.add(entity, field, component, pointer(...base, 'layouts', 'form', 'conditions', field), '', { type: 'key' });
    }
  }
  const list = isRecord(def.layouts) && isRecord(def.layouts.list) ? def.layouts.list : undefined;
  const listLayout: Component = { kind: 'listLayout', owner: entity, name: 'list layout' };
  c.list(entity, list?.columns, [...base, 'layouts', 'list', 'columns'], listLayout, 'columns');
  c.list(entity, list?.sort, [...base, 'layouts', 'list', 'sort'], listLayout, 'sort', 'field');
}

function collectRulesAndViews(c: Collector, doc: MetadataDocument, entity: string, def: EntityDefinition): void {
  const base = ['entities', entity];
  for (const [name, rule] of Object.entries(isRecord(def.rules) ? def.rules : {})) {
    if (!isRecord(rule)) continue;
    const component: Component = { kind: 'rule', owner: entity, name: `rule ${name}` };
    c.list(entity, rule.fields, [...base, 'rules', name, 'fields'], component, 'fields');
    if (typeof rule.message !== 'string') continue;
    const scope = expressionScope(doc, entity, 'rule');
    for (const placeholder of messagePlaceholders(rule.message, scope)) {
      const [root, ...rest] = placeholder.path.split('.');
      if (root !== 'record' && root !== 'previous') continue;
      c.dotted(entity, rest, placeholder.path, component, pointer(...base, 'rules', name, 'message'), 'message', true);
    }
  }
  for (const [name, view] of Object.entries(isRecord(def.views) ? def.views : {})) {
    if (!isRecord(view)) continue;
    const component: Component = { kind: 'view', owner: entity, name: `view ${name}` };
    c.list(entity, view.columns, [...base, 'views', name, 'columns'], component, 'columns');
    c.list(entity, view.sort, [...base, 'views', name, 'sort'], component, 'sort', 'field');
  }
}

function collectFields(c: Collector, doc: MetadataDocument, entity: string, def: EntityDefinition): void {
  for (const [name, field] of fieldEntries(def)) {
    const base = ['entities', entity, 'fields', name];
    if (field.type === 'relation' && typeof field.target === 'string') {
      c.add(field.target, field.inverse, { kind: 'relation', owner: entity, name: `relation ${name}`, field: name }, pointer(...base, 'inverse'), 'inverse');
    }
    if (field.relation === undefined) continue;
    const component: Component = { kind: 'rollup', owner: entity, name: `rollup ${name}`, field: name };
    c.add(entity, field.relation, component, pointer(...base, 'relation'), 'relation');
    const target = rollupTarget(doc, entity, field.relation);
    if (target !== undefined) c.add(target, field.aggregateField, component, pointer(...base, 'aggregateField'), 'aggregated field');
  }
}

/** Field access levels of roles (`roles.<role>.entities.<entity>.fields.<field>`); their scopes are expression sites. */
function collectRoles(c: Collector, doc: MetadataDocument): void {
  if (!isRecord(doc.roles)) return;
  for (const [role, def] of Object.entries(doc.roles)) {
    if (!isRecord(def) || !isRecord(def.entities)) continue;
    for (const [entity, permission] of Object.entries(def.entities)) {
      if (!isRecord(permission) || !isRecord(permission.fields)) continue;
      const component: Component = { kind: 'role', owner: entity, name: `role ${role}` };
      for (const field of Object.keys(permission.fields)) {
        c.add(entity, field, component, pointer('roles', role, 'entities', entity, 'fields', field), 'field access', { type: 'key' });
      }
    }
  }
}

/** Every reference to a field in `doc`, in document order. */
export function collectReferenceSites(doc: MetadataDocument, lookup: FieldLookup = documentLookup(doc)): ReferenceSite[] {
  const c = new Collector(lookup);
  for (const [entity, def] of entityEntries(doc)) {
    collectLayouts(c, entity, def);
    collectRulesAndViews(c, doc, entity, def);
    collectFields(c, doc, entity, def);
  }
  collectRoles(c, doc);
  collectWorkflowReferences(c, doc);
  for (const site of expressionSites(doc)) {
    const { references } = analyzeJsonLogic(site.expr, siteScope(doc, site));
    const detail = site.component.kind === 'rollup' ? 'filter' : site.property;
    c.expression(doc, site.path, site.entity, references, site.component, detail);
  }
  return c.sites;
}

const DETAIL_PREFIX: Partial<Record<ReferenceKind, string>> = { layout: 'the ', listLayout: 'the ', displayField: 'the ' };

/** A site as a `FieldReference` seen from the referenced field's entity. */
export function toFieldReference(site: ReferenceSite): FieldReference {
  const component = componentName(site.component, site.entity);
  const prefix = DETAIL_PREFIX[site.component.kind] ?? '';
  const detail = site.detail === '' ? '' : ` (${site.detail})`;
  return { kind: site.component.kind, path: site.path, description: `${prefix}${component}${detail}`, component };
}

/** The uses of `entity.field` among `sites`, one per JSON path, sorted by path. */
export function referencesTo(sites: ReferenceSite[], entity: string, field: string): FieldReference[] {
  const seen = new Set<string>();
  return sites
    .filter((s) => s.entity === entity && s.field === field)
    .filter((s) => !seen.has(s.path) && Boolean(seen.add(s.path)))
    .map(toFieldReference)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every place of `doc` that uses field `field` of `entity` (also from other entities), one per JSON path, sorted by path. */
export function findReferences(doc: MetadataDocument, entity: string, field: string): FieldReference[] {
  return referencesTo(collectReferenceSites(doc), entity, field);
}

/** "rule a (invalidWhen), view b (filter)", at most `max` items, then "and N more". */
export function listReferences(references: FieldReference[], max = 8): string {
  const descriptions = [...new Set(references.map((r) => r.description))];
  const shown = descriptions.slice(0, max).join(', ');
  return descriptions.length > max ? `${shown} and ${descriptions.length - max} more` : shown;
}
