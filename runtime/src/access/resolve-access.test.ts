import { MY_TEAMS, OWN, accessDocument } from './access.fixture.js';
import { accessKey, resolveAccess } from './resolve-access.js';

describe('resolveAccess', () => {
  it('gives a role no access to entities it does not list (deny by default)', () => {
    const company = resolveAccess(accessDocument(), { roles: ['manager'] }).entities.company!;
    expect(company).toMatchObject({ read: [], update: [], delete: [], create: false, transfer: false });
    expect(company.fields.name).toBe('hidden');
  });

  it('keeps one grant per role and ANDs update and delete with that role\'s read scope', () => {
    const deal = resolveAccess(accessDocument(), { roles: ['rep'] }).entities.deal!;
    expect(deal.read).toEqual([{ role: 'rep', scope: OWN }]);
    expect(deal.update).toEqual([{ role: 'rep', scope: OWN }]); // update: true, read: own → own
    expect(deal.delete).toEqual([{ role: 'rep', scope: OWN }]); // the same predicate twice is not repeated
    expect(deal.create).toBe(true);
  });

  it('unions the grants of several roles and any role\'s create and transfer', () => {
    const deal = resolveAccess(accessDocument(), { roles: ['rep', 'manager'] }).entities.deal!;
    expect(deal.read).toEqual([
      { role: 'rep', scope: OWN },
      { role: 'manager', scope: MY_TEAMS },
    ]);
    expect(deal.delete.map((g) => g.role)).toEqual(['rep']);
    expect(deal).toMatchObject({ create: true, transfer: true });
  });

  it('grants nothing to update or delete without read, whatever the update scope says', () => {
    const doc = accessDocument();
    doc.roles!.blind = { label: 'Blind', entities: { deal: { update: true, delete: true } } };
    const deal = resolveAccess(doc, { roles: ['blind'] }).entities.deal!;
    expect(deal.update).toEqual([]);
    expect(deal.delete).toEqual([]);
  });

  it('ANDs two different predicates of one role', () => {
    const doc = accessDocument();
    doc.roles!.rep!.entities!.deal!.update = MY_TEAMS;
    expect(resolveAccess(doc, { roles: ['rep'] }).entities.deal!.update).toEqual([{ role: 'rep', scope: { and: [OWN, MY_TEAMS] } }]);
  });

  it('makes a field editable when a writing role leaves it editable, read-only when a reader shows it, else hidden', () => {
    const rep = resolveAccess(accessDocument(), { roles: ['rep'] }).entities.deal!.fields;
    expect(rep).toMatchObject({ name: 'editable', amount: 'readOnly', margin: 'hidden', owner: 'editable', team: 'editable' });
    const auditor = resolveAccess(accessDocument(), { roles: ['auditor'] }).entities.deal!.fields;
    expect(auditor).toMatchObject({ name: 'readOnly', amount: 'readOnly', margin: 'hidden' });
    const both = resolveAccess(accessDocument(), { roles: ['auditor', 'manager'] }).entities.deal!.fields;
    expect(both).toMatchObject({ margin: 'editable', amount: 'editable' }); // the manager updates and hides nothing
  });

  it('never makes server-set system fields or derived values editable, and never hides id', () => {
    const fields = resolveAccess(accessDocument(), { roles: ['rep'] }).entities.deal!.fields;
    expect(fields).toMatchObject({ id: 'readOnly', createdAt: 'readOnly', updatedAt: 'readOnly', createdBy: 'readOnly', updatedBy: 'readOnly', doubled: 'readOnly' });
    const none = resolveAccess(accessDocument(), { roles: [] }).entities.deal!.fields;
    expect(none.id).toBe('readOnly');
    expect(none.createdAt).toBe('hidden');
  });

  it('lists every entity, and every field including the system fields', () => {
    const access = resolveAccess(accessDocument(), { roles: [] });
    expect(Object.keys(access.entities)).toEqual(['company', 'deal']);
    expect(Object.keys(access.entities.deal!.fields).sort()).toEqual(
      ['amount', 'createdAt', 'createdBy', 'doubled', 'id', 'margin', 'name', 'owner', 'team', 'updatedAt', 'updatedBy'],
    );
  });

  it('gives admin every record, every right and both capabilities', () => {
    const access = resolveAccess(accessDocument(), { roles: ['admin'] });
    expect(access).toMatchObject({ admin: true, manageMetadata: true, manageUsers: true });
    expect(access.entities.deal).toMatchObject({ read: [{ role: 'admin', scope: true }], create: true, transfer: true });
    expect(access.entities.deal!.fields).toMatchObject({ margin: 'editable', owner: 'editable', id: 'readOnly', doubled: 'readOnly' });
  });

  it('takes the capabilities from any role and ignores unknown role names', () => {
    expect(resolveAccess(accessDocument(), { roles: ['manager', 'ghost'] })).toMatchObject({ admin: false, manageMetadata: false, manageUsers: true });
    expect(resolveAccess(accessDocument(), { roles: ['ghost'] }).entities.deal!.read).toEqual([]);
  });

  it('does not treat a document role named admin as the built-in one', () => {
    const doc = accessDocument();
    doc.roles!.admin = { label: 'Fake', entities: {} };
    expect(resolveAccess(doc, { roles: ['rep'] }).admin).toBe(false);
  });

  it('memoises per document object and role set, whatever the order of the roles', () => {
    const doc = accessDocument();
    const a = resolveAccess(doc, { roles: ['rep', 'manager'] });
    expect(resolveAccess(doc, { roles: ['manager', 'rep', 'rep'] })).toBe(a);
    expect(a.key).toBe('manager,rep');
    expect(resolveAccess(accessDocument(), { roles: ['rep', 'manager'] })).not.toBe(a);
    expect(Object.isFrozen(a.entities.deal)).toBe(true);
    expect(Object.isFrozen(doc.roles!.rep!.entities!.deal!.read)).toBe(false); // the document stays editable
  });

  it('keys a role set by its sorted, distinct names', () => {
    expect(accessKey({ roles: ['b', 'a', 'b'] })).toBe('a,b');
    expect(accessKey({ roles: [] })).toBe('');
  });
});
