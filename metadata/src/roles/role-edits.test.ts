import { rewriteReferences, rewriteRenamedReferences } from '../rules/rewrite.js';
import { findReferences } from '../rules/references.js';
import { validateDocument } from '../validate-document.js';
import { OWN, rolesDocument } from './roles.fixture.js';
import { renameEntityInRoles, withoutReferencesTo } from './role-edits.js';

describe('role edits', () => {
  it('lists role field access and scopes among the uses of a field', () => {
    expect(findReferences(rolesDocument(), 'opportunity', 'amount').map((r) => [r.path, r.description])).toEqual([
      ['/roles/salesRep/entities/opportunity/fields/amount', 'role salesRep (field access)'],
      ['/roles/salesRep/entities/opportunity/update/and/1/!=/0/var', 'role salesRep (update)'],
    ]);
  });

  it('rewrites field access keys and scope predicates when a field is renamed', () => {
    const doc = rewriteReferences(rolesDocument(), 'opportunity', 'amount', 'value');
    const p = doc.roles!.salesRep!.entities!.opportunity!;
    expect(p.fields).toEqual({ value: 'readOnly' });
    expect(p.update).toEqual({ and: [OWN, { '!=': [{ var: 'record.value.amount' }, 0] }] });
  });

  it('moves permissions to the new name of a renamed entity, keeping their order', () => {
    const doc = renameEntityInRoles(rolesDocument(), 'company', 'account');
    expect(Object.keys(doc.roles!.salesRep!.entities!)).toEqual(['account', 'opportunity']);
    expect(doc.roles!.salesRep!.entities!.account).toEqual({ read: true });
  });

  it('follows entity renames in documents written by hand (renamedFrom)', () => {
    const doc = rolesDocument();
    doc.entities.deal = { ...doc.entities.opportunity!, renamedFrom: 'opportunity', plural: 'deals' };
    delete doc.entities.opportunity;
    expect(Object.keys(rewriteRenamedReferences(doc).roles!.salesRep!.entities!)).toEqual(['company', 'deal']);
  });

  it('removes the permissions on a removed entity', () => {
    const doc = rolesDocument();
    delete doc.entities.company;
    delete doc.entities.contact!.fields.company;
    const cleaned = withoutReferencesTo(doc, 'company');
    expect(Object.keys(cleaned.roles!.salesRep!.entities!)).toEqual(['opportunity']);
    expect(cleaned).not.toBe(doc);
    expect(doc.roles!.salesRep!.entities!.company).toBeDefined();
  });

  it('removes the field access of a removed field and turns scopes that read it into no records', () => {
    const doc = rolesDocument();
    delete doc.entities.opportunity!.fields.amount;
    const p = withoutReferencesTo(doc, 'opportunity', 'amount').roles!.salesRep!.entities!.opportunity!;
    expect(p).toEqual({ read: OWN, create: true, delete: OWN });
    expect(validateDocument(withoutReferencesTo(doc, 'opportunity', 'amount'))).toEqual([]);
  });

  it('drops the grants that need read when the read scope goes', () => {
    const doc = rolesDocument();
    doc.roles!.salesRep!.entities!.contact = { read: { '==': [{ var: 'record.email' }, { var: 'user.email' }] }, update: true, transfer: true, fields: { phone: 'hidden' } };
    delete doc.entities.contact!.fields.email;
    expect(withoutReferencesTo(doc, 'contact', 'email').roles!.salesRep!.entities!.contact).toEqual({});
  });
});
