import { servedDocument, suspendedUnit } from './served-document.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

/** A document published while a geo plugin was loaded (`geoPoint` type, `distanceKm` operation); neither is registered here. */
function publishedWithPlugin(): MetadataDocument {
  return {
    entities: {
      site: {
        label: 'Site',
        pluralLabel: 'Sites',
        plural: 'sites',
        displayField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          location: { type: 'geoPoint', label: 'Location' },
          city: { type: 'text', label: 'City' },
        },
        rules: {
          nearEurope: { invalidWhen: { '>': [{ distanceKm: [{ var: 'record.city' }, [50, 10]] }, 3000] }, message: 'Too far' },
          located: { invalidWhen: { '==': [{ var: 'record.location' }, null] }, message: 'Where is it?' },
          named: { invalidWhen: { '==': [{ var: 'record.city' }, 'nowhere'] }, message: 'Name a real city' },
        },
        layouts: {
          form: { sections: [{ label: 'Site', fields: ['name', 'location', 'city'] }] },
          list: { columns: ['name', 'location', 'city'], sort: [{ field: 'location', direction: 'asc' }, { field: 'name', direction: 'asc' }] },
        },
      },
      note: {
        label: 'Note',
        pluralLabel: 'Notes',
        plural: 'notes',
        displayField: 'title',
        fields: { title: { type: 'text', label: 'Title' }, site: { type: 'relation', label: 'Site', target: 'site', cardinality: 'manyToOne' } },
      },
    },
    workflows: {
      moved: { label: 'Moved', trigger: { type: 'recordUpdated', entity: 'site' }, condition: { '!=': [{ var: 'record.location' }, null] }, steps: [] },
      renamed: { label: 'Renamed', trigger: { type: 'recordUpdated', entity: 'site' }, steps: [] },
    },
    roles: { rep: { label: 'Rep', entities: { site: { read: true, update: true, fields: { location: 'readOnly', city: 'hidden' } } } } },
    translations: { de: { '/entities/site/fields/location/label': 'Standort', '/entities/site/label': 'Standort' } },
  } as unknown as MetadataDocument;
}

describe('servedDocument', () => {
  it('serves a valid document as it is (the same object, nothing suspended)', () => {
    const doc = publishedWithPlugin();
    delete doc.entities['site']!.fields['location'];
    const valid = { entities: { note: { ...doc.entities['note']!, fields: { title: { type: 'text', label: 'Title' } } } } } as MetadataDocument;
    expect(validateDocument(valid)).toEqual([]);
    const served = servedDocument(valid);
    expect(served.document).toBe(valid);
    expect(served.suspended).toEqual([]);
  });

  it('leaves out a field of an unknown type and everything that refers to it, naming each with the reason', () => {
    const stored = publishedWithPlugin();
    const before = JSON.stringify(stored);
    const { document, suspended } = servedDocument(stored);
    expect(JSON.stringify(stored)).toBe(before); // the stored document is not touched
    expect(validateDocument(document)).toEqual([]);
    const site = document.entities['site']!;
    expect(Object.keys(site.fields)).toEqual(['name', 'city']);
    expect(Object.keys(site.rules!)).toEqual(['named']);
    expect(site.layouts).toEqual({
      form: { sections: [{ label: 'Site', fields: ['name', 'city'] }] },
      list: { columns: ['name', 'city'], sort: [{ field: 'name', direction: 'asc' }] },
    });
    expect(Object.keys(document.workflows!)).toEqual(['renamed']);
    expect(document.roles!['rep']!.entities!['site']).toEqual({ read: true, update: true, fields: { city: 'hidden' } });
    expect(document.translations).toEqual({ de: { '/entities/site/label': 'Standort' } });
    expect(document.entities['note']).toEqual(stored.entities['note']);
    const paths = suspended.map((s) => s.path).sort();
    expect(paths).toEqual(
      [
        '/entities/site/fields/location',
        '/entities/site/layouts/form/sections/0/fields/1',
        '/entities/site/layouts/list/columns/1',
        '/entities/site/layouts/list/sort/0',
        '/entities/site/rules/located',
        '/entities/site/rules/nearEurope',
        '/roles/rep/entities/site/fields/location',
        '/translations/de/~1entities~1site~1fields~1location~1label',
        '/workflows/moved',
      ].sort(),
    );
    expect(suspended.find((s) => s.path === '/entities/site/fields/location')!.message).toMatch(/unknown type "geoPoint".*plugin/);
    expect(suspended.find((s) => s.path === '/entities/site/rules/nearEurope')!.message).toMatch(/distanceKm/);
    expect(suspended.find((s) => s.path === '/entities/site/layouts/form/sections/0/fields/1')!.message).toMatch(/^It refers to a suspended component\. .*"location"/);
  });

  it('is deterministic: the same stored document gives the same served document', () => {
    expect(servedDocument(publishedWithPlugin())).toEqual(servedDocument(publishedWithPlugin()));
  });

  it('suspends the whole entity when its display field is the missing one, and the relations to it with it', () => {
    const stored = publishedWithPlugin();
    stored.entities['site']!.displayField = 'location';
    const { document, suspended } = servedDocument(stored);
    expect(validateDocument(document)).toEqual([]);
    expect(Object.keys(document.entities)).toEqual(['note']);
    expect(document.entities['note']!.fields['site']).toBeUndefined();
    expect(suspended.map((s) => s.path)).toContain('/entities/site');
    // Components inside a suspended entity are named once, by the entity.
    expect(suspended.map((s) => s.path).filter((p) => p.startsWith('/entities/site/'))).toEqual([]);
  });
});

describe('suspendedUnit', () => {
  it.each([
    [['entities', 'site', 'fields', 'location', 'type'], '/entities/site/fields/location'],
    [['entities', 'site', 'rules', 'r', 'invalidWhen', '>', '0'], '/entities/site/rules/r'],
    [['entities', 'site', 'views', 'near', 'filter'], '/entities/site/views/near'],
    [['entities', 'site', 'layouts', 'form', 'sections', '2', 'fields', '3'], '/entities/site/layouts/form/sections/2/fields/3'],
    [['entities', 'site', 'layouts', 'form', 'conditions', 'city', 'visibleWhen'], '/entities/site/layouts/form/conditions/city'],
    [['entities', 'site', 'layouts', 'list', 'sort', '0', 'field'], '/entities/site/layouts/list/sort/0'],
    [['entities', 'site', 'layouts', 'form'], '/entities/site/layouts/form'],
    [['entities', 'site', 'displayField'], '/entities/site'],
    [['workflows', 'w', 'steps', '0', 'values', 'x'], '/workflows/w'],
    [['roles', 'rep', 'entities', 'site', 'read', '=='], '/roles/rep/entities/site/read'],
    [['roles', 'rep', 'entities', 'site', 'fields', 'x'], '/roles/rep/entities/site/fields/x'],
    [['translations', 'de', '/entities/site/label'], '/translations/de/~1entities~1site~1label'],
  ])('%j → %s', (path, unit) => {
    expect('/' + suspendedUnit(path).map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')).toBe(unit);
  });
});
