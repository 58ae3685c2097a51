import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { studioPluginModules, studioPluginsModule } from './trellis-plugins.js';

describe('the virtual:trellis-plugins module', () => {
  it('lazily imports the studio half of each plugin package that has one, and warns about named packages it cannot use', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'studio-plugins-'));
    const write = (folder: string, pkg: object) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'package.json'), JSON.stringify(pkg));
    };
    write(path.join(root, 'plugins/geo'), { name: '@trellis/plugin-geo', trellis: { plugin: true, studio: './studio/index.tsx' } });
    write(path.join(root, 'plugins/tools'), { name: '@trellis/plugin-text-tools', trellis: { plugin: true } });
    write(path.join(root, 'node_modules/@acme/sms'), { name: '@acme/sms', trellis: { plugin: true, studio: 'studio.js' } });
    write(root, { name: 'app' });
    const warnings: string[] = [];
    const packages = studioPluginModules(path.join(root, 'plugins'), ['@acme/sms', '@acme/missing'], root, (line) => warnings.push(line));
    expect(packages.map((p) => p.name)).toEqual(['@trellis/plugin-geo', '@acme/sms']);
    expect(warnings).toEqual(['Plugin "@acme/missing" left out of the studio: the package "@acme/missing" is not installed: run npm install @acme/missing']);
    expect(studioPluginsModule(packages)).toBe(
      'export default [\n' +
        `  { source: "@trellis/plugin-geo", load: () => import("${root}/plugins/geo/studio/index.tsx") },\n` +
        `  { source: "@acme/sms", load: () => import("${root}/node_modules/@acme/sms/studio.js") },\n` +
        '];\n',
    );
  });
});
