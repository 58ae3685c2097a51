import { diffDocuments } from './diff.js';
import { planMigration } from './plan.js';
import { siteWithGeoPoint } from './testing/unavailable-plugin-fixture.js';
import type { MetadataDocument } from './types.js';

const published = siteWithGeoPoint;

const plan = (change: (doc: MetadataDocument) => void) => {
  const from = published();
  const to = published();
  change(to);
  return planMigration(from, to, diffDocuments(from, to), { schema: 'main', version: 2 });
};

describe('planning around a field whose plugin type is unavailable', () => {
  it('plans other changes of its entity while it stays as it is, removing a field beside it included', () => {
    const added = plan((doc) => (doc.entities['site']!.fields['phone'] = { type: 'text', label: 'Phone' }));
    expect(added.problems).toEqual([]);
    expect(added.steps.flatMap((s) => s.sql)).toEqual(['ALTER TABLE "main"."site" ADD COLUMN "phone" text']);
    const removed = plan((doc) => delete doc.entities['site']!.fields['city']);
    expect(removed.problems).toEqual([]);
    expect(removed.steps.flatMap((s) => s.sql)).toEqual(['ALTER TABLE "main"."site" RENAME COLUMN "city" TO "__dropped_v2_city"']);
  });

  it.each([
    ['removing or renaming it', (doc: MetadataDocument) => delete doc.entities['site']!.fields['location']],
    ['changing it', (doc: MetadataDocument) => (doc.entities['site']!.fields['location']!.label = 'Where')],
    ['removing or renaming entity site', (doc: MetadataDocument) => delete doc.entities['site']],
  ])('refuses %s with what to do instead, and plans nothing', (what, change) => {
    const result = plan(change);
    expect(result.steps).toEqual([]);
    expect(result.problems).toEqual([
      {
        path: '/entities/site/fields/location',
        code: 'field-type-unavailable',
        message: `Field site.location has type "geoPoint", which no loaded plugin provides, so it must stay as it is: ${what} needs the type to know its columns. Load the plugin that provides "geoPoint" again (plugins/ or TRELLIS_PLUGINS), then publish this change.`,
      },
    ]);
  });
});
