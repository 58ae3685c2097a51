/**
 * Bad workflows are refused at publish through the /metadata API, every problem with its JSON path and a message
 * saying what to fix, and nothing is published: an unknown field, an invalid cron, a step whose settings fail its
 * schema, a reference to a later step's output, a before-save workflow with a step it may not have.
 */
import { jest } from '@jest/globals';
import type { WorkflowDefinition } from '@trellis/metadata';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { crmWorkflowDocument } from './testing/workflow-test-kit.js';

jest.setTimeout(60_000);

let app: TestApp;

beforeAll(async () => {
  app = await withTestApp(crmWorkflowDocument());
});

afterAll(async () => {
  await app?.close();
});

const PUBLISH = `mutation($d: JSON!) { publishMetadata(document: $d, message: "bad workflows") { version } }`;

test('a publish with bad workflows is refused with a precise problem for each, and nothing changes', async () => {
  const bad: Record<string, WorkflowDefinition> = {
    typo: {
      label: 'Typo',
      trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stag'] },
      steps: [{ key: 'touch', type: 'updateRecord', values: { amunt: 1 } }],
    },
    badCron: { label: 'Bad cron', trigger: { type: 'scheduled', cron: '0 9 * *' }, steps: [{ key: 'n', type: 'createRecord', entity: 'note', values: { text: 'x' } }] },
    badStep: {
      label: 'Bad step',
      trigger: { type: 'recordCreated', entity: 'deal' },
      steps: [
        { key: 'first', type: 'createRecord', entity: 'note', values: { text: { var: 'steps.later.id' } } },
        { key: 'later', type: 'httpRequest', method: 'FETCH', url: 'https://example.test/hook' } as never,
      ],
    },
    early: {
      label: 'Early',
      timing: 'beforeSave',
      trigger: { type: 'recordCreated', entity: 'deal' },
      steps: [{ key: 'mail', type: 'sendEmail', to: 'a@example.test', subject: 'Hi', body: 'Hi' }],
    },
  };
  const before = await app.metadata<{ currentMetadata: { version: number } }>(`{ currentMetadata { version } }`);
  const refused = await app.metadata(PUBLISH, { d: crmWorkflowDocument(bad) });
  const error = refused.errors?.[0];
  expect(error?.extensions?.['code']).toBe('METADATA_INVALID');
  const problems = error?.extensions?.['problems'] as { path: string; message: string; code: string }[];
  const at = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
  expect(at('/workflows/typo/trigger/fields/0')[0]?.message).toMatch(/stag/);
  expect(at('/workflows/typo/steps/0/values/amunt')[0]?.message).toMatch(/amunt/);
  expect(at('/workflows/badCron/trigger/cron')[0]?.message).toMatch(/cron/i);
  expect(at('/workflows/badStep/steps/1/method')[0]?.message).toMatch(/GET|POST/);
  expect(at('/workflows/badStep/steps/0/values/text')[0]?.message).toMatch(/later/);
  expect(at('/workflows/early/steps/0').length).toBeGreaterThan(0);
  for (const problem of problems) expect(problem.message.length).toBeGreaterThan(20);
  const after = await app.metadata<{ currentMetadata: { version: number } }>(`{ currentMetadata { version } }`);
  expect(after.data!.currentMetadata.version).toBe(before.data!.currentMetadata.version);
  const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_version"`);
  expect(rows[0].n).toBe(0);
});
