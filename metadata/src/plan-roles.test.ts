import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { rewriteReferences } from './rules/rewrite.js';
import { OWN, rolesDocument } from './roles/roles.fixture.js';
import type { MetadataDocument } from './types.js';

const plan = (from: MetadataDocument, to: MetadataDocument) => planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 3 });
const planChange = (mutate: (doc: MetadataDocument) => void) => {
  const to = rolesDocument();
  mutate(to);
  return plan(rolesDocument(), to);
};
const descriptions = (p: ReturnType<typeof plan>) => p.steps.map((s) => [s.kind, s.sql.length, s.description]);

describe('planMigration: roles', () => {
  it('describes each change of a role as a metadata-only step', () => {
    const p = planChange((d) => {
      const rep = d.roles!.salesRep!;
      rep.manageUsers = true;
      rep.entities!.opportunity!.read = { '!=': [{ var: 'record.stage' }, 'lost'] };
      rep.entities!.opportunity!.delete = false;
      rep.entities!.opportunity!.transfer = true;
      rep.entities!.opportunity!.fields = { stage: 'hidden' };
      delete rep.entities!.company;
      rep.entities!.tag = { read: true };
    });
    expect(descriptions(p)).toEqual([
      ['metadataOnly', 0, 'Role Sales rep (salesRep): manageUsers granted (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): opportunity read scope changed (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): opportunity delete scope changed from a condition to no record (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): opportunity transfer granted (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): field opportunity.amount now editable (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): field opportunity.stage now hidden (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): permissions on tag added (metadata only)'],
      ['metadataOnly', 0, 'Role Sales rep (salesRep): permissions on company removed (metadata only)'],
    ]);
    expect(p.destructive).toBe(false);
  });

  it('describes added and removed roles', () => {
    const p = planChange((d) => {
      delete d.roles!.salesRep;
      d.roles!.auditor = { label: 'Auditor', entities: { company: { read: true } } };
    });
    expect(descriptions(p)).toEqual([
      ['metadataOnly', 0, 'Add role Auditor (auditor) (metadata only)'],
      ['metadataOnly', 0, 'Remove role Sales rep (salesRep): users and API keys holding it lose what it gave them (metadata only)'],
    ]);
  });

  it('describes nothing for a role that only follows a field rename, and lists the role among the uses of the field', () => {
    const to = rolesDocument();
    const opp = to.entities.opportunity!;
    opp.fields = Object.fromEntries(Object.entries(opp.fields).map(([k, f]) => (k === 'amount' ? ['value', { ...f, renamedFrom: 'amount' }] : [k, f])));
    const p = plan(rolesDocument(), rewriteReferences(to, 'opportunity', 'amount', 'value'));
    expect(p.steps.filter((s) => s.description.startsWith('Role'))).toEqual([]);
    expect(p.steps.find((s) => s.description.startsWith('Used by:'))!.description).toBe(
      'Used by: role salesRep — they follow the rename of opportunity.amount to value (metadata only)',
    );
    expect(to.roles!.salesRep!.entities!.opportunity!.read).toEqual(OWN);
  });
});
