import type { MetadataDocument } from '@trellis/metadata';
import {
  canCancel,
  canRetry,
  formatDuration,
  isUnfinished,
  parseStatusFilter,
  prettyJson,
  runActorText,
  runDurationMs,
  runErrorText,
  statusText,
  stepLabel,
  triggerLabel,
  tryNumbers,
} from './run-status.js';

describe('run statuses', () => {
  it('shows a dead run as "Failed" with a dead-letter hint', () => {
    expect(statusText('dead').label).toBe('Failed');
    expect(statusText('dead').hint).toMatch(/dead letter/i);
    expect(statusText('somethingNew')).toEqual({ label: 'somethingNew', tone: 'chip-gray', hint: '' });
  });

  it('knows which runs still change on their own', () => {
    expect(['queued', 'running', 'waiting'].every(isUnfinished)).toBe(true);
    expect(['succeeded', 'dead', 'cancelled'].some(isUnfinished)).toBe(false);
  });

  it('offers retry for dead and cancelled runs, cancel for queued, waiting and dead ones', () => {
    expect(['dead', 'cancelled'].every(canRetry)).toBe(true);
    expect(['queued', 'running', 'waiting', 'succeeded'].some(canRetry)).toBe(false);
    expect(['queued', 'waiting', 'dead'].every(canCancel)).toBe(true);
    expect(['running', 'succeeded', 'cancelled'].some(canCancel)).toBe(false);
  });

  it('reads the filter of the runs page, dropping unknown words', () => {
    expect(parseStatusFilter('dead')).toEqual(['dead']);
    expect(parseStatusFilter('queued, waiting,bogus')).toEqual(['queued', 'waiting']);
    expect(parseStatusFilter(null)).toEqual([]);
  });
});

describe('run formatting', () => {
  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(null)).toBe('');
  });

  it('measures a run from its start to its end (or now while it runs)', () => {
    const startedAt = '2025-01-01T10:00:00.000Z';
    expect(runDurationMs({ startedAt, finishedAt: '2025-01-01T10:00:01.500Z' })).toBe(1500);
    expect(runDurationMs({ startedAt, finishedAt: null }, Date.parse('2025-01-01T10:00:02Z'))).toBe(2000);
    expect(runDurationMs({ startedAt: null, finishedAt: null })).toBeNull();
  });

  it('names triggers and pretty-prints step data', () => {
    expect(triggerLabel('fieldChanged')).toBe('Field changed');
    expect(triggerLabel('custom')).toBe('custom');
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson('text')).toBe('text');
    expect(prettyJson(null)).toBe('');
    expect(prettyJson(0)).toBe('0');
  });
});

describe('run errors, actors and tries', () => {
  const doc = {
    entities: {},
    workflows: {
      push: {
        label: 'Push',
        trigger: { type: 'webhook' },
        steps: [{ key: 'check', type: 'if', condition: true, then: [{ key: 'callCrm', label: 'Send to the CRM', type: 'httpRequest', method: 'POST', url: 'https://crm.example' }] }],
      },
    },
  } as unknown as MetadataDocument;

  it('names a step by its label, also inside a branch, else by its key', () => {
    expect(stepLabel(doc, 'push', 'callCrm')).toBe('Send to the CRM');
    expect(stepLabel(doc, 'push', 'check')).toBe('check');
    expect(stepLabel(doc, 'gone', 'callCrm')).toBe('callCrm');
  });

  it('prefixes an error with the step that failed unless the message already names it', () => {
    expect(runErrorText({ message: 'POST https://crm.example answered 500', stepKey: 'callCrm' }, 'Send to the CRM')).toBe(
      'Step “Send to the CRM”: POST https://crm.example answered 500',
    );
    expect(runErrorText({ message: 'Step "Send" (httpRequest, setting "url"): bad', stepKey: 'callCrm' }, 'Send')).toBe('Step "Send" (httpRequest, setting "url"): bad');
    expect(runErrorText({ message: 'Loop guard', code: 'LOOP_GUARD' })).toBe('Loop guard');
  });

  it('says who started a run in words', () => {
    const names = { user: (id: string) => (id === 'u1' ? 'Ada Lovelace' : undefined), workflow: (n: string) => (n === 'push' ? 'Push' : undefined) };
    expect(runActorText('user:u1', names)).toBe('Ada Lovelace');
    expect(runActorText('user:u2', names)).toBe('A former user');
    expect(runActorText('workflow:push', names)).toBe('Workflow “Push”');
    expect(runActorText('workflow:old', names)).toBe('Workflow “old”');
    expect(runActorText('system:webhook', names)).toBe('A webhook call');
    expect(runActorText('apiKey:k', names)).toBe('An API key');
  });

  it('counts the tries of each step over the whole run (a retry restarts the server’s attempt count)', () => {
    expect(tryNumbers([{ key: 'a' }, { key: 'a' }, { key: 'a' }, { key: 'b' }])).toEqual([1, 2, 3, 1]);
  });
});
