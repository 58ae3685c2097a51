/**
 * A plugin field type end to end: the geo plugin (plugins/plugin-geo, loaded from the repository's plugins/ as
 * the server does) adds `geoPoint`; a document using it publishes (two columns), records round-trip through
 * /graphql as GeoPoint, the `within` distance filter runs in Postgres, and a rule using the plugin's
 * distanceKm operation refuses a write.
 */
import path from 'node:path';
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { repositoryRoot } from '../packs/pack-sources.js';
import { dataOf, withTestApp, type TestApp } from '../testing/test-app.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;

const document = {
  entities: {
    site: {
      label: 'Site',
      pluralLabel: 'Sites',
      plural: 'sites',
      displayField: 'name',
      fields: { name: { type: 'text', label: 'Name', required: true }, location: { type: 'geoPoint', label: 'Location' } },
      rules: {
        inEurope: {
          invalidWhen: { '>': [{ distanceKm: [{ var: 'record.location' }, [50, 10]] }, 3000] },
          message: 'Sites must be within 3000 km of Central Europe',
          fields: ['location'],
        },
      },
    },
  },
} as unknown as MetadataDocument;

const places: Record<string, { lat: number; lng: number }> = {
  Paris: { lat: 48.8566, lng: 2.3522 },
  London: { lat: 51.5074, lng: -0.1278 },
  Berlin: { lat: 52.52, lng: 13.405 },
};

beforeAll(async () => {
  app = await withTestApp(document, { pluginsDir: path.join(repositoryRoot()!, 'plugins') });
  for (const [name, location] of Object.entries(places)) await ok('mutation($d: SiteCreateInput!) { createSite(data: $d) { id } }', { d: { name, location } });
  await ok('mutation { createSite(data: { name: "Nowhere" }) { id } }');
});

afterAll(async () => {
  await app?.close();
});

async function ok<T = Row>(query: string, variables?: Row): Promise<T> {
  return dataOf(await app.graphql<T>(query, variables));
}

const namesWhere = async (filter: Row) => {
  const { sites } = await ok<{ sites: { edges: { node: { name: string } }[] } }>(
    'query($f: SiteFilter) { sites(filter: $f, orderBy: [{ field: name }]) { edges { node { name } } } }',
    { f: filter },
  );
  return sites.edges.map((e) => e.node.name);
};

describe('the geo plugin field type through /graphql', () => {
  it('stores a point in two columns and reads it back as a GeoPoint', async () => {
    const { rows } = await app.pool.query(`SELECT location, location_lng FROM main.site WHERE name = 'Paris'`);
    expect(rows[0]).toEqual({ location: 48.8566, location_lng: 2.3522 });
    const { sites } = await ok<{ sites: { edges: { node: Row }[] } }>('{ sites(filter: { name: { eq: "Berlin" } }) { edges { node { location { lat lng } } } } }');
    expect(sites.edges[0]!.node['location']).toEqual({ lat: 52.52, lng: 13.405 });
  });

  it('filters by distance in Postgres (Paris–London 344 km, Paris–Berlin 878 km)', async () => {
    const around = (km: number) => namesWhere({ location: { within: { ...places['Paris'], km } } });
    expect(await around(10)).toEqual(['Paris']);
    expect(await around(400)).toEqual(['London', 'Paris']);
    expect(await around(900)).toEqual(['Berlin', 'London', 'Paris']);
    expect(await namesWhere({ location: { isNull: true } })).toEqual(['Nowhere']);
    expect(await namesWhere({ not: { location: { within: { ...places['Paris'], km: 400 } } } })).toEqual(['Berlin', 'Nowhere']);
  });

  it('refuses an operand out of range with the filter, the field and what is wrong', async () => {
    const response = await app.graphql('{ sites(filter: { location: { within: { lat: 48.8, lng: 2.3, km: -5 } } }) { totalCount } }');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('Filter "within" on location: within/km must be > 0');
  });

  it('validates points like any other value and runs the plugin operation in rules', async () => {
    const outOfRange = await app.graphql('mutation { createSite(data: { name: "Pole", location: { lat: 95, lng: 0 } }) { id } }');
    expect(outOfRange.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
    expect(outOfRange.errors?.[0]?.extensions?.['fieldErrors']).toEqual([{ field: 'location', message: 'Location latitude must be at most 90' }]);
    const sydney = await app.graphql('mutation { createSite(data: { name: "Sydney", location: { lat: -33.87, lng: 151.21 } }) { id } }');
    expect(sydney.errors?.[0]?.extensions?.['fieldErrors']).toEqual([{ field: 'location', message: 'Sites must be within 3000 km of Central Europe', rule: 'inEurope' }]);
  });

  it('declares its GraphQL types in the generated schema', async () => {
    const { __type } = await ok<{ __type: { fields: { name: string }[] } }>('{ __type(name: "GeoPoint") { fields { name } } }');
    expect(__type.fields.map((f) => f.name)).toEqual(['lat', 'lng']);
    const { __type: filter } = await ok<{ __type: { inputFields: { name: string }[] } }>('{ __type(name: "GeoPointFilter") { inputFields { name } } }');
    expect(filter.inputFields.map((f) => f.name).sort()).toEqual(['isNull', 'lng', 'within']);
  });
});
