import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPluginPackages, pluginPackageNames, resolvePluginPackage } from './plugin-packages.js';

function folderWith(packages: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-packages-'));
  for (const [name, pkg] of Object.entries(packages)) {
    mkdirSync(path.join(dir, name));
    if (pkg !== null) writeFileSync(path.join(dir, name, 'package.json'), JSON.stringify(pkg));
  }
  return dir;
}

describe('plugin packages', () => {
  it('finds the packages marked as plugins, with their server entry and studio half', () => {
    const dir = folderWith({
      geo: { name: '@acme/geo', exports: { '.': { types: './dist/index.d.ts', default: './dist/main.js' } }, trellis: { plugin: true, studio: './studio/index.tsx' } },
      tools: { name: '@acme/tools', main: 'lib/tools.js', trellis: { plugin: true } },
      pack: { name: '@acme/pack' },
      loose: null,
    });
    expect(findPluginPackages(dir)).toEqual([
      { name: '@acme/geo', folder: path.join(dir, 'geo'), main: path.join(dir, 'geo/dist/main.js'), studio: path.join(dir, 'geo/studio/index.tsx') },
      { name: '@acme/tools', folder: path.join(dir, 'tools'), main: path.join(dir, 'tools/lib/tools.js') },
    ]);
    expect(findPluginPackages(path.join(dir, 'missing'))).toEqual([]);
  });

  it('resolves an installed npm plugin by name and says what to do when it is not one', () => {
    const root = folderWith({ app: { name: 'app' } });
    const modules = path.join(root, 'node_modules');
    mkdirSync(path.join(modules, 'sms-plugin'), { recursive: true });
    writeFileSync(path.join(modules, 'sms-plugin', 'package.json'), JSON.stringify({ name: 'sms-plugin', trellis: { plugin: true } }));
    mkdirSync(path.join(modules, 'left-pad'));
    writeFileSync(path.join(modules, 'left-pad', 'package.json'), JSON.stringify({ name: 'left-pad' }));
    expect(resolvePluginPackage('sms-plugin', path.join(root, 'app')).main).toBe(path.join(modules, 'sms-plugin/dist/index.js'));
    expect(() => resolvePluginPackage('left-pad', root)).toThrow('the package "left-pad" is not a Trellis plugin: its package.json has no "trellis": { "plugin": true }');
    expect(() => resolvePluginPackage('nope', root)).toThrow('the package "nope" is not installed: run npm install nope');
  });

  it('reads TRELLIS_PLUGINS as a comma-separated list', () => {
    expect(pluginPackageNames(' @acme/sms, ,other ')).toEqual(['@acme/sms', 'other']);
    expect(pluginPackageNames(undefined)).toEqual([]);
  });
});
