import { retryDelayMs, workflowOptionsFromEnv } from './workflow-options.js';

describe('workflow options', () => {
  it('has the documented defaults and reads the environment, refusing nonsense', () => {
    expect(workflowOptionsFromEnv({})).toMatchObject({
      concurrency: 4,
      workspaceConcurrency: 8,
      maxAttempts: 5,
      retryBaseMs: 1000,
      leaseMs: 60_000,
      pollMs: 1000,
      runDays: 30,
      timeZone: 'UTC',
      enabled: true,
    });
    expect(workflowOptionsFromEnv({ TRELLIS_WORKFLOW_CONCURRENCY: '2', TRELLIS_WORKFLOW_RUN_DAYS: '7', TRELLIS_WORKFLOW_ENGINE: '0' })).toMatchObject({
      concurrency: 2,
      runDays: 7,
      enabled: false,
    });
    expect(() => workflowOptionsFromEnv({ TRELLIS_WORKFLOW_RUN_DAYS: '0' })).toThrow(/TRELLIS_WORKFLOW_RUN_DAYS must be a whole number ≥ 1/);
    expect(() => workflowOptionsFromEnv({ TRELLIS_WORKFLOW_CONCURRENCY: 'many' })).toThrow(/TRELLIS_WORKFLOW_CONCURRENCY/);
  });

  it('backs off exponentially with ±25 % jitter, capped', () => {
    const at = (random: number) => (attempt: number) => retryDelayMs({ retryBaseMs: 1000, retryMaxMs: 60_000, random: () => random }, attempt);
    expect([1, 2, 3, 4].map(at(0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(at(0)(3)).toBe(3000);
    expect(at(0.999999)(3)).toBe(5000);
    expect(at(0.5)(20)).toBe(60_000);
  });
});
