import { Ajv } from 'ajv';
import { buildJsonLogicSchema, contextPaths } from './json-logic-schema.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules-document.fixture.js';

ensureComputedFieldTypes();
const doc = rulesDocument();

describe('buildJsonLogicSchema', () => {
  it('offers the paths the place may read', () => {
    const rule = contextPaths(doc, 'opportunity', 'rule').map(([p]) => p);
    expect(rule).toEqual(expect.arrayContaining(['record.amount.amount', 'record.company.employees', 'previous.stage', 'user.id', 'now', 'record.createdAt']));
    const view = contextPaths(doc, 'opportunity', 'viewFilter').map(([p]) => p);
    expect(view).toContain('record.stage');
    expect(view.some((p) => p.startsWith('previous.') || p.startsWith('record.company.'))).toBe(false);
  });

  it('accepts valid expressions and flags unknown operators and paths', () => {
    const validate = new Ajv({ strict: false }).compile(buildJsonLogicSchema(doc, 'opportunity', 'rule'));
    expect(validate(doc.entities.opportunity!.rules!.closeDateWhenWon!.invalidWhen)).toBe(true);
    expect(validate({ '!': { var: 'record.closeDate' } })).toBe(true);
    expect(validate({ changed: 'stage' })).toBe(true);
    expect(validate({ equals: [1, 1] })).toBe(false);
    expect(validate({ var: 'record.nope' })).toBe(false);
    expect(validate({ '==': [1] })).toBe(false);
  });
});
