import { canCancel, canRetry, formatDuration, isUnfinished, parseStatusFilter, prettyJson, runDurationMs, statusText, triggerLabel } from './run-status.js';

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
