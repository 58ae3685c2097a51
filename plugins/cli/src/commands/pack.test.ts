import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackPreview } from '../api-types.js';
import { preview } from '../testing/fixtures.js';
import { runCli } from '../testing/run-cli.js';
import { startStubServer, StubGraphQLError, type StubServer } from '../testing/stub-server.js';

let server: StubServer;
let dir: string;

const packPreview = (overrides: Partial<PackPreview> = {}): PackPreview => ({
  pack: 'service',
  version: '2.0.0',
  installOrder: ['b2b-sales', 'service'],
  clashes: [],
  conflicts: [],
  changes: [],
  seedCounts: { case: 3 },
  dataLoss: null,
  blockedBy: [],
  plan: preview(),
  ...overrides,
});

const conflict = {
  path: '/entities/case/fields/priority/label',
  kind: 'bothChanged',
  base: 'Priority',
  theirs: 'Urgency',
  ours: 'Importance',
  message: 'The label of field priority of entity case was changed by the pack and by you.',
};

beforeEach(async () => {
  server = await startStubServer();
  dir = await mkdtemp(join(tmpdir(), 'trellis-cli-pack-'));
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env: { TRELLIS_URL: server.url }, cwd: dir });
const calls = (field: string) => server.requests.filter((r) => r.field === field);

describe('trellis pack install', () => {
  it('installs with dependencies first and reports the published version', async () => {
    server.handlers['previewPackInstall'] = () => packPreview();
    server.handlers['installPack'] = () => ({ version: 9, message: null });
    const result = await cli('pack', 'install', 'service');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Install order \(dependencies first\): b2b-sales → service/);
    expect(result.out).toMatch(/Seed data: 3 case/);
    expect(result.out).toMatch(/Installed service@2\.0\.0: published version 9/);
    expect(calls('installPack')[0]!.variables).toEqual({ name: 'service', clashChoices: {} });
  });

  it('lists name clashes and exits 2 until each has a choice', async () => {
    server.handlers['previewPackInstall'] = () => packPreview({ clashes: [{ path: '/entities/case', message: 'You already have an entity case.' }] });
    const result = await cli('pack', 'install', 'service');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/service clashes with 1 component\(s\) of your workspace/);
    expect(result.err).toMatch(/\/entities\/case: You already have an entity case\./);
    expect(result.err).toMatch(/--keep-mine.*--take-pack.*--choices FILE/);
    expect(calls('installPack')).toHaveLength(0);
  });

  it('sends --keep-mine as a choice for every clash', async () => {
    server.handlers['previewPackInstall'] = () => packPreview({ clashes: [{ path: '/entities/case', message: 'clash' }] });
    server.handlers['installPack'] = () => ({ version: 9, message: null });
    expect((await cli('pack', 'install', 'service', '--keep-mine')).code).toBe(0);
    expect(calls('installPack')[0]!.variables['clashChoices']).toEqual({ '/entities/case': 'keepMine' });
  });

  it('reads per-clash choices from a file and checks them', async () => {
    await writeFile(join(dir, 'choices.json'), JSON.stringify({ '/entities/case': 'maybe' }));
    const result = await cli('pack', 'install', 'service', '--choices', 'choices.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/choices\.json at "\/entities\/case": clash choices must be/);
  });

  it('installs a pack folder by its manifest name when the server offers it, and says how to offer it otherwise', async () => {
    await mkdir(join(dir, 'my-pack'));
    await writeFile(join(dir, 'my-pack', 'trellis-pack.json'), JSON.stringify({ name: 'my-pack', version: '1.0.0' }));
    server.handlers['packs'] = () => [];
    const missing = await cli('pack', 'install', 'my-pack');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/does not offer my-pack@1\.0\.0/);
    expect(missing.err).toMatch(/TRELLIS_PACK_DIRS/);

    server.handlers['packs'] = () => [{ name: 'my-pack', version: '1.0.0', origin: 'folder', upgradeAvailable: false }];
    server.handlers['previewPackInstall'] = () => packPreview({ pack: 'my-pack', version: '1.0.0', installOrder: ['my-pack'] });
    server.handlers['installPack'] = () => ({ version: 3, message: null });
    expect((await cli('pack', 'install', 'my-pack')).code).toBe(0);
    expect(calls('installPack')[0]!.variables['name']).toBe('my-pack');
  });
});

describe('trellis pack upgrade', () => {
  it('prints the conflict report and exits 2 while conflicts are undecided', async () => {
    server.handlers['previewPackUpgrade'] = () => packPreview({ conflicts: [conflict] });
    const result = await cli('pack', 'upgrade', 'service', '--write-decisions', 'decisions.json');
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/Upgrading service to 2\.0\.0: 1 conflict\(s\) need a decision/);
    expect(result.out).toMatch(/1\. \/entities\/case\/fields\/priority\/label \(bothChanged\)/);
    expect(result.out).toMatch(/installed pack: "Priority"\n {3}new pack: {7}"Urgency"\n {3}yours: {10}"Importance"/);
    expect(result.err).toMatch(/1 conflict\(s\) in the upgrade of service are undecided; nothing was published/);
    expect(JSON.parse(await readFile(join(dir, 'decisions.json'), 'utf8'))).toEqual({ [conflict.path]: { take: 'ours' } });
    expect(calls('upgradePack')).toHaveLength(0);
  });

  it('upgrades with the decisions of a file', async () => {
    await writeFile(join(dir, 'd.json'), JSON.stringify({ [conflict.path]: 'pack' }));
    server.handlers['previewPackUpgrade'] = () => packPreview({ conflicts: [conflict] });
    server.handlers['upgradePack'] = () => ({ version: 12, message: null });
    const result = await cli('pack', 'upgrade', 'service', '--decisions', 'd.json');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Upgraded service to 2\.0\.0: published version 12/);
    expect(calls('previewPackUpgrade')[0]!.variables['decisions']).toEqual({ [conflict.path]: { take: 'theirs' } });
    expect(calls('upgradePack')[0]!.variables).toEqual({ name: 'service', decisions: { [conflict.path]: { take: 'theirs' } }, clashChoices: {} });
  });

  it('asks for a choice on each clash of a dependency the new version brings, then passes the choices on', async () => {
    const clash = { path: '/entities/invoice', message: 'Entity invoice of billing has the name of your entity invoice.' };
    // The server lists the clash whatever the choices; the command checks each has one.
    server.handlers['previewPackUpgrade'] = () => packPreview({ installOrder: ['billing', 'service'], clashes: [clash] });
    server.handlers['upgradePack'] = () => ({ version: 13, message: null });
    const refused = await cli('pack', 'upgrade', 'service');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/service's new dependencies clashes with 1 component\(s\) of your workspace/);
    expect(refused.err).toMatch(/--clashes keepMine/);
    expect(calls('upgradePack')).toHaveLength(0);

    expect((await cli('pack', 'upgrade', 'service', '--clashes', 'keepMine')).code).toBe(0);
    expect(calls('upgradePack')[0]!.variables['clashChoices']).toEqual({ [clash.path]: 'keepMine' });
    expect((await cli('pack', 'upgrade', 'service', '--clashes', 'mine')).err).toMatch(/--clashes mine: give keepMine or takePack/);
  });

  it('decides every remaining conflict with --take-mine', async () => {
    server.handlers['previewPackUpgrade'] = () => packPreview({ conflicts: [conflict] });
    server.handlers['upgradePack'] = () => ({ version: 12, message: null });
    expect((await cli('pack', 'upgrade', 'service', '--take-mine')).code).toBe(0);
    expect(calls('upgradePack')[0]!.variables['decisions']).toEqual({ [conflict.path]: { take: 'ours' } });
  });

  it('succeeds with nothing to do when the pack is up to date', async () => {
    server.handlers['previewPackUpgrade'] = () => {
      throw new StubGraphQLError('The service pack is installed at 2.0.0; the available version (2.0.0) is not newer.', { code: 'PACK_UP_TO_DATE' });
    };
    const result = await cli('pack', 'upgrade', 'service');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/service is up to date: The service pack is installed at 2\.0\.0/);
  });

  it('refuses --take-mine with --take-pack', async () => {
    const result = await cli('pack', 'upgrade', 'service', '--take-mine', '--take-pack');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--take-mine and --take-pack exclude each other/);
  });

  it('names the bad entry of a decisions file', async () => {
    await writeFile(join(dir, 'd.json'), JSON.stringify({ [conflict.path]: { take: 'both' } }));
    const result = await cli('pack', 'upgrade', 'service', '--decisions', 'd.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/d\.json at "\/entities\/case\/fields\/priority\/label": \{"take":"both"\} is not a decision/);
  });

  it("passes on the server's PACK_CONFLICTS refusal with its code and paths (exit 2)", async () => {
    server.handlers['previewPackUpgrade'] = () => packPreview();
    server.handlers['upgradePack'] = () => {
      throw new StubGraphQLError('1 conflict is undecided', { code: 'PACK_CONFLICTS', conflicts: [conflict] });
    };
    const result = await cli('pack', 'upgrade', 'service');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/upgradePack failed \(PACK_CONFLICTS\): 1 conflict is undecided/);
    expect(result.err).toMatch(/\n {2}\/entities\/case\/fields\/priority\/label: The label of field priority/);
  });
});

describe('trellis pack uninstall', () => {
  it('is refused while another pack depends on it', async () => {
    server.handlers['previewPackUninstall'] = () => packPreview({ blockedBy: ['service'] });
    const result = await cli('pack', 'uninstall', 'b2b-sales', '--yes');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/b2b-sales cannot be uninstalled: installed pack\(s\) service depend on it/);
    expect(calls('uninstallPack')).toHaveLength(0);
  });

  it('lists the data that would be lost and needs --yes', async () => {
    server.handlers['previewPackUninstall'] = () => packPreview({ dataLoss: { entities: { case: 12, survey: 0 }, fields: { 'account.industry': 4 } } });
    server.handlers['uninstallPack'] = () => ({ version: 13, message: null });
    const preview = await cli('pack', 'uninstall', 'service');
    expect(preview.code).toBe(2);
    expect(preview.out).toMatch(/Data that would be lost:\n {2}entity case: 12 record\(s\)\n {2}field account\.industry: 4 value\(s\)\n/);
    expect(calls('uninstallPack')).toHaveLength(0);
    const confirmed = await cli('pack', 'uninstall', 'service', '--yes');
    expect(confirmed.code).toBe(0);
    expect(confirmed.out).toMatch(/Uninstalled service: published version 13/);
  });
});

describe('trellis pack export', () => {
  it('writes the files the server exports', async () => {
    server.handlers['exportPack'] = () => ({
      files: [
        { path: 'trellis-pack.json', content: '{ "name": "mine", "version": "1.0.0" }\n' },
        { path: 'metadata/01-case.json', content: '{}\n' },
      ],
    });
    const result = await cli('pack', 'export', 'mine', '--version', '1.0.0', '--entities', 'case, contact', '--out', 'out');
    expect(result.code).toBe(0);
    expect(calls('exportPack')[0]!.variables).toEqual({ name: 'mine', version: '1.0.0', entities: ['case', 'contact'], workflows: null });
    expect(await readFile(join(dir, 'out', 'metadata', '01-case.json'), 'utf8')).toBe('{}\n');
    expect(result.out).toMatch(/Exported mine@1\.0\.0 to out \(2 file\(s\)\)/);
  });

  it('refuses a path that would leave the folder', async () => {
    server.handlers['exportPack'] = () => ({ files: [{ path: '../evil.json', content: '' }] });
    const result = await cli('pack', 'export', 'mine', '--version', '1.0.0', '--out', 'out');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/unsafe file path "\.\.\/evil\.json"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a folder that is not empty unless --force', async () => {
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out', 'x'), '');
    const result = await cli('pack', 'export', 'mine', '--version', '1.0.0', '--out', 'out');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/out is not empty/);
  });
});

describe('trellis pack list', () => {
  it('shows available and installed packs with upgrades', async () => {
    server.handlers['packs'] = () => [
      { name: 'b2b-sales', version: '1.1.0', label: 'B2B sales', origin: 'plugins/pack-b2b-sales', installedVersion: '1.0.0', dependencies: {}, upgradeAvailable: true },
      { name: 'service', version: '1.0.0', label: null, origin: 'plugins/pack-service', installedVersion: null, dependencies: { 'b2b-sales': '^1.0.0' }, upgradeAvailable: false },
    ];
    const result = await cli('pack', 'list');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'b2b-sales  installed 1.0.0, upgrade to 1.1.0 available  (plugins/pack-b2b-sales)  B2B sales\n' +
        'service  available 1.0.0  (plugins/pack-service)  needs b2b-sales ^1.0.0\n',
    );
  });
});
