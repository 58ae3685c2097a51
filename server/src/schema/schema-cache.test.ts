import type { MetadataDocument } from '@trellis/metadata';
import type { GraphQLObjectType } from 'graphql';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { PublishListener } from '../metadata-store/metadata-store.types.js';
import { SchemaCache, type CachedSchema } from './schema-cache.js';

const doc = (fields: string[]): MetadataDocument => ({
  entities: {
    note: { label: 'Note', pluralLabel: 'Notes', plural: 'notes', fields: Object.fromEntries(fields.map((f) => [f, { type: 'text', label: f }])) },
  },
});

function fakeStore(initial: { version: number; document: MetadataDocument }) {
  let current = { ...initial, served: initial.document };
  const listeners = new Set<PublishListener>();
  const store = {
    current: async () => current,
    onPublish: (listener: PublishListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const publish = (version: number, document: MetadataDocument) => {
    current = { version, document, served: document };
    for (const listener of listeners) listener('main', { version, document });
  };
  return { store: store as unknown as MetadataStoreService, publish, listeners };
}

describe('SchemaCache', () => {
  it('builds once per version and serves the cached schema', async () => {
    const { store } = fakeStore({ version: 1, document: doc(['title']) });
    const cache = new SchemaCache(store);
    const first = await cache.get('main');
    expect(first.version).toBe(1);
    expect(await cache.get('main')).toBe(first);
    expect(Object.keys((first.schema.getType('Note') as GraphQLObjectType).getFields())).toContain('title');
  });

  it('rebuilds on publish and tells listeners before the publish call returns', async () => {
    const { store, publish, listeners } = fakeStore({ version: 1, document: doc(['title']) });
    const cache = new SchemaCache(store);
    cache.onModuleInit();
    await cache.get('main');
    const seen: CachedSchema[] = [];
    cache.onChange((entry) => seen.push(entry));
    publish(2, doc(['title', 'body']));
    expect(seen.map((s) => s.version)).toEqual([2]);
    expect(Object.keys((cache.peek('main')!.schema.getType('Note') as GraphQLObjectType).getFields())).toContain('body');
    publish(2, doc(['title'])); // a repeated announcement of a known version changes nothing
    expect(seen).toHaveLength(1);
    cache.onModuleDestroy();
    expect(listeners.size).toBe(0);
  });
});
