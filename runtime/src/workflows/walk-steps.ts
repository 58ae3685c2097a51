/**
 * A workflow's steps as one flat list in execution order (an `if` before its `then` steps, then its `else`
 * steps), each with its position: the run cursor, dry-run reports and the editor address steps by `path`.
 */
import type { WorkflowStep } from '@trellis/metadata';

export interface WalkedStep {
  step: WorkflowStep;
  /** Indexes and branch names from the top: `"2"`, `"2.then.0"`, `"2.else.1.then.0"`. */
  path: string;
  /** 0 for top-level steps, +1 inside each `if` branch. */
  depth: number;
}

export function walkSteps(steps: readonly WorkflowStep[]): WalkedStep[] {
  const walked: WalkedStep[] = [];
  const visit = (list: readonly WorkflowStep[], prefix: string, depth: number): void => {
    list.forEach((step, index) => {
      const path = `${prefix}${index}`;
      walked.push({ step, path, depth });
      if (step.type === 'if') {
        visit(step.then ?? [], `${path}.then.`, depth + 1);
        visit(step.else ?? [], `${path}.else.`, depth + 1);
      }
    });
  };
  visit(steps, '', 0);
  return walked;
}
