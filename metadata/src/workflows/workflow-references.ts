/**
 * The fields workflows name outside expressions: fieldChanged's field list, dateRelative's field, the keys
 * of `values` maps (of the trigger entity, a created entity or a relation's target), updateRelated's
 * relation, failWithMessage's fields, and `{{record.<field>}}` in templates. Expressions are expression
 * sites (workflow-sites.ts). Each reference's component belongs to the entity whose field it names.
 */
import { isRecord, pointer } from '../problems.js';
import { placeholderPaths } from '../rules/message-template.js';
import type { Collector } from '../rules/references.js';
import type { Component } from '../rules/expression-sites.js';
import type { MetadataDocument } from '../types.js';
import { stepNodes } from './step-tree.js';
import { valuesEntity, workflowSites } from './workflow-sites.js';
import { triggerEntity } from './workflow-scope.js';

const component = (name: string, entity: string): Component => ({ kind: 'workflow', owner: entity, name: `workflow ${name}` });

function triggerReferences(c: Collector, name: string, trigger: unknown): void {
  const entity = triggerEntity(trigger);
  if (entity === undefined || !isRecord(trigger)) return;
  const base = ['workflows', name, 'trigger'];
  if (trigger.type === 'fieldChanged') c.list(entity, trigger.fields, [...base, 'fields'], component(name, entity), 'trigger fields');
  if (trigger.type === 'dateRelative') c.add(entity, trigger.field, component(name, entity), pointer(...base, 'field'), 'trigger date field');
}

function stepReferences(c: Collector, doc: MetadataDocument, name: string, trigger: unknown, steps: unknown): void {
  const entity = triggerEntity(trigger);
  for (const { step: s, segments } of stepNodes(steps)) {
    const step = s as unknown as Record<string, unknown>;
    const base = ['workflows', name, 'steps', ...segments];
    const detail = `step ${String(step.key)}`;
    const target = valuesEntity(doc, entity, step);
    if (target !== undefined && isRecord(step.values)) {
      for (const field of Object.keys(step.values)) c.add(target, field, component(name, target), pointer(...base, 'values', field), detail, { type: 'key' });
    }
    if (entity === undefined) continue;
    if (step.type === 'updateRelated') c.add(entity, step.relation, component(name, entity), pointer(...base, 'relation'), detail);
    if (step.type === 'failWithMessage') c.list(entity, step.fields, [...base, 'fields'], component(name, entity), detail);
  }
}

/** Adds every workflow reference to a field of `doc` to `c`. */
export function collectWorkflowReferences(c: Collector, doc: MetadataDocument): void {
  if (!isRecord(doc.workflows)) return;
  for (const [name, def] of Object.entries(doc.workflows)) {
    if (!isRecord(def)) continue;
    triggerReferences(c, name, def.trigger);
    stepReferences(c, doc, name, def.trigger, def.steps);
  }
  for (const site of workflowSites(doc).templates) {
    if (site.scope.entity === '') continue;
    for (const path of placeholderPaths(site.text)) {
      const [root, ...rest] = path.split('.');
      if (root === 'record' || root === 'previous') c.dotted(site.scope.entity, rest, path, { ...site.component, owner: site.scope.entity }, site.path, site.property, true);
    }
  }
}
