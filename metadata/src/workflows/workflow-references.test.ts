import { diffDocuments } from '../diff.js';
import { planMigration } from '../plan.js';
import { findReferences } from '../rules/references.js';
import { rewriteReferences, rewriteRenamedReferences } from '../rules/rewrite.js';
import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { renameEntityInWorkflows } from './workflow-edits.js';
import { workflowsDocument } from './workflows.fixture.js';

/** The document with field `from` of opportunity renamed to `to` (key and renamedFrom). */
function renameField(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  const fields = doc.entities.opportunity!.fields;
  doc.entities.opportunity!.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => (k === from ? [to, { ...v, renamedFrom: from }] : [k, v])));
  return doc;
}

describe('workflow references to fields', () => {
  it('findReferences lists the workflow places that use a field', () => {
    expect(findReferences(workflowsDocument(), 'opportunity', 'stage').map((r) => [r.path, r.description])).toEqual([
      ['/workflows/followUp/condition/==/0/var', 'workflow followUp (condition)'],
      ['/workflows/followUp/trigger/fields/0', 'workflow followUp (trigger fields)'],
    ]);
    expect(findReferences(workflowsDocument(), 'opportunity', 'probability').map((r) => r.path)).toEqual(['/workflows/followUp/steps/1/else/0/values/probability']);
    expect(findReferences(workflowsDocument(), 'opportunity', 'name').map((r) => r.path)).toEqual([
      '/workflows/followUp/steps/0/title',
      '/workflows/followUp/steps/1/then/0/title',
    ]);
    expect(findReferences(workflowsDocument(), 'tag', 'name').map((r) => r.path)).toEqual(['/workflows/followUp/steps/2/values/name']);
  });

  it('rewriteReferences follows field renames in field lists, values keys, expressions and templates', () => {
    let doc = renameField(workflowsDocument(), 'stage', 'phase');
    doc = renameField(doc, 'probability', 'likelihood');
    doc = renameField(doc, 'name', 'title');
    doc = renameField(doc, 'amount', 'worth');
    for (const [from, to] of [['stage', 'phase'], ['probability', 'likelihood'], ['name', 'title'], ['amount', 'worth']] as const) doc = rewriteReferences(doc, 'opportunity', from, to);
    const wf = doc.workflows!.followUp!;
    expect(wf.trigger).toEqual({ type: 'fieldChanged', entity: 'opportunity', fields: ['phase'] });
    expect(wf.condition).toEqual({ '==': [{ var: 'record.phase' }, 'won'] });
    expect(wf.steps[0]).toMatchObject({ title: 'Follow up {{record.title}}' });
    expect(wf.steps[1]).toMatchObject({
      condition: { '>': [{ var: 'record.worth.amount' }, 10000] },
      then: [{ title: '{{record.title}} won' }],
      else: [{ values: { likelihood: 100 } }],
    });
    // The tag's own `name` is another field.
    expect(wf.steps[2]).toMatchObject({ values: { name: { cat: ['won-', { var: 'record.id' }] } } });
    expect(validateDocument(doc)).toEqual([]);
  });

  it('finds and rewrites the expressions inside JSON templates (httpRequest body, plugin action inputs)', () => {
    const doc = workflowsDocument();
    doc.workflows!.followUp!.steps.push(
      { key: 'call', type: 'httpRequest', method: 'POST', url: 'https://example.com/hook', body: { stage: { var: 'record.stage' }, deal: { tags: ['won', { var: 'record.stage' }], amount: { var: 'record.amount.amount' } } } },
      { key: 'score', type: 'pluginAction', action: 'starter-sales.scoreLead', input: { deal: { stage: { var: 'previous.stage' } }, plain: 'stage' } },
    );
    expect(findReferences(doc, 'opportunity', 'stage').map((r) => [r.path, r.description])).toEqual([
      ['/workflows/followUp/condition/==/0/var', 'workflow followUp (condition)'],
      ['/workflows/followUp/steps/3/body/deal/tags/1/var', 'workflow followUp (step call)'],
      ['/workflows/followUp/steps/3/body/stage/var', 'workflow followUp (step call)'],
      ['/workflows/followUp/steps/4/input/deal/stage/var', 'workflow followUp (step score)'],
      ['/workflows/followUp/trigger/fields/0', 'workflow followUp (trigger fields)'],
    ]);
    let next = renameField(renameField(doc, 'stage', 'phase'), 'amount', 'worth');
    next = rewriteReferences(rewriteReferences(next, 'opportunity', 'stage', 'phase'), 'opportunity', 'amount', 'worth');
    const [call, score] = next.workflows!.followUp!.steps.slice(3);
    // Literal keys and texts stay: only the expressions read fields.
    expect(call).toMatchObject({ body: { stage: { var: 'record.phase' }, deal: { tags: ['won', { var: 'record.phase' }], amount: { var: 'record.worth.amount' } } } });
    expect(score).toMatchObject({ input: { deal: { stage: { var: 'previous.phase' } }, plain: 'stage' } });
    expect(validateDocument(next)).toEqual([]);
  });

  it('a removed field still used by a workflow refuses publish with the uses listed', () => {
    const doc = workflowsDocument();
    delete doc.entities.opportunity!.fields.probability;
    expect(validateDocument(doc)).toEqual([
      {
        path: '/workflows/followUp/steps/1/else/0/values/probability',
        code: 'unknown-field',
        message: expect.stringMatching(/^Field probability of opportunity does not exist but is used by workflow followUp \(step markSmall\) — remove or change those first/),
      },
    ]);
  });

  it('the plan lists the workflows that use a renamed or removed field', () => {
    const from = workflowsDocument();
    const to = renameField(workflowsDocument(), 'stage', 'phase');
    delete to.entities.opportunity!.fields.probability;
    const plan = planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 2 });
    const impact = plan.steps.filter((s) => s.description.startsWith('Used by'));
    expect(impact.map((s) => s.description)).toEqual([
      'Used by: workflow followUp — they follow the rename of opportunity.stage to phase (metadata only)',
      'Used by: workflow followUp — opportunity.probability is removed; this version no longer uses it there (metadata only)',
    ]);
  });
});

describe('renameEntityInWorkflows', () => {
  it('moves trigger entities and created entities to the new name, branches included', () => {
    const doc = workflowsDocument();
    doc.workflows!.followUp!.steps[1] = { key: 'big', type: 'if', condition: true, then: [{ key: 'mk', type: 'createRecord', entity: 'opportunity', values: { name: 'x' } }] };
    const next = renameEntityInWorkflows(renameEntityInWorkflows(doc, 'opportunity', 'deal'), 'tag', 'label');
    expect(next.workflows!.followUp!.trigger).toMatchObject({ entity: 'deal' });
    expect(next.workflows!.followUp!.steps[1]).toMatchObject({ then: [{ entity: 'deal' }] });
    expect(next.workflows!.followUp!.steps[2]).toMatchObject({ entity: 'label' });
    expect(doc.workflows!.followUp!.trigger).toMatchObject({ entity: 'opportunity' });
  });

  it('rewriteRenamedReferences applies an entity renamedFrom to workflows', () => {
    const doc = workflowsDocument();
    doc.entities.deal = { ...doc.entities.opportunity!, renamedFrom: 'opportunity' };
    delete doc.entities.opportunity;
    doc.entities.tag!.fields.opportunities!.target = 'deal';
    doc.roles!.salesManager!.entities = { deal: { read: true } };
    const next = rewriteRenamedReferences(doc);
    expect(next.workflows!.followUp!.trigger).toMatchObject({ entity: 'deal' });
    expect(validateDocument(next)).toEqual([]);
  });
});
