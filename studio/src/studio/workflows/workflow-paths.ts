/**
 * Addresses of steps inside a workflow's flow: `[2, 'then', 0]` is the first step of the "then" branch of the
 * third step. The same place as runtime's `walkSteps` path ("2.then.0") and as the JSON pointer a metadata
 * problem carries (`/workflows/<name>/steps/2/then/0/values/stage`), so problems land on the step they are about.
 */
import { stepNodes, type MetadataProblem, type WorkflowStep } from '@trellis/metadata';

export type Branch = 'then' | 'else';
/** Alternating indexes and branch names, always ending with an index. */
export type StepPath = (number | Branch)[];
/** Where a list of steps lives: `[]` = the workflow's own steps, `[2, 'then']` = a branch of step 2. */
export type ListPath = (number | Branch)[];

export const isBranch = (segment: unknown): segment is Branch => segment === 'then' || segment === 'else';

/** "2.then.0". */
export const pathKey = (path: StepPath): string => path.join('.');

export function parsePathKey(key: string): StepPath | null {
  if (key === '') return null;
  const parts = key.split('.');
  const out: StepPath = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 0) {
      if (!/^\d+$/.test(part)) return null;
      out.push(Number(part));
    } else if (isBranch(part)) out.push(part);
    else return null;
  }
  return out;
}

export const samePath = (a: StepPath | null | undefined, b: StepPath | null | undefined): boolean => !!a && !!b && pathKey(a) === pathKey(b);

/** The list holding the step and its index there. */
export function splitPath(path: StepPath): { list: ListPath; index: number } {
  return { list: path.slice(0, -1), index: path[path.length - 1] as number };
}

/** The steps of a list path; undefined when it does not lead to a list (e.g. the step there is not an `if`). */
export function stepListAt(steps: WorkflowStep[], list: ListPath): WorkflowStep[] | undefined {
  let current: WorkflowStep[] | undefined = steps;
  for (let i = 0; i < list.length; i += 2) {
    const step: WorkflowStep | undefined = current?.[list[i] as number];
    const branch = list[i + 1];
    if (!step || step.type !== 'if' || !isBranch(branch)) return undefined;
    current = branch === 'then' ? step.then : (step.else ?? []);
  }
  return current;
}

export function stepAt(steps: WorkflowStep[], path: StepPath): WorkflowStep | undefined {
  const { list, index } = splitPath(path);
  return stepListAt(steps, list)?.[index];
}

export interface FlatStep {
  step: WorkflowStep;
  path: StepPath;
  /** 0 for the workflow's own steps, 1 inside a branch, … */
  depth: number;
}

/** Every step in execution order: an `if`, then its "then" steps, then its "else" steps (metadata's `stepNodes`). */
export function flattenSteps(steps: WorkflowStep[] | undefined): FlatStep[] {
  return stepNodes(steps ?? []).map((n) => ({ step: n.step, path: n.segments, depth: (n.segments.length - 1) / 2 }));
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/workflows/<name>` and, given a step path, `/workflows/<name>/steps/2/then/0`. */
export function workflowPointer(workflow: string, path?: StepPath): string {
  const base = `/workflows/${escape(workflow)}`;
  return path ? `${base}/steps/${path.join('/')}` : base;
}

export interface WorkflowProblemLocation {
  workflow: string;
  /** The workflow property the problem is about (`trigger`, `condition`, `steps`, `label`, `runAs`…); '' = the whole workflow. */
  part: string;
  /** For problems inside a step: its path. */
  step?: StepPath;
  /** What follows: inside the step (`['values', 'stage']`), or inside the property (`['fields', '0']`). */
  rest: string[];
}

/** Where a problem's JSON pointer points in a workflow; null when it is not about a workflow. */
export function parseWorkflowProblemPath(pointer: string): WorkflowProblemLocation | null {
  if (!pointer.startsWith('/workflows/')) return null;
  const [, workflow, part = '', ...rest] = pointer.slice(1).split('/').map(unescape);
  if (!workflow) return null;
  if (part !== 'steps' || rest.length === 0 || !/^\d+$/.test(rest[0])) return { workflow, part, rest };
  const step: StepPath = [Number(rest[0])];
  let i = 1;
  while (isBranch(rest[i]) && /^\d+$/.test(rest[i + 1] ?? '')) {
    step.push(rest[i] as Branch, Number(rest[i + 1]));
    i += 2;
  }
  return { workflow, part, step, rest: rest.slice(i) };
}

export interface LocatedProblem {
  problem: MetadataProblem;
  at: WorkflowProblemLocation;
}

/** The problems of one workflow, located. */
export function workflowProblems(problems: MetadataProblem[], workflow: string): LocatedProblem[] {
  return problems.flatMap((problem) => {
    const at = parseWorkflowProblemPath(problem.path);
    return at && at.workflow === workflow ? [{ problem, at }] : [];
  });
}

/** Problems about the step itself (`exact`) or about it and the steps of its branches. */
export function problemsOfStep(located: LocatedProblem[], path: StepPath, exact = true): LocatedProblem[] {
  const key = pathKey(path);
  return located.filter(({ at }) => {
    if (!at.step) return false;
    const k = pathKey(at.step);
    return exact ? k === key : k === key || k.startsWith(`${key}.`);
  });
}

/** Problems about a workflow property (`trigger`, `condition`, `label`…), not inside steps. */
export const problemsOfPart = (located: LocatedProblem[], part: string): LocatedProblem[] => located.filter(({ at }) => at.part === part && !at.step);

/** How many problems each workflow of the document has, for the list. */
export function problemCounts(problems: MetadataProblem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems) {
    const at = parseWorkflowProblemPath(p.path);
    if (at) out[at.workflow] = (out[at.workflow] ?? 0) + 1;
  }
  return out;
}

/** "Step 2", "Step 2 › then 1", for people (1-based). */
export function stepPathText(path: StepPath): string {
  return `Step ${path.map((s) => (typeof s === 'number' ? String(s + 1) : s === 'then' ? '› then' : '› otherwise')).join(' ')}`;
}

/** Whether `path` lies in the list `list` or below one of its steps, and at which index of it. */
function indexIn(list: ListPath, path: StepPath): number | null {
  if (path.length <= list.length || list.some((seg, i) => path[i] !== seg)) return null;
  return path[list.length] as number;
}

/** The selected step's path after the step at `removed` was removed (null: it was removed with it). */
export function selectionAfterRemove(selected: StepPath | null, removed: StepPath): StepPath | null {
  if (!selected) return null;
  const { list, index } = splitPath(removed);
  const at = indexIn(list, selected);
  if (at === null || at < index) return selected;
  if (at === index) return null;
  const next = [...selected];
  next[list.length] = at - 1;
  return next;
}

/** The selected step's path after the step at `moved` swapped places with its neighbour. */
export function selectionAfterMove(selected: StepPath | null, moved: StepPath, delta: -1 | 1): StepPath | null {
  if (!selected) return null;
  const { list, index } = splitPath(moved);
  const at = indexIn(list, selected);
  if (at === null || (at !== index && at !== index + delta)) return selected;
  const next = [...selected];
  next[list.length] = at === index ? index + delta : index;
  return next;
}
