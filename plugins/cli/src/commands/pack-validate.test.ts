import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../testing/run-cli.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'testing', 'packs', 'help-desk');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trellis-cli-validate-'));
  await cp(fixture, join(dir, 'help-desk'), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const validate = (...args: string[]) => runCli(['pack', 'validate', ...args], { cwd: dir });

describe('trellis pack validate (offline)', () => {
  it('accepts a valid pack folder', async () => {
    const result = await validate('help-desk');
    expect(result).toEqual({ code: 0, out: 'help-desk: help-desk@1.0.0 is a valid pack.\n', err: '' });
  });

  it('lists every problem with its file, line and JSON path, and exits 1', async () => {
    await writeFile(join(dir, 'help-desk', 'trellis-pack.json'), JSON.stringify({ name: 'help-desk', version: 'one' }));
    await writeFile(join(dir, 'help-desk', 'seed', '01-ticket.csv'), 'title,priority\nPrinter on fire,urgent\n');
    const result = await validate('help-desk');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Error: help-desk is not a valid pack \(\d+ problem\(s\)\):/);
    expect(result.err).toMatch(/\n {2}trellis-pack\.json[^\n]*\/version[^\n]*\n/);
    expect(result.err).toMatch(/Fix: fix each file at the place listed/);
  });

  it('points at the line of a metadata problem', async () => {
    await writeFile(
      join(dir, 'help-desk', 'metadata', '01-ticket.json'),
      JSON.stringify({ entities: { ticket: { label: 'Ticket', plural: 'tickets', fields: { title: { type: 'txt', label: 'Title' } } } } }, null, 2),
    );
    const result = await validate('help-desk');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/metadata\/01-ticket\.json:\d+ \(\/entities\/ticket\/fields\/title[^)]*\): /);
  });

  it('finds a dependency next to the pack folder', async () => {
    await mkdir(join(dir, 'help-desk-sla'));
    await writeFile(join(dir, 'help-desk-sla', 'trellis-pack.json'), JSON.stringify({ name: 'help-desk-sla', version: '1.0.0', dependencies: { 'help-desk': '^1.0.0' } }));
    await mkdir(join(dir, 'help-desk-sla', 'metadata'));
    await writeFile(
      join(dir, 'help-desk-sla', 'metadata', 'sla.json'),
      JSON.stringify({ entities: { sla: { label: 'SLA', pluralLabel: 'SLAs', plural: 'slas', fields: { name: { type: 'text', label: 'Name' }, ticket: { type: 'relation', label: 'Ticket', target: 'ticket', cardinality: 'manyToOne' } } } } }),
    );
    const result = await validate('help-desk-sla');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('says when the folder is not a pack', async () => {
    const result = await validate('nowhere');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/nowhere is not a valid pack/);
    expect(result.err).toMatch(/trellis-pack\.json/);
  });
});
