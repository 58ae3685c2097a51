/** The built-in step types as the studio's action picker lists them (metadata's STEP_TYPES: label, description, settings schema). */
import { STEP_TYPES } from '@trellis/metadata';
import type { WorkflowActionType } from './workflows.types.js';

export function builtInActionTypes(): WorkflowActionType[] {
  return Object.entries(STEP_TYPES).map(([type, info]) => ({
    type,
    label: info.label,
    description: info.description ?? null,
    plugin: null,
    schema: info.schema,
    beforeSave: info.beforeSave,
  }));
}
