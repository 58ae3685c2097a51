/**
 * The studio's view of the step and trigger types: labels, descriptions and settings schemas from metadata's
 * STEP_TYPES / TRIGGER_TYPES (one source for the form, the check and the server), plus an icon and a group for
 * the "Add step" menu.
 */
import { STEP_TYPES, TRIGGER_TYPES, type WorkflowStepType, type WorkflowTrigger } from '@trellis/metadata';
import type { IconName } from '../../ui/Icon.js';

export type TriggerType = WorkflowTrigger['type'];

const ICONS: Record<WorkflowStepType, IconName> = {
  updateRecord: 'edit',
  createRecord: 'plus',
  updateRelated: 'share',
  assign: 'user',
  createTask: 'check',
  notify: 'info',
  sendEmail: 'mail',
  httpRequest: 'link',
  if: 'filter',
  wait: 'history',
  failWithMessage: 'warning',
  pluginAction: 'code',
};

export const STEP_GROUPS: { label: string; types: WorkflowStepType[] }[] = [
  { label: 'Records', types: ['updateRecord', 'createRecord', 'updateRelated', 'assign'] },
  { label: 'People', types: ['createTask', 'notify', 'sendEmail'] },
  { label: 'Flow', types: ['if', 'wait', 'failWithMessage'] },
  { label: 'Integrations', types: ['httpRequest', 'pluginAction'] },
];

export const TRIGGER_ORDER: TriggerType[] = ['recordCreated', 'recordUpdated', 'fieldChanged', 'recordDeleted', 'dateRelative', 'scheduled', 'manual', 'webhook'];

export const stepIcon = (type: string): IconName => ICONS[type as WorkflowStepType] ?? 'code';

export interface StepTypeInfo {
  type: WorkflowStepType;
  label: string;
  description: string;
  /** JSON Schema of the step's settings. */
  schema: Record<string, unknown>;
  /** Allowed in before-save workflows. */
  beforeSave: boolean;
  /** Allowed only there (fail with message). */
  onlyBeforeSave: boolean;
  /** Settings holding JSON Logic / templates (dotted, `*` = each value of a map). */
  expressions: string[];
  templates: string[];
}

export function stepType(type: string): StepTypeInfo | undefined {
  const info = Object.hasOwn(STEP_TYPES, type) ? STEP_TYPES[type as WorkflowStepType] : undefined;
  if (!info) return undefined;
  return {
    type: type as WorkflowStepType,
    label: info.label,
    description: info.description,
    schema: info.schema as Record<string, unknown>,
    beforeSave: info.beforeSave,
    onlyBeforeSave: info.onlyBeforeSave === true,
    expressions: info.expressions,
    templates: info.templates,
  };
}

export const stepTypeLabel = (type: string): string => stepType(type)?.label ?? type;

export interface TriggerTypeInfo {
  type: TriggerType;
  label: string;
  description: string;
}

export function triggerType(type: string): TriggerTypeInfo | undefined {
  const info = Object.hasOwn(TRIGGER_TYPES, type) ? TRIGGER_TYPES[type as TriggerType] : undefined;
  return info ? { type: type as TriggerType, label: info.label, description: info.description } : undefined;
}

export const triggerTypeLabel = (type: string): string => triggerType(type)?.label ?? type;

/** The step types a workflow of this timing may use (before-save: update record and fail with message only). */
export const allowedStepTypes = (beforeSave: boolean): WorkflowStepType[] =>
  STEP_GROUPS.flatMap((g) => g.types).filter((t) => (beforeSave ? stepType(t)?.beforeSave : !stepType(t)?.onlyBeforeSave));
