import type { MetadataDocument } from '@trellis/metadata';
import { describeSuspended, suspendedOfEntity } from './suspended-components.js';

const stored = {
  entities: {
    site: {
      label: 'Site',
      pluralLabel: 'Sites',
      plural: 'sites',
      displayField: 'name',
      fields: { name: { type: 'text', label: 'Name' }, location: { type: 'geoPoint', label: 'Location' } },
      views: { near: { label: 'Near me', filter: {} } },
      layouts: {
        form: { sections: [{ label: 'Site', fields: ['name', 'location'] }] },
        list: { columns: ['name', 'location'], sort: [{ field: 'location', direction: 'asc' }] },
      },
    },
  },
  workflows: { moved: { label: 'Site moved', trigger: { type: 'recordUpdated', entity: 'site' }, steps: [] } },
  roles: { rep: { label: 'Sales rep', entities: { site: { read: true, fields: { location: 'readOnly' } } } } },
} as unknown as MetadataDocument;

describe('describeSuspended', () => {
  it.each([
    ['/entities/site/fields/location', 'Field “Location” of Site'],
    ['/entities/site/rules/inEurope', 'Rule “inEurope” of Site'],
    ['/entities/site/views/near', 'View “Near me” of Site'],
    ['/entities/site/layouts/form/sections/0/fields/1', 'Form field “Location” of Site'],
    ['/entities/site/layouts/list/columns/1', 'List column “Location” of Site'],
    ['/entities/site/layouts/list/sort/0', 'List sort by “Location” of Site'],
    ['/entities/site', 'Entity “Site”'],
    ['/workflows/moved', 'Workflow “Site moved”'],
    ['/roles/rep/entities/site/fields/location', 'Role “Sales rep”: its access to “Location” of Site'],
    ['/roles/rep/entities/site/read', 'Role “Sales rep”: its access to Sites'],
    ['/translations/de/~1entities~1site~1fields~1location~1label', 'Translation (de) of /entities/site/fields/location/label'],
  ])('names %s as %s', (path, words) => {
    expect(describeSuspended(path, stored)).toBe(words);
  });

  it('falls back to the names when the stored document lacks the component', () => {
    expect(describeSuspended('/entities/gone/fields/spot', stored)).toBe('Field “spot” of gone');
  });
});

describe('suspendedOfEntity', () => {
  it('keeps the fields, rules and views of the entity (or itself), not layout items nor workflows or roles that mention it', () => {
    const suspended = [
      '/entities/site/fields/location',
      '/entities/site/layouts/form/sections/0/fields/1',
      '/entities/site/layouts/list/columns/1',
      '/entities/site/rules/inEurope',
      '/entities/site/views/near',
      '/entities/site',
      '/entities/note/rules/x',
      '/workflows/moved',
      '/roles/rep/entities/site/fields/location',
    ].map((path) => ({ path, message: 'm' }));
    expect(suspendedOfEntity(suspended, 'site').map((s) => s.path)).toEqual([
      '/entities/site/fields/location',
      '/entities/site/rules/inEurope',
      '/entities/site/views/near',
      '/entities/site',
    ]);
  });
});
