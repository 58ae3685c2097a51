import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PluginDefinition } from '@trellis/plugin-sdk';
import { evaluateRule, listOperations, unregisterOperation } from '@trellis/runtime';
import { pluginPackageNames } from '@trellis/plugin-sdk';
import { loadPlugins } from './plugin-loader.js';

const good = (name: string, extra: Partial<PluginDefinition> = {}): PluginDefinition => ({ name, version: '1.0.0', ...extra });

async function load(given: PluginDefinition[], packages: string[] = [], pluginsDir: string | null = null) {
  const lines: string[] = [];
  const loaded = await loadPlugins({ given, packages, pluginsDir, log: (line) => lines.push(line) });
  return { names: loaded.map((p) => p.name), lines };
}

afterEach(() => {
  for (const name of listOperations()) if (name.startsWith('loaderTest')) unregisterOperation(name);
});

describe('loadPlugins', () => {
  it('loads valid plugins and registers their JSON Logic operations', async () => {
    const { names, lines } = await load([good('alpha', { operations: { loaderTestTwice: (n: number) => n * 2 } })]);
    expect(names).toEqual(['alpha']);
    expect(lines).toEqual([]);
    expect(evaluateRule({ loaderTestTwice: [{ var: 'n' }] }, { n: 21 })).toBe(42);
  });

  it('disables, with one log line each, an invalid definition, a twice-loaded name, a bad action schema and an operation that cannot register', async () => {
    const { names, lines } = await load([
      good('alpha'),
      { name: 'Bad Name', version: '1' } as PluginDefinition,
      good('alpha'),
      good('schemas', { actions: { ping: { label: 'Ping', inputSchema: { type: 'object', properties: { n: { type: 'nonsense' } } }, run: () => 1 } } }),
      good('clash', { operations: { loaderTestOk: () => 1, if: () => 2 } }),
    ]);
    expect(names).toEqual(['alpha']);
    expect(lines).toEqual([
      expect.stringMatching(/^Plugin "Bad Name" disabled: Invalid plugin 'Bad Name': - name "Bad Name" must be/),
      'Plugin "alpha" disabled: a plugin named "alpha" is already loaded',
      expect.stringMatching(/^Plugin "schemas" disabled: The input schema of the workflow action schemas.ping is not a valid JSON Schema: /),
      "Plugin \"clash\" disabled: Cannot register JSON Logic operation 'if': it is a built-in operator",
    ]);
    expect(listOperations()).not.toContain('loaderTestOk'); // rolled back with its plugin
  });

  it('refuses an operation another plugin registered', async () => {
    const { names, lines } = await load([good('one', { operations: { loaderTestShared: () => 1 } }), good('two', { operations: { loaderTestShared: () => 2 } })]);
    expect(names).toEqual(['one']);
    expect(lines).toEqual(['Plugin "two" disabled: its operation "loaderTestShared" is already registered by the plugin "one"']);
  });

  it('disables a package that cannot be imported (TRELLIS_PLUGINS) and keeps going', async () => {
    expect(pluginPackageNames(' @acme/sms, ,other ')).toEqual(['@acme/sms', 'other']);
    expect(pluginPackageNames(undefined)).toEqual([]);
    const { names, lines } = await load([good('alpha')], ['@trellis/no-such-plugin']);
    expect(names).toEqual(['alpha']);
    expect(lines).toEqual([expect.stringMatching(/^Plugin "@trellis\/no-such-plugin" disabled: "@trellis\/no-such-plugin" could not be imported: .*Install the package or fix the name\.$/)]);
  });

  it('loads the built plugin packages of a plugins folder marked "trellis": { "plugin": true }', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trellis-plugins-'));
    const pkg = (name: string, json: Record<string, unknown>, files: Record<string, string> = {}) => {
      mkdirSync(path.join(dir, name, 'dist'), { recursive: true });
      writeFileSync(path.join(dir, name, 'package.json'), JSON.stringify({ name, type: 'module', ...json }));
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, name, file), text);
    };
    pkg('marked', { main: 'dist/index.js', trellis: { plugin: true } }, { 'dist/index.js': "export default { name: 'marked', version: '1.0.0' };" });
    pkg('unmarked', { main: 'dist/index.js' }, { 'dist/index.js': "export default { name: 'unmarked', version: '1.0.0' };" });
    pkg('unbuilt', { main: 'dist/index.js', trellis: { plugin: true } });
    pkg('throws', { exports: { '.': { default: './dist/index.js' } }, trellis: { plugin: true } }, { 'dist/index.js': "throw new Error('boom at import');" });
    const { names, lines } = await load([], [], dir);
    expect(names).toEqual(['marked']);
    expect(lines.sort()).toEqual([
      expect.stringMatching(/^Plugin "throws" disabled: "throws" could not be imported: boom at import\. /),
      expect.stringMatching(/^Plugin "unbuilt" disabled: its built entry dist\/index.js is missing: run npm run build in \/.*trellis-plugins-\w+\/unbuilt$/),
    ]);
  });

  it('does not load the plugins TRELLIS_DISABLED_PLUGINS names, by package or plugin name, saying so once each', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trellis-plugins-'));
    for (const [folder, pkgName, pluginName] of [['geo', '@acme/geo', 'geo'], ['sms', '@acme/sms', 'sms'], ['mail', '@acme/mail', 'mail']]) {
      mkdirSync(path.join(dir, folder!, 'dist'), { recursive: true });
      writeFileSync(path.join(dir, folder!, 'package.json'), JSON.stringify({ name: pkgName, type: 'module', main: 'dist/index.js', trellis: { plugin: true } }));
      writeFileSync(path.join(dir, folder!, 'dist/index.js'), `export default { name: '${pluginName}', version: '1.0.0' };`);
    }
    const lines: string[] = [];
    const previous = process.env['TRELLIS_DISABLED_PLUGINS'];
    process.env['TRELLIS_DISABLED_PLUGINS'] = '@acme/geo, sms, alpha';
    try {
      const loaded = await loadPlugins({ given: [good('alpha'), good('beta')], packages: [], pluginsDir: dir, log: (line) => lines.push(line) });
      expect(loaded.map((p) => p.name).sort()).toEqual(['beta', 'mail']);
    } finally {
      if (previous === undefined) delete process.env['TRELLIS_DISABLED_PLUGINS'];
      else process.env['TRELLIS_DISABLED_PLUGINS'] = previous;
    }
    expect(lines.sort()).toEqual([
      'Plugin "@acme/geo" not loaded: TRELLIS_DISABLED_PLUGINS names it.',
      'Plugin "alpha" not loaded: TRELLIS_DISABLED_PLUGINS names it.',
      'Plugin "sms" not loaded: TRELLIS_DISABLED_PLUGINS names it.',
    ]);
  });

  it('loads the example plugin-text-tools from the repository plugins/ when built, registering its operations', async () => {
    const lines: string[] = [];
    const loaded = await loadPlugins({ packages: [], log: (line) => lines.push(line) });
    const built = existsSync(new URL('../../../plugins/plugin-text-tools/dist/index.js', import.meta.url));
    if (!built) {
      expect(lines).toContainEqual(expect.stringMatching(/^Plugin "@trellis\/plugin-text-tools" disabled: its built entry .* is missing: run npm run build in plugins\/plugin-text-tools$/));
      return;
    }
    expect(lines).toEqual([]);
    expect(loaded.map((p) => p.name)).toContain('text-tools');
    expect(evaluateRule({ slugify: ['Acme Corp'] }, {})).toBe('acme-corp');
    expect(evaluateRule({ formatPhone: ['(415) 555-0132', '1'] }, {})).toBe('+14155550132');
  });
});
