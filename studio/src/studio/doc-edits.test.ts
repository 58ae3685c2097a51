import { salesDoc } from '../testing/sales-doc.js';
import {
  addField,
  createEntity,
  removalEffects,
  removeEntity,
  removeField,
  renameEntity,
  renameField,
  updateEntity,
  updateField,
  withoutRenameMarkers,
} from './doc-edits.js';

describe('document edits', () => {
  it('creates an entity with a required name field as display field, on the form and the list', () => {
    const doc = createEntity(salesDoc(), { name: 'ticket', label: 'Ticket', pluralLabel: 'Tickets', plural: 'tickets' });
    expect(doc.entities.ticket).toMatchObject({
      label: 'Ticket',
      plural: 'tickets',
      displayField: 'name',
      fields: { name: { type: 'text', required: true } },
      layouts: { form: { sections: [{ fields: ['name'] }] }, list: { columns: ['name'] } },
    });
  });

  it('never mutates the document it is given', () => {
    const original = salesDoc();
    const before = JSON.stringify(original);
    addField(original, 'company', 'website', { type: 'url', label: 'Website' });
    removeField(original, 'opportunity', 'company');
    renameField(original, 'company', 'name', 'title', original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('adds a field to the last form section and to the list', () => {
    const doc = addField(salesDoc(), 'company', 'website', { type: 'url', label: 'Website' });
    expect(doc.entities.company.fields.website).toEqual({ type: 'url', label: 'Website' });
    expect(doc.entities.company.layouts!.form!.sections[0].fields).toEqual(['name', 'employees', 'website']);
    expect(doc.entities.company.layouts!.list!.columns).toEqual(['name', 'employees', 'website']);
  });

  it('creates the inverse field on the target when asked', () => {
    const doc = addField(
      salesDoc(),
      'person',
      'employer',
      { type: 'relation', label: 'Employer', target: 'company', cardinality: 'manyToOne' },
      { name: 'employees2', label: 'Staff' },
    );
    expect(doc.entities.person.fields.employer.inverse).toBe('employees2');
    expect(doc.entities.company.fields.employees2).toEqual({
      type: 'relation',
      label: 'Staff',
      target: 'person',
      cardinality: 'oneToMany',
      inverse: 'employer',
    });
    // a oneToMany is a related list, not a form field
    expect(doc.entities.company.layouts!.form!.sections[0].fields).not.toContain('employees2');
  });

  it('renames a field in place, records the published name and follows layouts, display field and inverse', () => {
    const published = salesDoc();
    let doc = renameField(published, 'opportunity', 'company', 'account', published);
    expect(Object.keys(doc.entities.opportunity.fields)).toEqual(['name', 'amount', 'stage', 'tags', 'probability', 'closeDate', 'account', 'contacts']);
    expect(doc.entities.opportunity.fields.account.renamedFrom).toBe('company');
    expect(doc.entities.opportunity.layouts!.form!.sections[0].fields).toContain('account');
    expect(doc.entities.company.fields.opportunities.inverse).toBe('account');
    // renaming again keeps the published name; renaming back removes the marker
    doc = renameField(doc, 'opportunity', 'account', 'customer', published);
    expect(doc.entities.opportunity.fields.customer.renamedFrom).toBe('company');
    doc = renameField(doc, 'opportunity', 'customer', 'company', published);
    expect(doc.entities.opportunity.fields.company.renamedFrom).toBeUndefined();
    // the display field follows
    doc = renameField(doc, 'company', 'name', 'title', published);
    expect(doc.entities.company.displayField).toBe('title');
  });

  it('does not mark a field added in the draft as renamed', () => {
    const published = salesDoc();
    let doc = addField(published, 'company', 'website', { type: 'url', label: 'Website' });
    doc = renameField(doc, 'company', 'website', 'homepage', published);
    expect(doc.entities.company.fields.homepage.renamedFrom).toBeUndefined();
  });

  it('removes a manyToOne together with its oneToMany inverse, and clears layouts', () => {
    const doc = salesDoc();
    expect(removalEffects(doc, 'opportunity', 'company')).toEqual([{ entity: 'company', field: 'opportunities', effect: 'removed' }]);
    const next = removeField(doc, 'opportunity', 'company');
    expect(next.entities.opportunity.fields.company).toBeUndefined();
    expect(next.entities.company.fields.opportunities).toBeUndefined();
    expect(next.entities.opportunity.layouts!.list!.columns).toEqual(['name', 'stage', 'amount']);
  });

  it('removing the oneToMany side only clears the inverse of the manyToOne', () => {
    const next = removeField(salesDoc(), 'company', 'opportunities');
    expect(next.entities.opportunity.fields.company.inverse).toBeUndefined();
    expect(next.entities.opportunity.fields.company.target).toBe('company');
  });

  it('keeps renamedFrom when a renamed field is edited', () => {
    const published = salesDoc();
    let doc = renameField(published, 'company', 'employees', 'headcount', published);
    doc = updateField(doc, 'company', 'headcount', { type: 'integer', label: 'Headcount', min: 1 });
    expect(doc.entities.company.fields.headcount).toEqual({ type: 'integer', label: 'Headcount', min: 1, renamedFrom: 'employees' });
  });

  it('updates entity properties and drops emptied ones', () => {
    const doc = updateEntity(salesDoc(), 'company', { label: 'Account', description: '' });
    expect(doc.entities.company.label).toBe('Account');
    expect('description' in doc.entities.company).toBe(false);
  });

  it('renames an entity and retargets relations; removing an entity removes relations to it', () => {
    const published = salesDoc();
    const renamed = renameEntity(published, 'company', 'account', published);
    expect(renamed.entities.account.renamedFrom).toBe('company');
    expect(renamed.entities.opportunity.fields.company.target).toBe('account');
    const removed = removeEntity(published, 'company');
    expect(removed.entities.company).toBeUndefined();
    expect(removed.entities.opportunity.fields.company).toBeUndefined();
  });

  it('renaming an entity moves the workflows that use it', () => {
    const published = salesDoc();
    published.workflows = {
      welcome: { label: 'Welcome', trigger: { type: 'recordCreated', entity: 'company' }, steps: [{ key: 'note', type: 'createRecord', entity: 'company', values: { name: 'x' } }] },
    };
    const renamed = renameEntity(published, 'company', 'account', published);
    expect(renamed.workflows!.welcome.trigger).toEqual({ type: 'recordCreated', entity: 'account' });
    expect(renamed.workflows!.welcome.steps[0]).toMatchObject({ entity: 'account' });
  });

  it('strips rename markers', () => {
    const published = salesDoc();
    const doc = withoutRenameMarkers(renameField(published, 'company', 'name', 'title', published));
    expect(doc.entities.company.fields.title.renamedFrom).toBeUndefined();
  });
});
