import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMilmedKeys } from '../../src/cli/program.js';
import { type Backend, createPostgresDatabase } from '../helpers/database.js';

export const CLI = 'dist/cli/main.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a child process, with no terminal on stdin. Async
 * spawn only: a synchronous one would block this process while a server it
 * started must answer.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The same program run inside this process (src/cli/program.ts) with its own output, environment
 * and no terminal: what the binary does minus a Node start and a module load per command. The
 * binary itself is run by `runCli` in the tests that need the process (exit code, stdin, start-up).
 */
export async function runCliInProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runMilmedKeys(['node', CLI, ...args], {
    env: childEnv(env),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
  });
  return { code, stdout, stderr };
}

/** A command that must succeed with `--json`, run by `run` (the binary unless told): the parsed output. */
export async function cliJson<T = Record<string, unknown>>(
  args: string[],
  env: Record<string, string>,
  run: typeof runCli = runCli,
): Promise<T> {
  const result = await run([...args, '--json'], env);
  if (result.code !== 0)
    throw new Error(`milmed-keys ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The parent's environment without any database settings, plus `env`; never coloured. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DATA_DIR;
  delete base.API_KEY;
  return { ...base, NO_COLOR: '1', LOG_LEVEL: 'warn', ...env };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A database for one suite: a temp DATA_DIR, or a fresh PostgreSQL database. */
export interface Store {
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function createStore(backend: Backend): Promise<Store> {
  if (backend === 'postgres') {
    const db = await createPostgresDatabase();
    return { env: { DATABASE_URL: db.url }, close: () => db.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'milmed-cli-'));
  return { env: { DATA_DIR: dir }, close: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
  baseUrl: string;
  /** GET with the key; the status code. */
  statusWith(key: string, path?: string): Promise<number>;
  me(key: string): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

/** Starts the built server (`dist/main.js`) on a free port over `env`'s database and waits for /health. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    env: childEnv({
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEY_CACHE_TTL_MS: '0',
      AUTH_FAILURES_PER_MINUTE: '1000',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const me = async (key: string) => {
    const res = await fetch(`${baseUrl}/api/v1/keys/me`, { headers: { 'X-API-Key': key } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    baseUrl,
    me,
    statusWith: async (key) => (await me(key)).status,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
