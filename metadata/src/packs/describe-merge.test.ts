import { describeMergeChange, describeMergeConflict, describeMergePath, formatMergeValue } from './describe-merge.js';

describe('describeMergePath', () => {
  it.each([
    ['', 'the document'],
    ['/entities/ticket', 'entity ticket'],
    ['/entities/ticket/label', 'the label of entity ticket'],
    ['/entities/ticket/fields/priority/options/high/label', 'the label of option high of field priority of entity ticket'],
    ['/entities/ticket/layouts', 'the layouts of entity ticket'],
    ['/entities/ticket/layouts/form/sections/Service level/fields/sla', 'field sla of section "Service level" of the form of entity ticket'],
    ['/entities/ticket/layouts/list/columns', 'the columns of the list layout of entity ticket'],
    ['/entities/ticket/rules/dueDateWhenHigh/invalidWhen', 'the invalidWhen of rule dueDateWhenHigh of entity ticket'],
    ['/entities/ticket/fields/total/expression/+/0', 'the expression.+.0 of field total of entity ticket'],
    ['/roles/agent/entities/ticket/fields/priority', 'access to field priority of permissions on entity ticket of role agent'],
    ['/workflows/escalate/steps/big/then/notify/title', 'the title of step notify of step big of workflow escalate'],
    ['/workflows/escalate/trigger/fields/status', 'field status of the trigger of workflow escalate'],
  ])('%s → %s', (path, words) => expect(describeMergePath(path)).toBe(words));
});

describe('merge messages', () => {
  it('shortens long values and names absent ones', () => {
    expect(formatMergeValue(undefined)).toBe('nothing');
    expect(formatMergeValue('High')).toBe('"High"');
    expect(formatMergeValue({ and: [{ '==': [{ var: 'record.priority' }, 'high'] }, { '!': { var: 'record.dueDate' } }] })).toHaveLength(60);
  });

  it('says what each side did in a conflict and what can be chosen', () => {
    const path = '/entities/ticket/fields/priority/label';
    expect(describeMergeConflict({ path, kind: 'bothChanged', base: 'Priority', theirs: 'Urgency', ours: 'Severity' })).toBe(
      'The label of field priority of entity ticket was changed by the pack and by you: the pack changes "Priority" to "Urgency", you changed it to "Severity". Keep yours, take the pack\'s, or edit.',
    );
    expect(describeMergeConflict({ path: `${path}x`, kind: 'bothChanged', base: 'P', theirs: undefined, ours: 'S' })).toBe(
      'The labelx of field priority of entity ticket is removed by the pack and was changed by you (to "S"). Keep yours, or remove it as the pack does.',
    );
    expect(describeMergeConflict({ path, kind: 'bothChanged', base: 'P', theirs: 'U', ours: undefined })).toBe(
      'The label of field priority of entity ticket was removed by you and is changed by the pack (from "P" to "U"). Keep it removed, or take the pack\'s.',
    );
    expect(describeMergeConflict({ path: '/entities/ticket/views/open', kind: 'deletedByUs', base: {}, theirs: { label: 'Open' }, ours: undefined })).toBe(
      'You deleted view open of entity ticket, which the pack changed. Keep it deleted, or take the pack\'s version back.',
    );
    expect(describeMergeConflict({ path: '/entities/ticket/fields/notes', kind: 'deletedByThem', base: {}, theirs: undefined, ours: { label: 'Notes' } })).toBe(
      'The pack removes field notes of entity ticket, which you changed. Keep yours, or remove it as the pack does.',
    );
    expect(describeMergeConflict({ path: '/workflows/w/steps/a/values/stage', kind: 'deletedByUs', base: 'new', theirs: 'won', ours: undefined })).toBe(
      'You deleted value of stage of step a of workflow w, which the pack changed (to "won"). Keep it deleted, or take the pack\'s version back.',
    );
    expect(describeMergeConflict({ path: '/entities/ticket/fields/sla/label', kind: 'bothAdded', base: undefined, theirs: 'SLA', ours: 'SLA hours' })).toMatch(/^The label of field sla of entity ticket was added by the pack and by you, differently/);
    expect(describeMergeConflict({ path: '/entities/ticket/fields/severity', kind: 'renamedByBoth', base: 'priority', theirs: 'urgency', ours: 'severity' })).toBe(
      'Field severity of entity ticket was renamed by the pack and by you: "priority" is "urgency" in the pack and "severity" in your workspace. Keep your name, take the pack\'s, or choose another.',
    );
    expect(describeMergeConflict({ path: '/entities/ticket/fields/description', kind: 'renameClash', base: 'description', theirs: 'notes', ours: 'description' })).toBe(
      'The pack renames "description" to "notes", a name you already use for something else; it stays "description" (field description of entity ticket). Keep "description" or choose another free name.',
    );
  });

  it('says what a pack change did and how it was applied', () => {
    expect(describeMergeChange({ path: '/entities/ticket/fields/sla', kind: 'added', outcome: 'applied', to: {} })).toBe('The pack adds field sla of entity ticket.');
    expect(describeMergeChange({ path: '/entities/ticket/fields/priority/label', kind: 'changed', outcome: 'alreadyApplied', from: 'Priority', to: 'Urgency' })).toBe(
      'The pack changes the label of field priority of entity ticket from "Priority" to "Urgency" (already so in your workspace).',
    );
    expect(describeMergeChange({ path: '/entities/ticket/fields/status/options', kind: 'reordered', outcome: 'keptYours' })).toBe(
      'The pack reorders the options of field status of entity ticket — not applied, yours is kept.',
    );
    expect(describeMergeChange({ path: '/roles/agent', kind: 'restored', outcome: 'applied' })).toBe('The merge restores role agent, which you had deleted.');
    expect(describeMergeChange({ path: '/entities/ticket/fields/urgency', kind: 'renamed', outcome: 'applied', from: 'priority', to: 'urgency' })).toBe(
      'The pack renames "priority" to "urgency" (field urgency of entity ticket).',
    );
  });
});
