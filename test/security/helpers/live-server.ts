/**
 * The real built server (`node dist/main.js`) as a child process on 127.0.0.1, on the embedded
 * database in a fresh temp DATA_DIR, its stdout and stderr captured to a log file the suite can search.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../helpers/server-process.js';

export interface LiveServer {
  baseUrl: string;
  dataDir: string;
  logFile: string;
  child: ChildProcess;
  /** The server's log so far. */
  log(): string;
  /** Every row of every table in the public schema, as JSON text, read through the server's socket. */
  dumpDatabase(): Promise<string>;
  /** SIGTERM, then waits for the exit; keeps the data dir for a post-mortem search. */
  stop(): Promise<void>;
  /** Removes the data dir and the log. */
  remove(): void;
}

/** Environment every suite server gets: only what it needs, nothing from the developer's shell. */
const BASE_ENV = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  JOB_CONCURRENCY: '2',
  // The fuzz creates jobs; keep each one small so the two cores stay on the attack, not on generation.
  MAX_PATIENTS_PER_JOB: '300',
};

export async function startLiveServer(env: Record<string, string>, readyMs = 300_000): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-security-'));
  const logFile = join(dataDir, 'server.log');
  const port = await freePort();
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...BASE_ENV,
      PORT: String(port),
      DATA_DIR: join(dataDir, 'data'),
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(logFile, 'utf8');
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}:\n${log().slice(-4000)}`);
    if (log().includes('"service ready"')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${readyMs} ms:\n${log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    dataDir,
    logFile,
    child,
    log,
    async dumpDatabase() {
      // The embedded store serves the PostgreSQL protocol on a Unix socket in DATA_DIR (as the CLI uses it).
      const client = new pg.Client({
        host: join(dataDir, 'data'),
        port: 5432,
        user: 'postgres',
        database: 'postgres',
      });
      await client.connect();
      try {
        const tables = await client.query<{ tablename: string }>(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        );
        let text = '';
        for (const { tablename } of tables.rows) {
          const rows = await client.query(`SELECT * FROM "${tablename}"`);
          text += `-- ${tablename}\n${JSON.stringify(rows.rows)}\n`;
        }
        return text;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
