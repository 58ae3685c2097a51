import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('file:///work/main/server/dist/main.js'));

export const TRELLIS_ADMIN_EMAIL = 'admin@trellis.test';
export const TRELLIS_ADMIN_PASSWORD = 'Tr3llis-e2e-owner-passphrase';

export interface RunningTrellis {
  baseUrl: string;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  stop(): Promise<void>;
}

/**
 * Starts the built Trellis server exactly as `npm start` does (embedded Postgres, starter pack),
 * in a fresh working directory so its `.trellis/` data is thrown away afterwards.
 */
export async function startTrellis(env: Record<string, string> = {}): Promise<RunningTrellis> {
  const cwd = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  // mkdtemp makes the directory 0700; as root, embedded Postgres runs as the `postgres` user and must traverse it.
  chmodSync(cwd, 0o755);
  const child = spawn(process.execPath, [serverMain], {
    cwd,
    env: { ...process.env, PORT: '0', TRELLIS_ADMIN_EMAIL, TRELLIS_ADMIN_PASSWORD, TRELLIS_ADMIN_NAME: 'Test Admin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await waitForStudioLine(child);
  return {
    baseUrl,
    async graphql(query, variables) {
      const res = await fetch(new URL('/graphql', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(cwd, { recursive: true, force: true });
    },
  };
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
