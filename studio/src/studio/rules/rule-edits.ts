/**
 * Pure edits of the draft for the rule engine's parts of an entity: validation rules, saved views and
 * per-field form conditions. Each returns a new document; problems are left to validateDocument.
 */
import type { FieldConditions, FormLayout, ListViewDefinition, MetadataDocument, ValidationRule } from '@trellis/metadata';

const clone = <T>(value: T): T => structuredClone(value);

/** Puts `value` under `name` of `record`, replacing `previousName` in place (keeps the order on rename). */
function putKeyed<V>(record: Record<string, V> | undefined, name: string, value: V, previousName?: string): Record<string, V> {
  const entries = Object.entries(record ?? {});
  const at = previousName !== undefined ? entries.findIndex(([k]) => k === previousName) : -1;
  if (at >= 0) entries[at] = [name, value];
  else {
    const existing = entries.findIndex(([k]) => k === name);
    if (existing >= 0) entries[existing] = [name, value];
    else entries.push([name, value]);
  }
  return Object.fromEntries(entries.filter(([k], i) => k !== name || entries.findIndex(([x]) => x === name) === i));
}

/** Adds or replaces rule `name` (renaming it from `previousName` when given). */
export function setRule(doc: MetadataDocument, entity: string, name: string, rule: ValidationRule, previousName?: string): MetadataDocument {
  const next = clone(doc);
  const def = next.entities[entity];
  def.rules = putKeyed(def.rules, name, clone(rule), previousName);
  return next;
}

export function removeRule(doc: MetadataDocument, entity: string, name: string): MetadataDocument {
  const next = clone(doc);
  const def = next.entities[entity];
  if (!def.rules) return next;
  const { [name]: _removed, ...rest } = def.rules;
  if (Object.keys(rest).length === 0) delete def.rules;
  else def.rules = rest;
  return next;
}

/** Switches a rule on or off (`active: false` is written; on is the default and leaves the key out). */
export function setRuleActive(doc: MetadataDocument, entity: string, name: string, active: boolean): MetadataDocument {
  const next = clone(doc);
  const rule = next.entities[entity].rules?.[name];
  if (!rule) return next;
  if (active) delete rule.active;
  else rule.active = false;
  return next;
}

export function setView(doc: MetadataDocument, entity: string, name: string, view: ListViewDefinition, previousName?: string): MetadataDocument {
  const next = clone(doc);
  const def = next.entities[entity];
  def.views = putKeyed(def.views, name, clone(view), previousName);
  return next;
}

export function removeView(doc: MetadataDocument, entity: string, name: string): MetadataDocument {
  const next = clone(doc);
  const def = next.entities[entity];
  if (!def.views) return next;
  const { [name]: _removed, ...rest } = def.views;
  if (Object.keys(rest).length === 0) delete def.views;
  else def.views = rest;
  return next;
}

/** Sets (or, with nothing left, removes) the conditions of one field in a form layout. */
export function withFieldConditions(layout: FormLayout, field: string, conditions: FieldConditions | undefined): FormLayout {
  const kept = Object.fromEntries(Object.entries(conditions ?? {}).filter(([, v]) => v !== undefined)) as FieldConditions;
  const all = { ...(layout.conditions ?? {}) };
  if (Object.keys(kept).length === 0) delete all[field];
  else all[field] = kept;
  const next: FormLayout = { ...layout, conditions: all };
  if (Object.keys(all).length === 0) delete next.conditions;
  return next;
}

/** Sets the tab of section `index` ('' removes it). */
export function withSectionTab(layout: FormLayout, index: number, tab: string): FormLayout {
  return {
    ...layout,
    sections: layout.sections.map((s, i) => {
      if (i !== index) return s;
      const { tab: _old, ...rest } = s;
      return tab.trim() ? { ...rest, tab } : rest;
    }),
  };
}
