import { checkWorkflowExpression, workflowVarPaths } from './workflow-paths.js';
import { followUpWorkflow, workflowsDocument } from './workflows.fixture.js';

describe('workflowVarPaths', () => {
  it('offers record and previous fields, the user, now, the trigger and the outputs of earlier steps', () => {
    const paths = workflowVarPaths(workflowsDocument(), followUpWorkflow(), 'log').map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['record.stage', 'record.amount.amount', 'previous.stage', 'record.owner', 'user.id', 'now', 'trigger.type', 'steps.makeTask.taskId', 'steps.big', 'steps.tellManagers.count', 'steps.markSmall.id']));
    expect(paths).not.toContain('record.tags');
    expect(paths).not.toContain('steps.log.id');
  });

  it('offers no step output to the condition, and no record to a webhook workflow', () => {
    expect(workflowVarPaths(workflowsDocument(), followUpWorkflow()).some((p) => p.path.startsWith('steps.'))).toBe(false);
    const hook = { ...followUpWorkflow(), trigger: { type: 'webhook' as const } };
    const paths = workflowVarPaths(workflowsDocument(), hook, 'makeTask').map((p) => p.path);
    expect(paths).toEqual(['now', 'trigger.type', 'trigger.payload']);
  });
});

describe('checkWorkflowExpression', () => {
  it('reports problems relative to the expression, with the result type', () => {
    const doc = workflowsDocument();
    expect(checkWorkflowExpression(doc, followUpWorkflow(), { var: 'steps.log.id' }, 'makeTask').map((p) => [p.path, p.code])).toEqual([['/var', 'step-not-earlier']]);
    expect(checkWorkflowExpression(doc, followUpWorkflow(), 'text', 'log', 'boolean').map((p) => [p.path, p.code])).toEqual([['', 'wrong-result-type']]);
    expect(checkWorkflowExpression(doc, followUpWorkflow(), { var: 'steps.makeTask.taskId' }, 'log')).toEqual([]);
  });
});
