import { docWithWorkflow } from './workflow-fixture.js';
import { runAsSummary, workflowNeeds } from './run-as.js';

describe('the workflow actor in words', () => {
  it('lists what the steps need per entity', () => {
    const doc = docWithWorkflow();
    const needs = workflowNeeds(doc, doc.workflows!.wonFollowUp);
    expect([...needs.get('opportunity')!.keys()]).toEqual(['read', 'update']);
  });

  it('says what the role may do and what it would refuse', () => {
    const doc = docWithWorkflow();
    const def = { ...doc.workflows!.wonFollowUp, runAs: 'salesRep' };
    const summary = runAsSummary(doc, def);
    expect(summary.roleLabel).toBe('Sales rep');
    expect(summary.entities[0].text).toBe('Read where owner is me; no create; update none; delete none');
    expect(summary.entities[0].missing).toEqual(['“tag” updates opportunities, which Sales rep may not do.']);
    const manager = runAsSummary(doc, { ...def, runAs: 'salesManager' });
    expect(manager.entities[0].missing).toEqual([]);
    expect(runAsSummary(doc, { ...def, runAs: undefined }).admin).toBe(true);
    expect(runAsSummary(doc, { ...def, runAs: 'ghost' }).known).toBe(false);
  });
});
