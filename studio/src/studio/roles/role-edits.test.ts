import { validateDocument, type MetadataDocument } from '@trellis/metadata';
import { salesDoc } from '../../testing/sales-doc.js';
import { removeEntity, removeField, renameEntity, renameField } from '../doc-edits.js';
import {
  clearPermission,
  createRole,
  grantedEntities,
  MY_TEAM,
  OWNER_IS_ME,
  removeRole,
  scopeKind,
  setCreate,
  setFieldLevel,
  setScope,
  setTransfer,
  updateRole,
} from './role-edits.js';
import { parseRoleProblemPath, problemsForPermission, problemsForRole } from './role-problems.js';
import { capabilitiesText, entitiesText, scopeText } from './role-summary.js';

/** "Own deals, no amount": read/update own opportunities, create them, amount hidden; read every company. */
function withSalesRep(): MetadataDocument {
  let doc = createRole(salesDoc(), { name: 'salesRep', label: 'Sales rep', description: 'Works their own deals' });
  doc = setScope(doc, 'salesRep', 'opportunity', 'read', OWNER_IS_ME);
  doc = setScope(doc, 'salesRep', 'opportunity', 'update', OWNER_IS_ME);
  doc = setCreate(doc, 'salesRep', 'opportunity', true);
  doc = setFieldLevel(doc, 'salesRep', 'opportunity', 'amount', 'hidden');
  return setScope(doc, 'salesRep', 'company', 'read', true);
}

describe('role edits of the draft', () => {
  it('builds a valid role from the matrix, storing only what is granted', () => {
    const doc = withSalesRep();
    expect(doc.roles).toEqual({
      salesRep: {
        label: 'Sales rep',
        description: 'Works their own deals',
        entities: {
          opportunity: { read: OWNER_IS_ME, update: OWNER_IS_ME, create: true, fields: { amount: 'hidden' } },
          company: { read: true },
        },
      },
    });
    expect(validateDocument(doc)).toEqual([]);
  });

  it('never mutates the document it is given', () => {
    const original = withSalesRep();
    const before = JSON.stringify(original);
    setScope(original, 'salesRep', 'opportunity', 'read', undefined);
    setFieldLevel(original, 'salesRep', 'opportunity', 'amount', 'editable');
    removeRole(original, 'salesRep');
    expect(JSON.stringify(original)).toBe(before);
  });

  it('drops a permission, then the entities map, when nothing is granted any more', () => {
    let doc = withSalesRep();
    doc = setScope(doc, 'salesRep', 'company', 'read', false);
    expect(doc.roles!.salesRep.entities).not.toHaveProperty('company');
    doc = setFieldLevel(doc, 'salesRep', 'opportunity', 'amount', 'editable');
    expect(doc.roles!.salesRep.entities!.opportunity).not.toHaveProperty('fields');
    doc = clearPermission(doc, 'salesRep', 'opportunity');
    expect(doc.roles!.salesRep).not.toHaveProperty('entities');
  });

  it('sets capabilities and transfer as true or nothing, and removes the roles map with the last role', () => {
    let doc = updateRole(withSalesRep(), 'salesRep', { manageUsers: true, description: '' });
    expect(doc.roles!.salesRep).toMatchObject({ manageUsers: true });
    expect(doc.roles!.salesRep).not.toHaveProperty('description');
    doc = updateRole(doc, 'salesRep', { manageUsers: false });
    expect(doc.roles!.salesRep).not.toHaveProperty('manageUsers');
    doc = setTransfer(doc, 'salesRep', 'opportunity', true);
    expect(doc.roles!.salesRep.entities!.opportunity.transfer).toBe(true);
    doc = setTransfer(doc, 'salesRep', 'opportunity', false);
    expect(doc.roles!.salesRep.entities!.opportunity).not.toHaveProperty('transfer');
    expect(removeRole(doc, 'salesRep')).not.toHaveProperty('roles');
  });

  it('tells the kind of a scope and which entities a role grants', () => {
    expect([scopeKind(undefined), scopeKind(false), scopeKind(true), scopeKind(MY_TEAM)]).toEqual(['none', 'none', 'all', 'condition']);
    const doc = setScope(withSalesRep(), 'salesRep', 'person', 'update', true); // update without read grants nothing
    expect(grantedEntities(doc.roles!.salesRep)).toEqual(['opportunity', 'company']);
    expect(entitiesText(doc, doc.roles!.salesRep)).toBe('2 entities');
    expect(capabilitiesText(doc.roles!.salesRep)).toBe('—');
  });

  it('describes scopes from the reader’s side', () => {
    const doc = withSalesRep();
    expect(scopeText(doc, 'opportunity', OWNER_IS_ME)).toBe('Owner is me');
    expect(scopeText(doc, 'opportunity', MY_TEAM)).toBe('Team is one of my teams');
    expect(scopeText(doc, 'opportunity', true)).toBe('All records');
    expect(scopeText(doc, 'opportunity', undefined)).toBe('No records');
  });

  it('places validation problems at their role, entity and part', () => {
    const doc = setScope(withSalesRep(), 'salesRep', 'person', 'update', true);
    const problems = validateDocument(doc);
    expect(problemsForRole(problems, 'salesRep')).toHaveLength(1);
    expect(problemsForPermission(problems, 'salesRep', 'person', 'update')).toEqual([expect.objectContaining({ code: 'grant-without-read' })]);
    expect(parseRoleProblemPath('/roles/salesRep/entities/opportunity/fields/amount')).toEqual({ role: 'salesRep', entity: 'opportunity', part: 'fields', field: 'amount' });
    expect(parseRoleProblemPath('/roles/salesRep/label')).toEqual({ role: 'salesRep', part: 'label' });
    expect(parseRoleProblemPath('/entities/opportunity')).toBeNull();
  });
});

describe('designer edits keep roles consistent', () => {
  it('removing a field removes its field access and turns scopes that read it into no records', () => {
    let doc = withSalesRep();
    doc = setScope(doc, 'salesRep', 'opportunity', 'delete', { '==': [{ var: 'record.stage' }, 'new'] });
    doc = removeField(doc, 'opportunity', 'amount');
    doc = removeField(doc, 'opportunity', 'stage');
    expect(doc.roles!.salesRep.entities!.opportunity).toEqual({ read: OWNER_IS_ME, update: OWNER_IS_ME, create: true });
    expect(validateDocument(doc)).toEqual([]);
  });

  it('removing an entity removes the permissions on it', () => {
    const doc = removeEntity(withSalesRep(), 'company');
    expect(Object.keys(doc.roles!.salesRep.entities!)).toEqual(['opportunity']);
    expect(validateDocument(doc)).toEqual([]);
  });

  it('renaming an entity or a field carries the permissions along', () => {
    const published = withSalesRep();
    let doc = renameEntity(published, 'opportunity', 'deal', published);
    doc = { ...doc, entities: { ...doc.entities, deal: { ...doc.entities.deal, plural: 'deals' } } };
    doc = renameField(doc, 'deal', 'amount', 'value', published);
    expect(doc.roles!.salesRep.entities!.deal).toMatchObject({ read: OWNER_IS_ME, fields: { value: 'hidden' } });
    expect(doc.roles!.salesRep.entities).not.toHaveProperty('opportunity');
  });
});
