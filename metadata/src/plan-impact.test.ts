import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules/rules-document.fixture.js';
import { rewriteReferences } from './rules/rewrite.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

ensureComputedFieldTypes();

const plan = (from: MetadataDocument, to: MetadataDocument) => planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 4 });
const impact = (p: ReturnType<typeof plan>) => p.steps.filter((s) => s.description.startsWith('Used by:')).map((s) => [s.entity, s.field, s.description]);

function renameField(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  const def = next.entities[entity]!;
  def.fields = Object.fromEntries(Object.entries(def.fields).map(([k, f]) => (k === from ? [to, { ...f, renamedFrom: from }] : [k, f])));
  return rewriteReferences(next, entity, from, to);
}

describe('plan preview: impact of renaming and removing fields', () => {
  it('lists what used a renamed field, next to the rename', () => {
    const from = rulesDocument();
    const to = renameField(from, 'opportunity', 'closeDate', 'expectedClose');
    expect(validateDocument(to)).toEqual([]);
    const p = plan(from, to);
    expect(p.steps.map((s) => s.description)).toContain('Rename field closeDate to expectedClose on opportunity (column kept, data kept)');
    expect(impact(p)).toEqual([
      [
        'opportunity',
        'expectedClose',
        'Used by: form conditions of closeDate, form layout, list layout, rule closeDateWhenWon, view myOpenDeals — they follow the rename of opportunity.closeDate to expectedClose (metadata only)',
      ],
    ]);
  });

  it('lists uses from other entities, naming their entity', () => {
    const from = rulesDocument();
    const p = plan(from, renameField(from, 'company', 'employees', 'headcount'));
    expect(impact(p)[0]![2]).toBe(
      'Used by: formula size, form layout, list layout, formula companyEmployees of opportunity, rule bigDealsNeedBigCompany of opportunity — they follow the rename of company.employees to headcount (metadata only)',
    );
  });

  it('lists what used a removed field, leaving out components removed with it', () => {
    const from = rulesDocument();
    const to = structuredClone(from);
    const opp = to.entities.opportunity!;
    delete opp.fields.probability;
    delete to.entities.company!.fields.wonAmount; // the roll-up over probability goes too
    opp.layouts!.form!.sections[1]!.fields = ['tags'];
    delete opp.layouts!.form!.conditions!.probability;
    expect(validateDocument(to)).toEqual([]);
    expect(impact(plan(from, to))).toEqual([
      ['opportunity', 'probability', 'Used by: form conditions of probability, form layout — opportunity.probability is removed; this version no longer uses it there (metadata only)'],
    ]);
  });

  it('adds no impact line for a field nobody used', () => {
    const from = rulesDocument();
    const to = structuredClone(from);
    delete to.entities.contact!.fields.phone;
    expect(impact(plan(from, to))).toEqual([]);
  });
});

describe('diff and plan of validation rules and saved views', () => {
  it('reports one change per added, changed or removed rule or view, with a sentence each', () => {
    const from = rulesDocument();
    const to = structuredClone(from);
    const opp = to.entities.opportunity!;
    opp.rules!.nameRequired = { invalidWhen: { isBlank: { var: 'record.name' } }, message: 'Name it' };
    opp.rules!.noReopen!.active = false;
    delete opp.rules!.bigDealsNeedBigCompany;
    opp.views!.won = { label: 'Won', filter: { '==': [{ var: 'record.stage' }, 'won'] } };
    const diff = diffDocuments(from, to);
    expect(diff.changes.map((c) => (c.kind === 'changeEntity' ? c.property : c.kind))).toEqual([
      'rules.bigDealsNeedBigCompany',
      'rules.nameRequired',
      'rules.noReopen',
      'views.won',
    ]);
    expect(plan(from, to).steps.map((s) => s.description)).toEqual([
      'Remove validation rule bigDealsNeedBigCompany from entity opportunity (metadata only)',
      'Add validation rule nameRequired to entity opportunity (metadata only; existing records are checked when they are next saved)',
      'Change validation rule noReopen of entity opportunity (metadata only)',
      'Add saved view won to entity opportunity (metadata only)',
    ]);
  });
});
