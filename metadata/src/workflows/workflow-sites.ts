/**
 * Every JSON Logic expression and text template of the document's workflows, with the scope it is read in
 * (trigger record, earlier steps) and what it must give. Expression sites join the rules' `expressionSites`,
 * so validation, impact analysis and rename rewriting treat them like every other expression. Settings that
 * build JSON (an httpRequest body, plugin action inputs) are JSON templates: each operation inside is a site.
 */
import { isRecord, pointer } from '../problems.js';
import type { Component, ExpressionSite } from '../rules/expression-sites.js';
import { fieldLogicType } from '../rules/field-logic-type.js';
import type { LogicType } from '../rules/operations.js';
import type { AnalysisScope } from '../rules/var-paths.js';
import type { FieldDefinition, MetadataDocument } from '../types.js';
import { templateExpressions } from './json-template.js';
import { earlierSteps, stepNodes, type StepNode } from './step-tree.js';
import type { WorkflowStep } from './types.js';
import { triggerEntity, workflowScope, type WorkflowPosition } from './workflow-scope.js';

/** A text setting with `{{placeholders}}`. */
export interface TemplateSite {
  component: Component;
  /** e.g. `step makeTask`. */
  property: string;
  path: string;
  text: string;
  scope: AnalysisScope;
}

export interface WorkflowSites {
  expressions: ExpressionSite[];
  templates: TemplateSite[];
}

/** Template settings per step type (`headers` is a map of templates). */
const TEMPLATE_PROPERTIES: Partial<Record<WorkflowStep['type'], string[]>> = {
  createTask: ['title', 'description'],
  notify: ['title', 'body'],
  sendEmail: ['subject', 'body'],
  httpRequest: ['url'],
  failWithMessage: ['message'],
};

/** Single expression settings per step type, with what they must give. */
const EXPRESSION_PROPERTIES: Partial<Record<WorkflowStep['type'], [string, LogicType][]>> = {
  assign: [['user', 'string']],
  createTask: [['assignee', 'any'], ['dueAt', 'dateTime']],
  sendEmail: [['to', 'any']],
  if: [['condition', 'boolean']],
  wait: [['until', 'dateTime']],
};

/** Step types with a `values` map: field name → expression. */
const VALUE_STEPS: ReadonlySet<string> = new Set(['updateRecord', 'createRecord', 'updateRelated']);

const fieldOf = (doc: MetadataDocument, entity: string | undefined, name: string): FieldDefinition | undefined => {
  const fields = entity !== undefined && isRecord(doc.entities) && isRecord(doc.entities[entity]) ? doc.entities[entity]!.fields : undefined;
  const field = isRecord(fields) && Object.hasOwn(fields, name) ? fields[name] : undefined;
  return isRecord(field) && typeof field.type === 'string' ? field : undefined;
};

/** The target entity of a relation field of `entity`, when it resolves. */
export function relationTarget(doc: MetadataDocument, entity: string | undefined, relation: unknown): string | undefined {
  const field = typeof relation === 'string' ? fieldOf(doc, entity, relation) : undefined;
  return field?.type === 'relation' && typeof field.target === 'string' && isRecord(doc.entities[field.target]) ? field.target : undefined;
}

/** The entity whose fields a step's `values` name: the trigger's, the created one, or the relation's target. */
export function valuesEntity(doc: MetadataDocument, trigger: string | undefined, step: Record<string, unknown>): string | undefined {
  if (step.type === 'createRecord') return typeof step.entity === 'string' ? step.entity : undefined;
  if (step.type === 'updateRelated') return relationTarget(doc, trigger, step.relation);
  return trigger;
}

function stepSites(doc: MetadataDocument, name: string, trigger: unknown, node: StepNode, position: WorkflowPosition, out: WorkflowSites): void {
  const step = node.step as unknown as Record<string, unknown>;
  const type = step.type as WorkflowStep['type'];
  const entity = triggerEntity(trigger);
  const base = ['workflows', name, 'steps', ...node.segments];
  const component: Component = { kind: 'workflow', owner: entity ?? '', name: `workflow ${name}` };
  const property = `step ${String(step.key)}`;
  const scope = workflowScope(doc, trigger, position);
  const add = (path: (string | number)[], expr: unknown, expected: LogicType, what: string) =>
    out.expressions.push({ component, property, path: pointer(...base, ...path), expr, context: 'workflow', entity: entity ?? '', expected, scope, name: what });
  for (const [key, expected] of EXPRESSION_PROPERTIES[type] ?? []) if (key in step) add([key], step[key], expected, `The ${key} of step ${String(step.key)}`);
  if (VALUE_STEPS.has(type) && isRecord(step.values)) {
    const target = valuesEntity(doc, entity, step);
    for (const [field, expr] of Object.entries(step.values)) {
      const def = fieldOf(doc, target, field);
      add(['values', field], expr, def ? fieldLogicType(def) : 'any', `The value of ${field}`);
    }
  }
  // JSON templates: the operations inside, each at its own path (`body/deal/tags/1`).
  const jsonTemplate = (path: (string | number)[], value: unknown, what: string) => {
    for (const { segments, expr } of templateExpressions(value)) add([...path, ...segments], expr, 'any', segments.length ? `${what} at ${segments.join('.')}` : what);
  };
  if (type === 'httpRequest' && 'body' in step) jsonTemplate(['body'], step.body, `The body of step ${String(step.key)}`);
  if (type === 'pluginAction' && isRecord(step.input)) {
    for (const [input, value] of Object.entries(step.input)) jsonTemplate(['input', input], value, `The input ${input}`);
  }
  if (isRecord(step.recipients) && 'users' in step.recipients) add(['recipients', 'users'], step.recipients.users, 'any', 'The recipients');
  if (type === 'updateRelated' && 'filter' in step) {
    const target = relationTarget(doc, entity, step.relation);
    // Compiled to SQL over the related records: their own fields only.
    const filterScope: AnalysisScope = { doc, entity: target ?? '', roots: ['record'], related: false, what: 'the filter of an updateRelated step', whyNot: { previous: 'it reads the related records as stored', user: 'it reads the related records as stored', now: 'it reads the related records as stored' } };
    if (target !== undefined) out.expressions.push({ component: { ...component, owner: target }, property, path: pointer(...base, 'filter'), expr: step.filter, context: 'workflow', entity: target, expected: 'boolean', scope: filterScope, name: `The filter of step ${String(step.key)}` });
  }
  for (const key of TEMPLATE_PROPERTIES[type] ?? []) {
    if (typeof step[key] === 'string') out.templates.push({ component, property, path: pointer(...base, key), text: step[key] as string, scope });
  }
  if (type === 'httpRequest' && isRecord(step.headers)) {
    for (const [header, text] of Object.entries(step.headers)) {
      if (typeof text === 'string') out.templates.push({ component, property, path: pointer(...base, 'headers', header), text, scope });
    }
  }
}

/** The expressions and templates of every workflow of `doc`, workflow by workflow, in execution order. */
export function workflowSites(doc: MetadataDocument): WorkflowSites {
  const out: WorkflowSites = { expressions: [], templates: [] };
  if (!isRecord(doc) || !isRecord(doc.workflows)) return out;
  for (const [name, def] of Object.entries(doc.workflows)) {
    if (!isRecord(def)) continue;
    const nodes = stepNodes(def.steps);
    const all = new Map(nodes.filter((n) => typeof n.step.key === 'string').map((n) => [n.step.key, n.step] as const));
    const entity = triggerEntity(def.trigger);
    if ('condition' in def) {
      const scope = workflowScope(doc, def.trigger, { earlier: new Map(), all }, 'a workflow condition');
      const component: Component = { kind: 'workflow', owner: entity ?? '', name: `workflow ${name}` };
      out.expressions.push({ component, property: 'condition', path: pointer('workflows', name, 'condition'), expr: def.condition, context: 'workflow', entity: entity ?? '', expected: 'boolean', scope, name: 'The condition' });
    }
    for (const node of nodes) {
      const self = typeof node.step.key === 'string' ? node.step.key : undefined;
      stepSites(doc, name, def.trigger, node, { earlier: earlierSteps(nodes, node), all, ...(self === undefined ? {} : { self }) }, out);
    }
  }
  return out;
}
