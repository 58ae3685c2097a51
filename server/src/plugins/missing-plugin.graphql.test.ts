/**
 * A plugin the published document relies on is not loaded any more (removed, or it threw at load): the server
 * still starts, says in one log line what it leaves out, serves the rest, keeps the data, lets power users publish
 * other changes, refuses to drop what it cannot plan without the plugin, and serves everything again once the
 * plugin is back. The plugin here is the real geo plugin (a `geoPoint` field type and a `distanceKm` operation).
 */
import path from 'node:path';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { unregisterFieldType, unregisterOperationSignature, type MetadataDocument } from '@trellis/metadata';
import { unregisterOperation } from '@trellis/runtime';
import { repositoryRoot } from '../packs/pack-sources.js';
import { dataOf, withTestApp, type TestApp } from '../testing/test-app.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';

jest.setTimeout(180_000);

const pluginsDir = path.join(repositoryRoot()!, 'plugins');
const document = {
  entities: {
    site: {
      label: 'Site',
      pluralLabel: 'Sites',
      plural: 'sites',
      displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        city: { type: 'text', label: 'City' },
        location: { type: 'geoPoint', label: 'Location' },
      },
      rules: {
        inEurope: { invalidWhen: { '>': [{ distanceKm: [{ var: 'record.location' }, [50, 10]] }, 3000] }, message: 'Sites must be in Europe', fields: ['location'] },
        namedCity: { invalidWhen: { '==': [{ var: 'record.city' }, 'nowhere'] }, message: 'Name a real city', fields: ['city'] },
      },
      layouts: { form: { sections: [{ label: 'Site', fields: ['name', 'location', 'city'] }] } },
    },
  },
} as unknown as MetadataDocument;

type Row = Record<string, unknown>;
let db: TestDatabase;
let app: TestApp | undefined;
const warnings: string[] = [];

async function ok<T = Row>(query: string, variables?: Row): Promise<T> {
  return dataOf(await app!.graphql<T>(query, variables));
}

async function current(): Promise<{ version: number; document: MetadataDocument; servedDocument: MetadataDocument | null; suspended: { path: string; message: string }[] }> {
  const answer = dataOf(await app!.metadata<{ currentMetadata: never }>('{ currentMetadata { version document servedDocument suspended { path message } } }'));
  return answer.currentMetadata;
}

async function publish(doc: MetadataDocument) {
  return app!.metadata<{ publishMetadata: { version: number; suspended: { path: string }[] } }>(
    'mutation($d: JSON!) { publishMetadata(document: $d) { version suspended { path } } }',
    { d: doc },
  );
}

/** What a fresh process without the plugin has registered: none of it. */
function forgetGeoPlugin(): void {
  unregisterFieldType('geoPoint');
  for (const name of ['distanceKm']) {
    unregisterOperation(name);
    unregisterOperationSignature(name);
  }
}

beforeAll(async () => {
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  db = await startTestDatabase();
  app = await withTestApp(document, { database: db, pluginsDir });
  await ok('mutation { createSite(data: { name: "Paris office", city: "Paris", location: { lat: 48.8566, lng: 2.3522 } }) { id } }');
  await app.close();
  forgetGeoPlugin();
  app = await withTestApp(undefined, { database: db, pluginsDir: null });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.close();
  await db?.stop();
});

describe('a published document whose plugin is not loaded', () => {
  it('starts, and says in one log line what it leaves out and why', () => {
    const lines = warnings.filter((line) => line.includes('need a plugin which is not loaded'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Workspace "main" version 1 runs without 3 component(s)');
    expect(lines[0]).toContain('/entities/site/fields/location (Field site.location has unknown type "geoPoint"');
    expect(lines[0]).toContain('/entities/site/rules/inEurope');
  });

  it('serves the rest: records read and write without the suspended field and its rule, other rules still hold', async () => {
    const { sites } = await ok<{ sites: { edges: { node: Row }[] } }>('{ sites { edges { node { name city } } } }');
    expect(sites.edges.map((e) => e.node)).toEqual([{ name: 'Paris office', city: 'Paris' }]);
    const asked = await app!.graphql('{ sites { edges { node { location { lat } } } } }');
    expect(asked.errors?.[0]?.message).toMatch(/Cannot query field "location"/);
    await ok('mutation { createSite(data: { name: "Lyon office", city: "Lyon" }) { id } }');
    const refused = await app!.graphql('mutation { createSite(data: { name: "Ghost", city: "nowhere" }) { id } }');
    expect(refused.errors?.[0]?.extensions?.['fieldErrors']).toEqual([expect.objectContaining({ field: 'city', message: 'Name a real city' })]);
  });

  it('keeps the data of the suspended field in its columns', async () => {
    const stored = await db.pool.query(`SELECT name, location, location_lng FROM main.site ORDER BY name`);
    expect(stored.rows).toEqual([
      { name: 'Lyon office', location: null, location_lng: null },
      { name: 'Paris office', location: 48.8566, location_lng: 2.3522 },
    ]);
  });

  it('gives the studio the stored document, the served one and the suspended components', async () => {
    const now = await current();
    expect(Object.keys(now.document.entities['site']!.fields)).toEqual(['name', 'city', 'location']);
    expect(Object.keys(now.servedDocument!.entities['site']!.fields)).toEqual(['name', 'city']);
    expect(now.suspended.map((s) => s.path).sort()).toEqual([
      '/entities/site/fields/location',
      '/entities/site/layouts/form/sections/0/fields/1',
      '/entities/site/rules/inEurope',
    ]);
  });

  it('publishes other changes that keep the suspended components as they are', async () => {
    const doc = (await current()).document;
    doc.entities['site']!.fields['phone'] = { type: 'text', label: 'Phone' };
    const published = dataOf(await publish(doc)).publishMetadata;
    expect(published.version).toBe(2);
    expect(published.suspended.map((s) => s.path)).toContain('/entities/site/fields/location');
    await ok('mutation { createSite(data: { name: "Nice office", phone: "+33 4 00 00 00 00" }) { id } }');
  });

  it('refuses to remove the field while its type is missing, and a new field of a missing type, saying what to do', async () => {
    const doc = (await current()).document;
    delete doc.entities['site']!.fields['location'];
    doc.entities['site']!.rules = { namedCity: doc.entities['site']!.rules!['namedCity']! };
    doc.entities['site']!.layouts = { form: { sections: [{ label: 'Site', fields: ['name', 'city', 'phone'] }] } };
    const removed = await publish(doc);
    expect(removed.errors?.[0]?.extensions?.['code']).toBe('METADATA_INVALID');
    expect(removed.errors?.[0]?.message).toContain('Field site.location has type "geoPoint", which no loaded plugin provides, so it must stay as it is');
    const added = (await current()).document;
    added.entities['site']!.fields['hq'] = { type: 'geoPoint', label: 'Headquarters' } as never;
    const refused = await publish(added);
    expect(refused.errors?.[0]?.message).toMatch(/\/entities\/site\/fields\/hq\/type: Field site.hq has unknown type "geoPoint"/);
    expect((await current()).version).toBe(2);
  });

  it('serves everything again, data intact, once the plugin loads again', async () => {
    await app!.close();
    app = await withTestApp(undefined, { database: db, pluginsDir });
    const now = await current();
    expect(now.suspended).toEqual([]);
    expect(now.servedDocument).toBeNull();
    const { sites } = await ok<{ sites: { edges: { node: Row }[] } }>('{ sites(orderBy: [{ field: name }]) { edges { node { name phone location { lat lng } } } } }');
    expect(sites.edges.map((e) => e.node)).toEqual([
      { name: 'Lyon office', phone: null, location: null },
      { name: 'Nice office', phone: '+33 4 00 00 00 00', location: null },
      { name: 'Paris office', phone: null, location: { lat: 48.8566, lng: 2.3522 } },
    ]);
    const far = await app!.graphql('mutation { createSite(data: { name: "Sydney", location: { lat: -33.86, lng: 151.2 } }) { id } }');
    expect(far.errors?.[0]?.extensions?.['fieldErrors']).toEqual([expect.objectContaining({ message: 'Sites must be in Europe' })]);
  });
});
