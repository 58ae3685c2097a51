import type { Task } from '../api/inbox-api.js';
import { changeTask, isOverdue, moveTask, parseTaskTab, recordPath, shownTasks, taskBoard, tasksOfTab } from './task-logic.js';

const task = (id: string, over: Partial<Task> = {}): Task => ({
  id,
  title: id,
  description: null,
  dueAt: null,
  status: 'open',
  assigneeId: 'u1',
  assigneeName: 'Ann',
  entity: null,
  recordId: null,
  recordLabel: null,
  workflowRunId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  completedAt: null,
  createdBy: null,
  ...over,
});

const NOW = Date.parse('2025-03-10T12:00:00Z');

describe('my tasks', () => {
  it('calls an open task overdue once its due time passed', () => {
    expect(isOverdue(task('a', { dueAt: '2025-03-10T11:59:00Z' }), NOW)).toBe(true);
    expect(isOverdue(task('a', { dueAt: '2025-03-10T12:01:00Z' }), NOW)).toBe(false);
    expect(isOverdue(task('a'), NOW)).toBe(false);
    expect(isOverdue(task('a', { dueAt: '2025-03-01T00:00:00Z', status: 'done' }), NOW)).toBe(false);
  });

  it('lists open tasks soonest due first, undated last, and the overdue ones alone on their tab', () => {
    const open = [
      task('undated'),
      task('later', { dueAt: '2025-04-01T00:00:00Z' }),
      task('late', { dueAt: '2025-03-01T00:00:00Z' }),
      task('soon', { dueAt: '2025-03-11T00:00:00Z' }),
    ];
    expect(tasksOfTab('open', open, [], NOW).map((t) => t.id)).toEqual(['late', 'soon', 'later', 'undated']);
    expect(tasksOfTab('overdue', open, [], NOW).map((t) => t.id)).toEqual(['late']);
  });

  it('lists done tasks most recently completed first', () => {
    const done = [task('old', { status: 'done', completedAt: '2025-03-01T00:00:00Z' }), task('new', { status: 'done', completedAt: '2025-03-09T00:00:00Z' })];
    expect(tasksOfTab('done', [], done, NOW).map((t) => t.id)).toEqual(['new', 'old']);
  });

  it('moves a toggled task between the open and done lists', () => {
    const a = task('a');
    const doneA = { ...a, status: 'done' as const, completedAt: '2025-03-10T00:00:00Z' };
    expect(moveTask(doneA, [a, task('b')], [])).toEqual({ open: [task('b')], done: [doneA] });
    expect(moveTask(a, [], [doneA])).toEqual({ open: [a], done: [] });
  });

  it('reads the tab from the query and links tasks to their record', () => {
    expect(parseTaskTab('done')).toBe('done');
    expect(parseTaskTab('bogus')).toBe('open');
    expect(parseTaskTab(null)).toBe('open');
    expect(recordPath({ entity: 'opportunity', recordId: 'r1' })).toBe('/data/opportunity/r1');
    expect(recordPath({ entity: null, recordId: null })).toBeNull();
  });
});

describe('the task board', () => {
  it('keeps a ticked task in place on its tab, while moving it to the done list', () => {
    const late = task('late', { dueAt: '2025-03-01T00:00:00Z' });
    let board = taskBoard('overdue', [late, task('undated')], [], NOW);
    expect(shownTasks(board).map((t) => t.id)).toEqual(['late']);
    const doneLate = { ...late, status: 'done' as const, completedAt: '2025-03-10T12:00:00Z' };
    board = changeTask(board, doneLate, 'overdue', NOW);
    expect(shownTasks(board)).toEqual([doneLate]);
    expect(board.open.map((t) => t.id)).toEqual(['undated']);
    expect(taskBoard('done', board.open, board.done, NOW).shown).toEqual(['late']);
  });

  it('puts a new task on top of the tab it belongs to, and nowhere else', () => {
    const board = taskBoard('open', [task('a')], [], NOW);
    expect(shownTasks(changeTask(board, task('new'), 'open', NOW)).map((t) => t.id)).toEqual(['new', 'a']);
    expect(changeTask(taskBoard('done', [], [], NOW), task('new'), 'done', NOW).shown).toEqual([]);
    expect(changeTask(taskBoard('overdue', [], [], NOW), task('new'), 'overdue', NOW).shown).toEqual([]);
  });
});
