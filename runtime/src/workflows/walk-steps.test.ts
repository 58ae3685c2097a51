import type { WorkflowStep } from '@trellis/metadata';
import { walkSteps } from './walk-steps.js';

describe('walkSteps', () => {
  it('lists steps in execution order with paths and depths, branches after their if', () => {
    const steps: WorkflowStep[] = [
      { key: 'a', type: 'updateRecord', values: {} },
      {
        key: 'check', type: 'if', condition: true,
        then: [{ key: 'b', type: 'wait', duration: { amount: 1, unit: 'days' } }],
        else: [{ key: 'inner', type: 'if', condition: false, then: [{ key: 'c', type: 'notify', recipients: { owner: true }, title: 'x' }] }],
      },
      { key: 'd', type: 'failWithMessage', message: 'no' },
    ];
    expect(walkSteps(steps).map(({ step, path, depth }) => [step.key, path, depth])).toEqual([
      ['a', '0', 0],
      ['check', '1', 0],
      ['b', '1.then.0', 1],
      ['inner', '1.else.0', 1],
      ['c', '1.else.0.then.0', 2],
      ['d', '2', 0],
    ]);
  });

  it('is empty for no steps', () => {
    expect(walkSteps([])).toEqual([]);
  });
});
