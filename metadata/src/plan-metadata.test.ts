import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { salesDocument } from './testing/fixtures.js';
import type { MetadataDocument } from './types.js';

const planChange = (mutate: (doc: MetadataDocument) => void) => {
  const to = salesDocument();
  mutate(to);
  return planMigration(salesDocument(), to, diffDocuments(salesDocument(), to), { schema: 'main', version: 7 });
};
const descriptions = (plan: ReturnType<typeof planChange>) => plan.steps.map((s) => [s.kind, s.description, s.sql, s.destructive]);

describe('planMigration: metadata-only changes', () => {
  it('lists label, layout and workflow changes as metadataOnly steps without SQL', () => {
    const plan = planChange((d) => {
      d.entities.tag!.label = 'Label';
      d.entities.company!.layouts!.list!.pageSize = 20;
      d.workflows = { welcome: { label: 'Welcome', active: false, trigger: { type: 'recordCreated', entity: 'contact' }, steps: [] } };
    });
    expect(plan.steps.every((s) => s.kind === 'metadataOnly' && s.sql.length === 0 && !s.destructive)).toBe(true);
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Change the list layout of entity company (metadata only)',
      'Change label of entity tag from "Tag" to "Label" (metadata only)',
      'Add workflow Welcome (welcome): record created of contact, 0 steps, inactive (metadata only)',
    ]);
  });

  it('adds a select option without SQL', () => {
    const plan = planChange((d) => d.entities.opportunity!.fields.stage!.options!.push({ value: 'paused', label: 'Paused' }));
    expect(descriptions(plan)).toEqual([['metadataOnly', 'Change options of opportunity.stage: add "paused" (metadata only)', [], false]]);
  });

  it('removes a select option without SQL, warning that records keep the value', () => {
    const plan = planChange((d) => d.entities.opportunity!.fields.stage!.options!.splice(2, 1));
    expect(descriptions(plan)).toEqual([
      ['metadataOnly', 'Change options of opportunity.stage: remove "lost" (metadata only; records that have a removed value keep it until they are edited)', [], false],
    ]);
  });

  it('makes a field required without SQL (required is enforced by validation, not NOT NULL)', () => {
    const plan = planChange((d) => (d.entities.company!.fields.website!.required = true));
    expect(descriptions(plan)).toEqual([
      ['metadataOnly', 'Make company.website required (metadata only; existing records without a value keep it empty until they are edited)', [], false],
    ]);
  });

  it('adds and removes a oneToMany side without SQL', () => {
    expect(descriptions(planChange((d) => delete d.entities.company!.fields.contacts))).toEqual([
      ['metadataOnly', 'Remove field contacts from company (no column of its own)', [], false],
      ['metadataOnly', 'Used by: relation company of contact — company.contacts is removed; this version no longer uses it there (metadata only)', [], false],
    ]);
    const from = salesDocument();
    delete from.entities.company!.fields.contacts;
    delete from.entities.contact!.fields.company!.inverse;
    const to = salesDocument();
    delete to.entities.contact!.fields.company!.inverse;
    expect(planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 2 }).steps.map((s) => s.description)).toEqual([
      'Add field contacts to company: the other side of contact.company (no column)',
    ]);
  });
});
