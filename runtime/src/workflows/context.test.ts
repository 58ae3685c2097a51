import { workflowContext } from './context.js';

describe('workflowContext', () => {
  it('fills missing parts with null and turns a Date into ISO UTC', () => {
    expect(workflowContext({ trigger: { type: 'scheduled' }, now: new Date('2026-01-02T03:04:05Z') })).toEqual({
      record: null, previous: null, user: null, now: '2026-01-02T03:04:05.000Z', trigger: { type: 'scheduled' }, steps: {},
    });
  });

  it('keeps the webhook payload and copies the step outputs', () => {
    const steps = { a: { id: '1' } };
    const ctx = workflowContext({ trigger: { type: 'webhook', payload: { x: 1 } }, now: '2026-01-01T00:00:00Z', steps });
    expect(ctx.trigger).toEqual({ type: 'webhook', payload: { x: 1 } });
    ctx.steps['b'] = 2;
    expect(steps).toEqual({ a: { id: '1' } });
  });
});
