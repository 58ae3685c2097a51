import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformFileSync } from '@swc/core';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
import { startTestDatabase } from '../testing/test-database.js';

const require = createRequire(import.meta.url);

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Running = exists and is not a zombie waiting for a reaper. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** A separate Node process that starts the embedded server in `dataDir` and reports its port. */
async function startInChild(workDir: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // Compile this module to plain ESM so a bare `node` child can run it.
  const { code } = transformFileSync(path.join(import.meta.dirname, 'embedded-postgres.ts'), {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
  });
  const packageUrl = pathToFileURL(require.resolve('embedded-postgres')).href;
  const modulePath = path.join(workDir, 'embedded-postgres.mjs');
  await writeFile(modulePath, code.replace(/from ['"]embedded-postgres['"]/, `from '${packageUrl}'`));
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(pathToFileURL(modulePath).href)};
    const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, persistent: true });
    console.log(JSON.stringify({ url: pg.url }));
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  return { child, url };
}

describe('embedded Postgres', () => {
  let workDir: string;
  let dataDir: string;
  const handles: EmbeddedPostgresHandle[] = [];

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-epg-'));
    await chmod(workDir, 0o755);
    dataDir = path.join(workDir, '.trellis', 'pgdata');
  });

  afterEach(async () => {
    while (handles.length) await handles.pop()!.stop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  });

  it('starts a throwaway test database whose sessions run in UTC', async () => {
    const db = await startTestDatabase();
    try {
      const { rows } = await db.pool.query(`select current_setting('TimeZone') as tz`);
      expect(rows[0].tz).toBe('UTC');
    } finally {
      await db.stop();
    }
  });

  it('initialises a data dir once and reuses it (with its data) on the next start', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await query(first.url, 'create table kept (id int)');
    await query(first.url, 'insert into kept values (42)');
    const versionFile = await stat(path.join(dataDir, 'PG_VERSION'));
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    handles.push(second);
    const { rows } = await query(second.url, 'select id from kept');
    expect(rows).toEqual([{ id: 42 }]);
    expect((await stat(path.join(dataDir, 'PG_VERSION'))).mtimeMs).toBe(versionFile.mtimeMs);
    // The stored password is reused, not regenerated.
    expect(second.url).toBe(first.url.replace(`:${first.port}/`, `:${second.port}/`));
  });

  it('recovers the server orphaned by a SIGKILLed Node process and keeps its data', async () => {
    const { child, url } = await startInChild(workDir, dataDir);
    await query(url, 'create table survived (id int)');
    const stalePid = Number.parseInt((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]!, 10);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(isAlive(stalePid)).toBe(true); // the orphan keeps running after its parent died

    const recovered = await startEmbeddedPostgres({ dataDir, persistent: true });
    handles.push(recovered);
    expect(isAlive(stalePid)).toBe(false);
    const { rows } = await query(recovered.url, `select to_regclass('public.survived') as t`);
    expect(rows[0].t).toBe('survived');
  });

  it('removes a stale pid file whose process is gone', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await first.stop();
    // A pid file left by a crash, naming a process that no longer exists.
    await writeFile(path.join(dataDir, 'postmaster.pid'), '999999\n' + dataDir + '\n');
    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    handles.push(second);
    const { rows } = await query(second.url, 'select 1 as one');
    expect(rows[0].one).toBe(1);
  });

  it('refuses to take over a data dir still served for a live process', async () => {
    const { child } = await startInChild(workDir, dataDir);
    try {
      await expect(startEmbeddedPostgres({ dataDir, persistent: true })).rejects.toThrow(/in use by another running Trellis process/);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  (process.getuid?.() === 0 ? it : it.skip)('as root, explains how to fix a data dir the postgres user cannot reach', async () => {
    const closed = path.join(workDir, 'private');
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    const hidden = path.join(closed, 'project', '.trellis', 'pgdata');
    await expect(startEmbeddedPostgres({ dataDir: hidden, persistent: true })).rejects.toThrow(
      /cannot enter .*private \(mode 700\).*TRELLIS_DATA_DIR.*chmod o\+x/,
    );
  });
});
