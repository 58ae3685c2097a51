import { describeStep, stepName } from './step-names.js';

describe('step names for people', () => {
  const steps = [
    { key: 'makeTask', type: 'createTask' },
    { type: 'notify' },
    { key: 'big', label: '  Big deal? ', type: 'if', then: [{ type: 'notify' }], else: [{ key: 'small', type: 'updateRecord' }] },
  ];

  it('prefers the label, then the key', () => {
    expect(stepName(steps[2])).toBe('Big deal?');
    expect(stepName(steps[0])).toBe('makeTask');
    expect(stepName(steps[0], false)).toBeUndefined();
    expect(stepName({ label: ' ', key: '' })).toBeUndefined();
  });

  it('describes a step by name, else by its place counted from 1, inside named branches', () => {
    expect(describeStep(steps, [0])).toBe('step "makeTask"');
    expect(describeStep(steps, [0], false)).toBe('step 1');
    expect(describeStep(steps, [1])).toBe('step 2');
    expect(describeStep(steps, ['2', 'else', '0'])).toBe('step "small"');
    expect(describeStep(steps, [2, 'then', 0])).toBe('step 1 of the "then" steps of step "Big deal?"');
    expect(describeStep(undefined, [2, 'then', 0])).toBe('step 1 of the "then" steps of step 3');
    expect(describeStep(steps, [7])).toBe('step 8');
  });
});
