import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginAction } from '@trellis/plugin-sdk';
import { runCli } from '../testing/run-cli.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trellis-cli-plugin-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trellis plugin new', () => {
  it('writes a plugin folder whose definePlugin passes, with an operation and a workflow action', async () => {
    const result = await runCli(['plugin', 'new', 'phone-tools'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Created plugin phone-tools in phone-tools:/);
    const folder = join(dir, 'phone-tools');
    expect((await readdir(folder)).sort()).toEqual(['README.md', 'jest.config.cjs', 'package.json', 'src', 'tsconfig.json']);
    expect((await readdir(join(folder, 'src'))).sort()).toEqual(['index.test.ts', 'index.ts']);
    expect(JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))).toMatchObject({ name: 'trellis-plugin-phone-tools', type: 'module', trellis: { plugin: true } });

    // Importing runs definePlugin, which throws on any problem.
    const plugin = (await import(pathToFileURL(join(folder, 'src', 'index.ts')).href)).default as {
      name: string;
      operations: Record<string, { evaluate: (...args: unknown[]) => unknown; result: string }>;
      actions: Record<string, PluginAction>;
    };
    expect(plugin.name).toBe('phone-tools');
    expect(plugin.operations['initials']!.evaluate('Acme corp')).toBe('AC');
    expect(plugin.operations['initials']!.result).toBe('string');
    expect(plugin.actions['postToChat']!.inputSchema).toMatchObject({ type: 'object', required: ['url', 'text'] });
  });

  it('writes into --dir', async () => {
    expect((await runCli(['plugin', 'new', 'geo', '--dir', 'plugins/geo'], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, 'plugins', 'geo', 'src', 'index.ts'), 'utf8')).toMatch(/name: 'geo'/);
  });

  it('refuses a name definePlugin would refuse', async () => {
    const result = await runCli(['plugin', 'new', 'Phone_Tools'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/"Phone_Tools" is not a plugin name/);
    expect(result.err).toMatch(/Fix: use 1-60 lowercase letters/);
  });

  it('never overwrites a folder that has files', async () => {
    await mkdir(join(dir, 'geo'));
    await writeFile(join(dir, 'geo', 'keep.txt'), 'mine');
    const result = await runCli(['plugin', 'new', 'geo'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/geo already exists and is not empty; nothing was written/);
  });
});
