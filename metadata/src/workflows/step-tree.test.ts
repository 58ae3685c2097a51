import { earlierSteps, runsBefore, stepNodes, stepPathText } from './step-tree.js';
import { followUpWorkflow } from './workflows.fixture.js';

describe('stepNodes', () => {
  it('lists steps in execution order with their positions, skipping non-objects', () => {
    const nodes = stepNodes([...followUpWorkflow().steps, 'junk']);
    expect(nodes.map((n) => [n.step.key, stepPathText(n.segments)])).toEqual([
      ['makeTask', '0'],
      ['big', '1'],
      ['tellManagers', '1.then.0'],
      ['markSmall', '1.else.0'],
      ['log', '2'],
    ]);
    expect(stepNodes(undefined)).toEqual([]);
  });
});

describe('runsBefore / earlierSteps', () => {
  const nodes = stepNodes(followUpWorkflow().steps);
  const node = (key: string) => nodes.find((n) => n.step.key === key)!;

  it('earlier steps, the enclosing if and steps inside earlier branches run before', () => {
    expect(runsBefore(node('makeTask'), node('tellManagers'))).toBe(true);
    expect(runsBefore(node('big'), node('tellManagers'))).toBe(true);
    expect([...earlierSteps(nodes, node('log')).keys()]).toEqual(['makeTask', 'big', 'tellManagers', 'markSmall']);
  });

  it('a step itself, later steps and the other branch of an if do not', () => {
    expect(runsBefore(node('makeTask'), node('makeTask'))).toBe(false);
    expect(runsBefore(node('log'), node('makeTask'))).toBe(false);
    expect(runsBefore(node('tellManagers'), node('markSmall'))).toBe(false);
    expect([...earlierSteps(nodes, node('markSmall')).keys()]).toEqual(['makeTask', 'big']);
  });
});
