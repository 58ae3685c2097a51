import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));

/** The first administrator the spawned server creates (TRELLIS_ADMIN_EMAIL / TRELLIS_ADMIN_PASSWORD). */
export const TRELLIS_ADMIN_EMAIL = 'admin@trellis.test';
export const TRELLIS_ADMIN_PASSWORD = 'e2e-Owner-passphrase-2024';

export interface RunningTrellis {
  baseUrl: string;
  /** POSTs to /graphql as the administrator (signed in on first use; anonymous when there is none). */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  /** POSTs to /metadata likewise. */
  metadata<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-work, as in a crash (an external DATABASE_URL keeps its data). */
  kill(): Promise<void>;
}

/**
 * Starts the built Trellis server exactly as `npm start` does (embedded Postgres, starter pack),
 * in a fresh working directory so its `.trellis/` data is thrown away afterwards. The first administrator
 * comes from TRELLIS_ADMIN_EMAIL / TRELLIS_ADMIN_PASSWORD (pass them as '' to test the first-run page).
 * With `workDir` (from trellisWorkDir), the server runs there and its data outlives it: a restart finds it again.
 */
export async function startTrellis(env: Record<string, string> = {}, options: { workDir?: string } = {}): Promise<RunningTrellis> {
  const cwd = options.workDir ?? trellisWorkDir();
  const child = spawn(process.execPath, [serverMain], {
    cwd,
    env: { ...process.env, PORT: '0', TRELLIS_ADMIN_EMAIL, TRELLIS_ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await waitForStudioLine(child);
  const email = env['TRELLIS_ADMIN_EMAIL'] ?? TRELLIS_ADMIN_EMAIL;
  const password = env['TRELLIS_ADMIN_PASSWORD'] ?? TRELLIS_ADMIN_PASSWORD;
  let cookie: Promise<string | undefined> | undefined;
  const adminCookie = () =>
    (cookie ??= (async () => {
      if (!email || !password) return undefined;
      const res = await fetch(new URL('/auth/sign-in', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return res.ok ? res.headers.get('set-cookie')?.split(';')[0] : undefined;
    })());
  const post = async (path: string, query: string, variables?: Record<string, unknown>) => {
    const session = await adminCookie();
    const res = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { cookie: session } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  const endWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    }
    if (!options.workDir) rmSync(cwd, { recursive: true, force: true });
  };
  return {
    baseUrl,
    graphql: (query, variables) => post('/graphql', query, variables),
    metadata: (query, variables) => post('/metadata', query, variables),
    stop: () => endWith('SIGTERM'),
    kill: () => endWith('SIGKILL'),
  };
}

/** A fresh working directory for a server (its embedded Postgres lives in `.trellis/` there). */
export function trellisWorkDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  // mkdtemp makes the directory 0700; as root, embedded Postgres runs as the `postgres` user and must traverse it.
  chmodSync(dir, 0o755);
  return dir;
}

function waitForStudioLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Trellis did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Trellis studio: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Trellis exited with ${code} before it was ready:\n${output}`));
    });
  });
}
