import type { MetadataProblem } from '@trellis/metadata';
import { wonFollowUp } from './workflow-fixture.js';
import {
  flattenSteps,
  parsePathKey,
  parseWorkflowProblemPath,
  pathKey,
  selectionAfterMove,
  selectionAfterRemove,
  stepPathText,
  problemCounts,
  problemsOfPart,
  problemsOfStep,
  stepAt,
  stepListAt,
  workflowPointer,
  workflowProblems,
} from './workflow-paths.js';

describe('step paths', () => {
  const steps = wonFollowUp().steps;

  it('reads steps and lists at paths, branches included', () => {
    expect(stepAt(steps, [0])?.key).toBe('followUp');
    expect(stepAt(steps, [1, 'then', 0])?.key).toBe('tellManager');
    expect(stepAt(steps, [1, 'else', 0])?.key).toBe('tag');
    expect(stepAt(steps, [0, 'then', 0])).toBeUndefined();
    expect(stepListAt(steps, [1, 'then'])).toHaveLength(1);
    expect(stepListAt(steps, [])).toBe(steps);
  });

  it('flattens in execution order with depth, like runtime walkSteps', () => {
    expect(flattenSteps(steps).map((f) => `${pathKey(f.path)}:${f.step.key}:${f.depth}`)).toEqual([
      '0:followUp:0',
      '1:big:0',
      '1.then.0:tellManager:1',
      '1.else.0:tag:1',
      '2:mail:0',
    ]);
  });

  it('round-trips path keys and refuses malformed ones', () => {
    expect(parsePathKey('1.then.0')).toEqual([1, 'then', 0]);
    expect(parsePathKey('1.when.0')).toBeNull();
    expect(parsePathKey('')).toBeNull();
  });

  it('builds JSON pointers with escaping', () => {
    expect(workflowPointer('won', [1, 'else', 0])).toBe('/workflows/won/steps/1/else/0');
    expect(workflowPointer('a/b')).toBe('/workflows/a~1b');
  });
});

describe('problem locations', () => {
  it('finds the step and what is inside it', () => {
    expect(parseWorkflowProblemPath('/workflows/won/steps/2/then/0/values/amunt')).toEqual({
      workflow: 'won',
      part: 'steps',
      step: [2, 'then', 0],
      rest: ['values', 'amunt'],
    });
    expect(parseWorkflowProblemPath('/workflows/won/steps/1/condition')).toEqual({ workflow: 'won', part: 'steps', step: [1], rest: ['condition'] });
    expect(parseWorkflowProblemPath('/workflows/won/trigger/fields/0')).toEqual({ workflow: 'won', part: 'trigger', rest: ['fields', '0'] });
    expect(parseWorkflowProblemPath('/workflows/won')).toEqual({ workflow: 'won', part: '', rest: [] });
    expect(parseWorkflowProblemPath('/entities/deal')).toBeNull();
  });

  it('groups problems per workflow, step and part', () => {
    const problems: MetadataProblem[] = [
      { path: '/workflows/won/steps/1/then/0/title', message: 'a', code: 'x' },
      { path: '/workflows/won/steps/1/condition', message: 'b', code: 'x' },
      { path: '/workflows/won/trigger/entity', message: 'c', code: 'x' },
      { path: '/workflows/other/label', message: 'd', code: 'x' },
      { path: '/entities/opportunity', message: 'e', code: 'x' },
    ];
    const located = workflowProblems(problems, 'won');
    expect(located).toHaveLength(3);
    expect(problemsOfStep(located, [1]).map((p) => p.problem.message)).toEqual(['b']);
    expect(problemsOfStep(located, [1], false).map((p) => p.problem.message)).toEqual(['a', 'b']);
    expect(problemsOfPart(located, 'trigger').map((p) => p.problem.message)).toEqual(['c']);
    expect(problemCounts(problems)).toEqual({ won: 3, other: 1 });
  });
});

describe('step numbers for people', () => {
  it('counts from 1 and names the branch', () => {
    expect(stepPathText([1, 'else', 0])).toBe('Step 2 › otherwise 1');
  });
});

describe('the selection after edits', () => {
  it('follows removals', () => {
    expect(selectionAfterRemove([2], [0])).toEqual([1]);
    expect(selectionAfterRemove([1, 'then', 0], [1])).toBeNull();
    expect(selectionAfterRemove([2, 'then', 1], [0])).toEqual([1, 'then', 1]);
    expect(selectionAfterRemove([1, 'then', 1], [1, 'then', 0])).toEqual([1, 'then', 0]);
    expect(selectionAfterRemove([0], [1])).toEqual([0]);
    expect(selectionAfterRemove(null, [1])).toBeNull();
  });

  it('follows moves of the step and of its neighbour', () => {
    expect(selectionAfterMove([1], [1], 1)).toEqual([2]);
    expect(selectionAfterMove([2], [1], 1)).toEqual([1]);
    expect(selectionAfterMove([1, 'else', 0], [1], -1)).toEqual([0, 'else', 0]);
    expect(selectionAfterMove([3], [1], 1)).toEqual([3]);
  });
});
