import { docWithWorkflow } from './workflow-fixture.js';
import { contextRoots, groupPaths, workflowLogicSchema, workflowVarPaths } from './workflow-context.js';

describe('what expressions can read', () => {
  const doc = docWithWorkflow();
  const def = doc.workflows!.wonFollowUp;

  it('narrows the roots by trigger', () => {
    expect(contextRoots(def.trigger)).toEqual({ record: true, previous: true, user: true, payload: false });
    expect(contextRoots({ type: 'recordCreated', entity: 'x' })).toMatchObject({ previous: false, user: true });
    expect(contextRoots({ type: 'scheduled', cron: '* * * * *' })).toEqual({ record: false, previous: false, user: false, payload: false });
    expect(contextRoots({ type: 'webhook' }).payload).toBe(true);
  });

  it('offers the outputs of the steps that run before, not of the other branch', () => {
    const steps = (path: Parameters<typeof workflowVarPaths>[2]) => workflowVarPaths(doc, def, path).filter((p) => p.path.startsWith('steps.')).map((p) => p.path);
    expect(steps([1, 'else', 0])).toEqual(['steps.followUp.taskId', 'steps.big']);
    expect(steps([2])).toContain('steps.tellManager.count');
    expect(steps([0])).toEqual([]);
    expect(steps(undefined)).toEqual([]);
  });

  it('lists record, previous, user and trigger paths where a run has them', () => {
    const paths = workflowVarPaths(doc, def, [2]).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['record.stage', 'previous.stage', 'user.id', 'now', 'trigger.type']));
    expect(paths).not.toContain('trigger.payload');
    expect(paths).not.toContain('record.company.name');
    const webhook = workflowVarPaths(doc, { ...def, trigger: { type: 'webhook' } }, [0]).map((p) => p.path);
    expect(webhook).toEqual(['now', 'trigger.type', 'trigger.payload']);
    expect(groupPaths(workflowVarPaths(doc, def, [2])).map((g) => g.group)).toEqual(['Record', 'Before the change', 'Who made the change', 'Other', 'Trigger', 'Earlier steps']);
  });

  it('completes var paths in the JSON editor', () => {
    const schema = workflowLogicSchema(workflowVarPaths(doc, def, [2])) as { definitions: { expr: { anyOf: { properties?: Record<string, { anyOf: { enum?: string[] }[] }> }[] } } };
    const objectBranch = schema.definitions.expr.anyOf.find((b) => b.properties)!;
    expect(objectBranch.properties!.var.anyOf[0].enum).toContain('steps.followUp.taskId');
    expect(objectBranch.properties!['==']).toBeDefined();
  });
});
