import { validateDocument } from '../validate-document.js';
import type { WorkflowDefinition, WorkflowStep } from './types.js';
import { followUpWorkflow, workflowsDocument } from './workflows.fixture.js';

const check = (workflows: Record<string, WorkflowDefinition>) => validateDocument(workflowsDocument(workflows));
const codes = (workflows: Record<string, WorkflowDefinition>) => check(workflows).map((p) => [p.path, p.code]);
const onOpportunity = (steps: WorkflowStep[], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition => ({
  label: 'W',
  trigger: { type: 'recordUpdated', entity: 'opportunity' },
  steps,
  ...extra,
});

describe('checkWorkflows: names, trigger, timing, runAs', () => {
  it('wants camelCase workflow names and step keys', () => {
    expect(codes({ Bad: onOpportunity([{ key: 'Step1', type: 'updateRecord', values: { stage: 'won' } }]) })).toEqual([
      ['/workflows/Bad', 'invalid-name'],
      ['/workflows/Bad/steps/0/key', 'invalid-name'],
    ]);
  });

  it('names an unknown trigger entity with a suggestion, and a renamed one with the fix', () => {
    const [problem] = check({ w: { ...onOpportunity([]), trigger: { type: 'manual', entity: 'opportunty' } } });
    expect(problem).toEqual({ path: '/workflows/w/trigger/entity', code: 'unknown-entity', message: expect.stringContaining('did you mean "opportunity"?') });
    const doc = workflowsDocument({ w: onOpportunity([]) });
    doc.entities.deal = { ...doc.entities.opportunity!, renamedFrom: 'opportunity' };
    delete doc.entities.opportunity;
    expect(validateDocument(doc).find((p) => p.path === '/workflows/w/trigger/entity')?.message).toMatch(/renamed to deal .*renameEntityInWorkflows\(doc, "opportunity", "deal"\)/);
  });

  it('checks watched fields: unknown, repeated, relations without a column', () => {
    const trigger = { type: 'fieldChanged' as const, entity: 'opportunity', fields: ['stag', 'stage', 'stage', 'tags', 'owner'] };
    const problems = check({ w: { ...onOpportunity([]), trigger } });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/w/trigger/fields/0', 'unknown-field'],
      ['/workflows/w/trigger/fields/2', 'duplicate-field'],
      ['/workflows/w/trigger/fields/3', 'field-not-watchable'],
    ]);
    expect(problems[0]!.message).toMatch(/^Field stag of opportunity does not exist but is used by workflow w \(trigger fields\).*did you mean "stage"\?/);
  });

  it('date-relative triggers need a date or date-time field (or createdAt) and a real time zone', () => {
    const trigger = { type: 'dateRelative' as const, entity: 'opportunity', field: 'name', offset: { amount: 3, unit: 'days' as const }, direction: 'before' as const, timeZone: 'Mars/Base' };
    const problems = check({ w: { ...onOpportunity([]), trigger }, ok: { ...onOpportunity([]), trigger: { ...trigger, field: 'createdAt', timeZone: 'Europe/Paris' } } });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/w/trigger/field', 'not-a-date-field'],
      ['/workflows/w/trigger/timeZone', 'invalid-time-zone'],
    ]);
    expect(problems[0]!.message).toMatch(/opportunity\.name is a text field — use one of closeDate, or createdAt/);
  });

  it('refuses an invalid or never-firing cron', () => {
    expect(codes({ a: { ...onOpportunity([]), trigger: { type: 'scheduled', cron: '0 9 * *' } }, b: { ...onOpportunity([]), trigger: { type: 'scheduled', cron: '0 0 30 2 *' } } })).toEqual([
      ['/workflows/a/trigger/cron', 'invalid-cron'],
      ['/workflows/b/trigger/cron', 'invalid-cron'],
    ]);
  });

  it('before save: only record create/update triggers, only updateRecord and failWithMessage steps', () => {
    const problems = codes({
      scheduled: { ...onOpportunity([]), timing: 'beforeSave', trigger: { type: 'scheduled', cron: '0 9 * * *' } },
      steps: onOpportunity([{ key: 'n', type: 'notify', recipients: { owner: true }, title: 't' }, { key: 'f', type: 'failWithMessage', message: 'no' }], { timing: 'beforeSave' }),
      after: onOpportunity([{ key: 'f', type: 'failWithMessage', message: 'no' }]),
    });
    expect(problems).toEqual([
      ['/workflows/after/steps/0/type', 'needs-before-save'],
      ['/workflows/scheduled/timing', 'not-allowed-before-save'],
      ['/workflows/steps/steps/0/type', 'not-allowed-before-save'],
    ]);
  });

  it('runAs and recipient roles must be admin or a role of the document', () => {
    const steps: WorkflowStep[] = [{ key: 'n', type: 'notify', recipients: { roles: ['salesManager', 'ghost'] }, title: 't' }];
    expect(codes({ ok: onOpportunity(steps.slice(0, 0), { runAs: 'admin' }), w: onOpportunity(steps, { runAs: 'salesManagr' }) })).toEqual([
      ['/workflows/w/runAs', 'unknown-role'],
      ['/workflows/w/steps/0/recipients/roles/1', 'unknown-role'],
    ]);
  });
});

describe('checkWorkflows: steps', () => {
  it('values name writable fields of the right entity', () => {
    const problems = check({
      w: onOpportunity([
        { key: 'a', type: 'updateRecord', values: { amunt: 1, createdAt: '2026-01-01', owner: 'u1' } },
        { key: 'b', type: 'createRecord', entity: 'company', values: { name: 'x', contacts: [] } },
      ]),
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/w/steps/0/values/amunt', 'unknown-field'],
      ['/workflows/w/steps/0/values/createdAt', 'field-not-writable'],
      ['/workflows/w/steps/0/values/owner', 'field-not-writable'],
      ['/workflows/w/steps/1/values/contacts', 'field-not-writable'],
    ]);
    expect(problems[0]!.message).toMatch(/did you mean "amount"\?/);
    expect(problems[2]!.message).toMatch(/use an assign step/);
  });

  it('a created record gets its required fields, and its entity must exist', () => {
    expect(codes({ w: onOpportunity([{ key: 'a', type: 'createRecord', entity: 'contact', values: { firstName: 'x' } }, { key: 'b', type: 'createRecord', entity: 'ghost', values: { a: 1 } }]) })).toEqual([
      ['/workflows/w/steps/0/values', 'missing-required-value'],
      ['/workflows/w/steps/1/entity', 'unknown-entity'],
    ]);
  });

  it('a value must fit its field', () => {
    const [problem] = check({ w: onOpportunity([{ key: 'a', type: 'updateRecord', values: { probability: 'high' } }]) });
    expect(problem).toEqual({ path: '/workflows/w/steps/0/values/probability', code: 'wrong-result-type', message: 'The value of probability should be a number but this expression gives a text.' });
  });

  it('updateRelated follows a relation of the trigger entity; its filter reads the related records', () => {
    const trigger = { type: 'manual' as const, entity: 'company' };
    expect(
      codes({
        w: {
          label: 'W',
          trigger,
          steps: [
            { key: 'a', type: 'updateRelated', relation: 'contacts', filter: { '==': [{ var: 'record.lastName' }, { var: 'user.id' }] }, values: { email: 'a@b.c', nope: 1 } },
            { key: 'b', type: 'updateRelated', relation: 'name', values: { x: 1 } },
            { key: 'c', type: 'updateRelated', relation: 'contactz', values: { x: 1 } },
          ],
        },
      }),
    ).toEqual([
      ['/workflows/w/steps/0/filter/==/1/var', 'variable-not-allowed'],
      ['/workflows/w/steps/0/values/nope', 'unknown-field'],
      ['/workflows/w/steps/1/relation', 'not-a-relation'],
      ['/workflows/w/steps/2/relation', 'unknown-field'],
    ]);
  });

  it('steps on the trigger record need one', () => {
    const steps: WorkflowStep[] = [{ key: 'a', type: 'updateRecord', values: { stage: 'won' } }, { key: 't', type: 'createTask', title: 'x' }];
    expect(codes({ hook: { label: 'H', trigger: { type: 'webhook' }, steps }, gone: onOpportunity(steps.slice(0, 1), { trigger: { type: 'recordDeleted', entity: 'opportunity' } }) })).toEqual([
      ['/workflows/gone/steps/0/type', 'needs-record'],
      ['/workflows/hook/steps/0/type', 'needs-record'],
      ['/workflows/hook/steps/1', 'needs-assignee'],
    ]);
  });

  it('checks settings that go together: assign, task due, wait, http, plugin action', () => {
    expect(
      codes({
        w: onOpportunity([
          { key: 'a', type: 'assign', strategy: 'roundRobin', team: 'sales', role: 'salesManager' },
          { key: 'b', type: 'assign', strategy: 'user' },
          { key: 'c', type: 'createTask', title: 'x', dueIn: { amount: 1, unit: 'days' }, dueAt: { var: 'record.closeDate' } },
          { key: 'd', type: 'wait' },
          { key: 'e', type: 'httpRequest', method: 'GET', url: 'example.com', body: 'x', headers: { 'Bad: Header': 'x' } },
          { key: 'f', type: 'httpRequest', method: 'POST', url: '{{record.website}}' },
          { key: 'g', type: 'pluginAction', action: 'scoreLead' },
        ]),
      }),
    ).toEqual([
      ['/workflows/w/steps/0', 'invalid-assign'],
      ['/workflows/w/steps/1/user', 'invalid-assign'],
      ['/workflows/w/steps/2', 'invalid-due'],
      ['/workflows/w/steps/3', 'invalid-wait'],
      ['/workflows/w/steps/4/body', 'body-not-allowed'],
      ['/workflows/w/steps/4/headers/Bad: Header', 'invalid-header'],
      ['/workflows/w/steps/4/url', 'invalid-url'],
      ['/workflows/w/steps/5/url', 'unknown-field'],
      ['/workflows/w/steps/6/action', 'invalid-action'],
    ]);
  });

  it('step keys are unique across branches', () => {
    const wf = followUpWorkflow();
    (wf.steps[1] as { else: WorkflowStep[] }).else.push({ key: 'makeTask', type: 'updateRecord', values: { stage: 'won' } });
    const problems = check({ followUp: wf });
    expect(problems).toEqual([{ path: '/workflows/followUp/steps/1/else/1/key', code: 'duplicate-step-key', message: expect.stringMatching(/already used by step 1 of workflow "followUp";/) }]);
    wf.steps[0]!.label = 'Make a task';
    expect(check({ followUp: wf })[0]!.message).toMatch(/already used by step "Make a task" of workflow "followUp";/);
  });

  it('names steps by label or key in messages, never by their 0-based place', () => {
    const problems = check({
      hook: { label: 'H', trigger: { type: 'webhook' }, steps: [{ key: 'touch', label: 'Touch the deal', type: 'updateRecord', values: { stage: 'won' } }] },
      gone: onOpportunity([{ key: 'touch', type: 'updateRecord', values: { stage: 'won' } }], { trigger: { type: 'recordDeleted', entity: 'opportunity' } }),
      early: onOpportunity([{ key: 'ping', type: 'notify', recipients: { owner: true }, title: 't' }], { timing: 'beforeSave' }),
      required: onOpportunity([{ key: 'addContact', type: 'createRecord', entity: 'contact', values: { firstName: 'x' } }]),
    });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('(failWithMessage); step "ping" is '),
      expect.stringMatching(/^Step "touch" updates the trigger record, but the record of a recordDeleted workflow is already deleted/),
      expect.stringMatching(/^Step "Touch the deal" updates the trigger record, but a webhook workflow has no trigger record/),
      expect.stringMatching(/^Step "addContact" creates a contact without a value for its required field lastName/),
    ]);
  });
});

describe('checkWorkflows: JSON templates (httpRequest body, plugin action inputs)', () => {
  const body = { dealId: { var: 'record.id' }, amount: { var: 'record.amount.amount' }, tags: ['a', { var: 'record.stage' }], nested: { deep: { cat: ['x-', { var: 'record.name' }] } }, note: null };

  it('accepts literal JSON with expressions inside, as the server evaluates it', () => {
    expect(check({ w: onOpportunity([
      { key: 'call', type: 'httpRequest', method: 'POST', url: 'https://example.com/hook', body },
      { key: 'score', type: 'pluginAction', action: 'starter-sales.scoreLead', input: { deal: body, id: { var: 'record.id' }, level: 3, odd: { notAnOperator: { var: 'steps.call.status' } } } },
      { key: 'whole', type: 'httpRequest', method: 'PUT', url: 'https://example.com/x', body: { merge: [[1], { var: 'record.tags' }] } },
    ]) })).toEqual([]);
  });

  it('checks each expression inside, at its precise path', () => {
    const problems = check({ w: onOpportunity([
      { key: 'call', type: 'httpRequest', method: 'POST', url: 'https://example.com/hook', body: { dealId: { var: 'record.idd' }, tags: ['a', { var: 'record.stag' }], later: { var: 'steps.score.x' } } },
      { key: 'score', type: 'pluginAction', action: 'starter-sales.scoreLead', input: { deal: { amount: { '+': [{ var: 'record.amount' }, 1] } }, who: { var: 'user.nme' } } },
    ]) });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/w/steps/0/body/dealId/var', 'unknown-field'],
      ['/workflows/w/steps/0/body/later/var', 'step-not-earlier'],
      ['/workflows/w/steps/0/body/tags/1/var', 'unknown-field'],
      ['/workflows/w/steps/1/input/deal/amount/+/0/var', 'invalid-argument'],
      ['/workflows/w/steps/1/input/who/var', 'unknown-variable'],
    ]);
    expect(problems[2]!.message).toMatch(/did you mean "stage"\?/);
  });

  it('an object whose one key is an operator is an expression, checked as one', () => {
    expect(codes({ w: onOpportunity([{ key: 'call', type: 'httpRequest', method: 'POST', url: 'https://example.com', body: { items: [{ '==': [1] }] } }]) })).toEqual([
      ['/workflows/w/steps/0/body/items/0/==', 'wrong-arity'],
    ]);
  });
});

describe('checkWorkflows: what expressions and templates read', () => {
  it('steps.x must name a step that runs earlier — not a later one, itself, or the other branch of an if', () => {
    const wf = followUpWorkflow();
    wf.condition = { var: 'steps.makeTask.taskId' };
    (wf.steps[1] as { else: WorkflowStep[] }).else[0] = { key: 'markSmall', type: 'updateRecord', values: { name: { var: 'steps.tellManagers.count' }, probability: { var: 'steps.markSmall.id' } } };
    wf.steps.push({ key: 'last', type: 'updateRecord', values: { name: { var: 'steps.makeTask.id' }, probability: { var: 'steps.mkTask' } } });
    const problems = check({ followUp: wf });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/followUp/condition/var', 'step-not-earlier'],
      ['/workflows/followUp/steps/1/else/0/values/name/var', 'step-not-earlier'],
      ['/workflows/followUp/steps/1/else/0/values/probability/var', 'step-not-earlier'],
      ['/workflows/followUp/steps/3/values/name/var', 'invalid-field-path'],
      ['/workflows/followUp/steps/3/values/probability/var', 'unknown-step'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the condition is checked before any step runs'),
      expect.stringContaining('step tellManagers does not run before step markSmall (it comes later, or is in the other branch of an if)'),
      expect.stringContaining('the output of this very step'),
      expect.stringContaining('step makeTask (createTask) gives steps.makeTask.taskId'),
      expect.stringContaining('there is no step "mkTask"; did you mean "makeTask"?'),
    ]);
  });

  it('record.<field> must be a field of the trigger entity, in expressions and templates', () => {
    const wf = followUpWorkflow();
    wf.condition = { '==': [{ var: 'record.stag' }, 'won'] };
    (wf.steps[0] as { title: string }).title = 'Follow up {{record.nam}}';
    expect(codes({ followUp: wf })).toEqual([
      ['/workflows/followUp/condition/==/0/var', 'unknown-field'],
      ['/workflows/followUp/steps/0/title', 'unknown-field'],
    ]);
  });

  it('the trigger decides whether record, previous, user and trigger.payload exist', () => {
    const read = (expr: unknown): WorkflowStep[] => [{ key: 'n', type: 'notify', recipients: { users: expr }, title: 'x' }];
    const problems = check({
      scheduled: { label: 'S', trigger: { type: 'scheduled', cron: '0 9 * * *' }, steps: read({ var: 'record.name' }) },
      created: { label: 'C', trigger: { type: 'recordCreated', entity: 'opportunity' }, condition: { changed: 'stage' }, steps: read({ var: 'trigger.payload.x' }) },
      dated: { label: 'D', trigger: { type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 1, unit: 'days' }, direction: 'after' }, steps: read({ var: 'user.id' }) },
      hook: { label: 'H', trigger: { type: 'webhook' }, steps: [{ key: 'c', type: 'createRecord', entity: 'tag', values: { name: { var: 'trigger.payload.tag' } } }] },
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/created/condition/changed', 'variable-not-allowed'],
      ['/workflows/created/steps/0/recipients/users/var', 'invalid-field-path'],
      ['/workflows/dated/steps/0/recipients/users/var', 'variable-not-allowed'],
      ['/workflows/scheduled/steps/0/recipients/users/var', 'variable-not-allowed'],
    ]);
    expect(problems[3]!.message).toBe('"record.name": a workflow expression cannot use record (a scheduled workflow has no trigger record); it can use now, trigger, steps.');
  });
});
