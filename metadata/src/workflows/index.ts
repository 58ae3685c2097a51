export * from './types.js';
export { cronProblem, timeZoneProblem, CRON_MODE } from './cron.js';
export {
  STEP_TYPES,
  TRIGGER_TYPES,
  WORKFLOW_SCHEMA,
  WORKFLOW_STEP_SCHEMA,
  WORKFLOW_TRIGGER_SCHEMA,
  DURATION_SCHEMA,
  MAX_WORKFLOW_DEPTH,
  DEFAULT_WORKFLOW_DEPTH,
  MAX_HTTP_TIMEOUT_MS,
  PLUGIN_ACTION_PATTERN,
  type WorkflowTypeInfo,
  type WorkflowTriggerType,
} from './workflows-schema.js';
export { STEP_OUTPUTS, type StepOutputProperty } from './step-outputs.js';
export { stepNodes, runsBefore, earlierSteps, stepPathText, type StepNode, type StepSegment } from './step-tree.js';
export { describeStep, stepName } from './step-names.js';
export { isTemplateOperation, templateExpressions, type TemplateExpression } from './json-template.js';
export { workflowScope, triggerEntity, RECORD_TRIGGERS, UPDATE_TRIGGERS, USER_TRIGGERS, type WorkflowPosition } from './workflow-scope.js';
export { workflowSites, type TemplateSite, type WorkflowSites } from './workflow-sites.js';
export { workflowPosition, workflowExpressionScope, workflowVarPaths, checkWorkflowExpression, type WorkflowVarPath } from './workflow-paths.js';
export { checkWorkflows } from './check-workflows.js';
export { renameEntityInWorkflows } from './workflow-edits.js';
export { describeWorkflowChanges, describeTrigger } from './describe-workflow-changes.js';
