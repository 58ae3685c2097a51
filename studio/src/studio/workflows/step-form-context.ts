/** What every setting of a step form needs (React context beside RJSF's, which compares its own deeply). */
import { createContext, useContext } from 'react';
import type { WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import type { SettingMarks } from './step-config.js';
import type { VarPath } from './workflow-context.js';
import type { StepPath } from './workflow-paths.js';

export interface StepFormState {
  workflow: string;
  def: WorkflowDefinition;
  path: StepPath;
  step: WorkflowStep;
  /** The step's settings. */
  config: Record<string, unknown>;
  /** The trigger entity (`record`), if any. */
  entity: string | undefined;
  /** What expressions of this step can read. */
  paths: VarPath[];
  /** The draft check's problems of this step, paths inside the step. */
  problems: { rest: string[]; message: string }[];
  marks: SettingMarks;
  /** Sets settings (undefined removes one); edits sharing `undoKey` in quick succession are one undo step. */
  patch: (patch: Record<string, unknown>, undoKey?: string) => void;
}

export const StepFormContext = createContext<StepFormState | null>(null);

export function useStepForm(): StepFormState {
  const state = useContext(StepFormContext);
  if (!state) throw new Error('useStepForm outside a step form');
  return state;
}
