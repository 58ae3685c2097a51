/**
 * Packs a plugin ships (`definePlugin({ packs })`): the loaded plugin's pack folders are listed with the other
 * available packs and install like them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { definePlugin, writePackFolder } from '@trellis/plugin-sdk';
import { dataOf, withTestApp } from '../testing/test-app.js';

const ok = dataOf;

describe('packs shipped by a plugin', () => {
  it('are available next to the others and install', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plugin-packs-'));
    const packDir = path.join(dir, 'fleet');
    await writePackFolder(packDir, {
      manifest: { name: 'fleet', version: '1.2.0', label: 'Fleet', description: 'Vehicles and their services.', trellis: '>=0.1.0' },
      document: {
        entities: { vehicle: { label: 'Vehicle', pluralLabel: 'Vehicles', plural: 'vehicles', displayField: 'plate', fields: { plate: { type: 'text', label: 'Plate' } } } },
      },
      seed: [{ entity: 'vehicle', records: [{ plate: 'TR-001' }] }],
    });
    const plugin = definePlugin({ name: 'fleet-tools', version: '1.0.0', packs: [packDir] });
    const t = await withTestApp(undefined, { plugins: [plugin] });
    try {
      const { packs } = ok(await t.metadata<{ packs: { name: string; version: string; origin: string }[] }>('{ packs { name version origin } }'));
      expect(packs).toContainEqual({ name: 'fleet', version: '1.2.0', origin: packDir });
      ok(await t.metadata('mutation { installPack(name: "fleet") { version } }'));
      const { vehicles } = ok(await t.graphql<{ vehicles: { edges: { node: { plate: string } }[] } }>('{ vehicles { edges { node { plate } } } }'));
      expect(vehicles.edges.map((e) => e.node.plate)).toEqual(['TR-001']);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
