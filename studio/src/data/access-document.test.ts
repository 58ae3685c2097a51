import { toFormSchema, toListColumns, resolveAccess } from '@trellis/runtime';
import type { MetadataDocument } from '@trellis/metadata';
import { salesDoc } from '../testing/sales-doc.js';
import { buildListQuery, buildRecordQuery, writableFields } from '../api/record-queries.js';
import { filterableFields } from './FilterBar.js';
import {
  documentForAccess,
  fieldAccessOf,
  hiddenFields,
  lockedFields,
  readableEntities,
  recordRights,
  withoutLockedFields,
} from './access-document.js';

const OWN = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };

function doc(): MetadataDocument {
  const d = salesDoc();
  d.entities.opportunity.rules = {
    bigDealsNeedAStage: { invalidWhen: { and: [{ '>': [{ var: 'record.amount.amount' }, 1000] }, { '!': { var: 'record.stage' } }] }, message: 'x' },
    nameNotBlank: { invalidWhen: { isBlank: { var: 'record.name' } }, message: 'y' },
  };
  d.entities.opportunity.layouts!.form!.conditions = { stage: { readOnlyWhen: { '>': [{ var: 'record.amount.amount' }, 0] } } };
  d.roles = {
    salesRep: {
      label: 'Sales rep',
      entities: {
        opportunity: { read: OWN, update: OWN, create: true, fields: { amount: 'hidden', stage: 'readOnly' } },
        company: { read: true },
      },
    },
    viewer: { label: 'Viewer', entities: { company: { read: true } } },
  };
  return d;
}

describe('the document as a role may use it', () => {
  it('leaves the document alone for the admin', () => {
    const d = doc();
    const access = resolveAccess(d, { roles: ['admin'] });
    expect(documentForAccess(d, access)).toBe(d);
    expect(readableEntities(d, access)).toEqual(['company', 'opportunity', 'person']);
    expect(recordRights(access, 'person')).toEqual({ create: true, update: true, delete: true });
  });

  it('removes hidden fields and relations to unreadable entities from columns, filters, forms and queries', () => {
    const d = doc();
    const access = resolveAccess(d, { roles: ['salesRep'] });
    expect(hiddenFields(d, access, 'opportunity')).toEqual(['amount', 'contacts']); // person is not readable
    const mine = documentForAccess(d, access);
    expect(toListColumns(mine, 'opportunity').columns.map((c) => c.field)).toEqual(['name', 'stage', 'company']);
    expect(toListColumns(mine, 'opportunity').sort).not.toContainEqual(expect.objectContaining({ field: 'amount' }));
    expect(filterableFields(mine, 'opportunity').map((f) => f.name)).not.toContain('amount');
    expect(Object.keys(toFormSchema(mine, 'opportunity').schema.properties ?? {})).not.toContain('amount');
    expect(writableFields(mine.entities.opportunity)).not.toContain('amount');
    const list = buildListQuery(mine, 'opportunity', { fields: toListColumns(mine, 'opportunity').columns.map((c) => c.field) }).query;
    const one = buildRecordQuery(mine, 'opportunity', writableFields(mine.entities.opportunity), 'x').query;
    for (const query of [list, one]) {
      expect(query).not.toMatch(/amount|contacts/);
    }
  });

  it('drops the rules and conditions that read a hidden field, keeping the others', () => {
    const d = doc();
    const mine = documentForAccess(d, resolveAccess(d, { roles: ['salesRep'] }));
    expect(Object.keys(mine.entities.opportunity.rules ?? {})).toEqual(['nameNotBlank']);
    expect(mine.entities.opportunity.layouts!.form!.conditions).toEqual({});
    expect(d.entities.opportunity.rules).toHaveProperty('bigDealsNeedAStage'); // the original is untouched
  });

  it('memoises per document and role set', () => {
    const d = doc();
    expect(documentForAccess(d, resolveAccess(d, { roles: ['salesRep'] }))).toBe(documentForAccess(d, resolveAccess(d, { roles: ['salesRep'] })));
  });

  it('lists readable entities, record rights and the fields a form must lock', () => {
    const d = doc();
    const rep = resolveAccess(d, { roles: ['salesRep'] });
    const viewer = resolveAccess(d, { roles: ['viewer'] });
    expect(readableEntities(d, rep)).toEqual(['company', 'opportunity']);
    expect(readableEntities(d, resolveAccess(d, { roles: [] }))).toEqual([]);
    expect(recordRights(rep, 'opportunity')).toEqual({ create: true, update: true, delete: false });
    expect(recordRights(viewer, 'company')).toEqual({ create: false, update: false, delete: false });
    expect(fieldAccessOf(rep, 'opportunity', 'stage')).toBe('readOnly');
    expect([...lockedFields(rep, 'opportunity', 'update')]).toEqual(expect.arrayContaining(['stage', 'createdAt']));
    expect(lockedFields(rep, 'opportunity', 'update').has('name')).toBe(false);
    expect(lockedFields(viewer, 'company', 'update').has('name')).toBe(true);
    expect(withoutLockedFields({ name: 'A', stage: 'won' }, lockedFields(rep, 'opportunity', 'update'))).toEqual({ name: 'A' });
  });
});
