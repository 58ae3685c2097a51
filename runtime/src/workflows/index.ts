export type { WorkflowContext, WorkflowTriggerInfo } from './context.js';
