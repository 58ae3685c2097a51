import { problemsBeyond } from './problems-beyond.js';
import { siteWithGeoPoint } from './testing/unavailable-plugin-fixture.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

const published = siteWithGeoPoint;
const beyondPublished = (edited: MetadataDocument) => problemsBeyond(validateDocument(edited), validateDocument(published()));

describe('problemsBeyond', () => {
  it('lets through the problems the published document has already', () => {
    const edited = published();
    edited.entities['site']!.fields['city'] = { type: 'text', label: 'City' };
    expect(validateDocument(edited).map((p) => p.path)).toEqual(['/entities/site/fields/location/type']);
    expect(beyondPublished(edited)).toEqual([]);
  });

  it('keeps the problems the edit brings, including one more of the same kind elsewhere', () => {
    const edited = published();
    edited.entities['site']!.fields['hq'] = { type: 'geoPoint', label: 'HQ' } as never;
    edited.entities['site']!.fields['name']!.label = '';
    const paths = beyondPublished(edited).map((p) => p.path).sort();
    expect(paths).toEqual(['/entities/site/fields/hq/type', '/entities/site/fields/name/label']);
  });

  it('keeps every problem when the published document has none', () => {
    expect(problemsBeyond(validateDocument(published()), [])).toEqual(validateDocument(published()));
  });
});
