import { Ajv } from 'ajv';
import { validateDocument } from '../validate-document.js';
import { STEP_TYPES, TRIGGER_TYPES } from './workflows-schema.js';
import { followUpWorkflow, workflowsDocument } from './workflows.fixture.js';

describe('workflow catalogs', () => {
  it('every step and trigger type has a label, a description and a form schema that compiles in ajv strict mode', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    for (const info of [...Object.values(STEP_TYPES), ...Object.values(TRIGGER_TYPES)]) {
      expect(info.label).not.toBe('');
      expect(info.description).not.toBe('');
      expect(() => ajv.compile(info.schema)).not.toThrow();
      for (const [name, property] of Object.entries(info.schema.properties as Record<string, { title?: string; description?: string }>)) {
        expect([name, property.title && property.description ? 'documented' : 'undocumented']).toEqual([name, 'documented']);
      }
    }
  });

  it('lists where expressions and templates are, and which types may run before save', () => {
    expect(STEP_TYPES.updateRecord).toMatchObject({ expressions: ['values.*'], templates: [], beforeSave: true });
    expect(STEP_TYPES.sendEmail).toMatchObject({ expressions: ['to', 'recipients.users'], templates: ['subject', 'body'], beforeSave: false });
    expect(STEP_TYPES.httpRequest.templates).toEqual(['url', 'headers.*']);
    expect(STEP_TYPES.failWithMessage).toMatchObject({ beforeSave: true, onlyBeforeSave: true, templates: ['message'] });
    expect(Object.entries(TRIGGER_TYPES).filter(([, t]) => t.beforeSave).map(([type]) => type)).toEqual(['recordCreated', 'recordUpdated', 'fieldChanged']);
  });

  it('a step form validates its settings (for the studio)', () => {
    const validate = new Ajv({ strict: false }).compile(STEP_TYPES.createTask.schema);
    expect(validate({ title: 'Call {{record.name}}', dueIn: { amount: 3, unit: 'days' } })).toBe(true);
    expect(validate({ dueIn: { amount: 3, unit: 'months' } })).toBe(false);
  });
});

describe('the document schema of workflows', () => {
  it('accepts a valid workflow', () => {
    expect(validateDocument(workflowsDocument())).toEqual([]);
  });

  it('reports a missing setting of a step at its path, with its description', () => {
    const wf = followUpWorkflow();
    delete (wf.steps[0] as { title?: string }).title;
    expect(validateDocument(workflowsDocument({ followUp: wf }))).toEqual([
      { path: '/workflows/followUp/steps/0/title', code: 'required', message: expect.stringMatching(/^Step "makeTask" of workflow "followUp" is missing "title"\. The task's title\./) },
    ]);
  });

  it('reports unknown settings, unknown step and trigger types, and settings inside branches', () => {
    const wf = followUpWorkflow();
    Object.assign(wf.steps[0]!, { colour: 'red' });
    (wf.steps[1] as { then: unknown[] }).then.push({ key: 'odd', type: 'teleport' });
    const problems = validateDocument(workflowsDocument({ followUp: wf, other: { label: 'O', trigger: { type: 'sometimes' } as never, steps: [] } }));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workflows/followUp/steps/0/colour', 'unknown-property'],
      ['/workflows/followUp/steps/1/then/1/type', 'invalid-value'],
      ['/workflows/other/trigger/type', 'invalid-value'],
    ]);
    expect(problems[0]!.message).toMatch(/^Step "makeTask" of workflow "followUp" has an unknown property "colour"; remove it or use one of "key", "label", "type", "title"/);
  });

  it('bounds maxDepth and the http timeout', () => {
    const wf = { ...followUpWorkflow(), maxDepth: 21 };
    wf.steps.push({ key: 'call', type: 'httpRequest', method: 'POST', url: 'https://example.com', timeoutMs: 120_000 });
    expect(validateDocument(workflowsDocument({ followUp: wf })).map((p) => p.path)).toEqual(['/workflows/followUp/maxDepth', '/workflows/followUp/steps/3/timeoutMs']);
  });
});
