/**
 * A workflow's steps as a flat list in execution order (an `if`, then its `then` steps, then its `else`
 * steps), each with its position, and which steps run before which: a step may read `steps.<key>` of a step
 * that ran before it — not of itself, a later step, or a step in the other branch of an `if` it is in.
 * Tolerates broken shapes (the schema reports them).
 */
import { isRecord } from '../problems.js';
import type { WorkflowStep } from './types.js';

export type StepSegment = number | 'then' | 'else';

export interface StepNode {
  step: WorkflowStep;
  /** Position below `steps`: `[2, 'then', 0]`. */
  segments: StepSegment[];
  /** Index in execution (pre-)order. */
  order: number;
}

/** Every step (objects only) in execution order. */
export function stepNodes(steps: unknown): StepNode[] {
  const nodes: StepNode[] = [];
  const visit = (list: unknown, prefix: StepSegment[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((step, index) => {
      if (!isRecord(step)) return;
      const segments = [...prefix, index];
      nodes.push({ step: step as unknown as WorkflowStep, segments, order: nodes.length });
      if (step.type === 'if') {
        visit(step.then, [...segments, 'then']);
        visit(step.else, [...segments, 'else']);
      }
    });
  };
  visit(steps, []);
  return nodes;
}

/** Whether `before` has run (or was skipped by its branch) by the time `at` starts. */
export function runsBefore(before: StepNode, at: StepNode): boolean {
  if (before.order >= at.order) return false;
  const n = Math.min(before.segments.length, at.segments.length);
  for (let i = 0; i < n; i++) {
    const [a, b] = [before.segments[i], at.segments[i]];
    if (a === b) continue;
    // Same `if`, different branches: never both.
    return !(typeof a === 'string' && typeof b === 'string');
  }
  return true; // `before` is an `if` that `at` is inside of
}

/** The step keys `at` may read, each with its step. */
export function earlierSteps(nodes: readonly StepNode[], at: StepNode): Map<string, WorkflowStep> {
  const earlier = new Map<string, WorkflowStep>();
  for (const node of nodes) {
    if (typeof node.step.key === 'string' && runsBefore(node, at) && !earlier.has(node.step.key)) earlier.set(node.step.key, node.step);
  }
  return earlier;
}

/** "2.then.0" (the runtime's `walkSteps` path). */
export const stepPathText = (segments: readonly StepSegment[]): string => segments.join('.');
