import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Database, DbLogger } from './database.js';
import { acquireLock } from './embedded-lock.js';
import { copyEmbeddedTemplate } from './embedded-template.js';
import { openPostgres } from './postgres.js';
import * as schema from './schema/index.js';

const SOCKET_PORT = 5432;

export interface EmbeddedOptions {
  /** Directory for the data; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  /** Serve the PostgreSQL protocol on a Unix socket so a second process (the CLI) can share the store. */
  shareViaSocket?: boolean;
  /** A prepared data directory (tarball) that skips initdb; tests use it to start fast. */
  loadDataDir?: Blob;
}

/**
 * Opens the embedded PostgreSQL (PGlite). PGlite is single-process, so the
 * first process to open a directory owns it and serves it on a Unix socket;
 * any later process (the admin CLI while the server runs) connects through
 * that socket with node-postgres instead of opening the files itself.
 */
export async function openEmbedded(options: EmbeddedOptions, logger: DbLogger): Promise<Database> {
  if (!options.dataDir) return openPglite(undefined, options, logger, () => {});

  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'pglite.lock');
  const lock = await acquireLock(lockPath, { pid: process.pid, socketDir: dataDir, socketPort: SOCKET_PORT });
  if (lock.acquired && lock.replaced) {
    logger.warn(
      { lockPath, stalePid: lock.replaced.pid },
      'took over a stale embedded database lock: the process it names is gone or is not its owner',
    );
  }
  if (!lock.acquired) {
    logger.info(
      { pid: lock.owner.pid },
      'embedded database is owned by a running process; connecting through it',
    );
    await waitForSocket(join(lock.owner.socketDir, `.s.PGSQL.${lock.owner.socketPort}`));
    // A local socket does not hang like a network link, and the server may queue a CLI query behind
    // its own work on the single PGlite session, so no statement timeout here.
    return openPostgres(
      {
        host: lock.owner.socketDir,
        port: lock.owner.socketPort,
        max: 1,
        kind: 'embedded-via-server',
        connectTimeoutMs: 3000,
        statementTimeoutMs: 0,
      },
      logger,
    );
  }
  try {
    const pgdata = join(dataDir, 'pgdata');
    // A new directory starts from the build's prepared copy: initdb would take 700-800 MB of memory.
    if (!options.loadDataDir && !existsSync(pgdata)) copyEmbeddedTemplate(pgdata);
    return await openPglite(pgdata, options, logger, lock.release, dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPglite(
  pgdata: string | undefined,
  options: EmbeddedOptions,
  logger: DbLogger,
  releaseLock: () => void,
  socketDir?: string,
): Promise<Database> {
  // Loaded here, not at the top: a CLI that talks to the server's socket, or a PostgreSQL
  // deployment, never pays for PGlite's modules.
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create({
    dataDir: pgdata,
    loadDataDir: options.loadDataDir,
    // Smaller buffers keep PGlite's resident memory near 150-250 MB instead of ~900 MB.
    initialMemory: 128 * 1024 * 1024,
    postgresqlconf: ['shared_buffers = 16MB'],
  });
  let socketServer: PGLiteSocketServer | undefined;
  if (options.shareViaSocket && socketDir) {
    const socketPath = join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
    rmSync(socketPath, { force: true });
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    // Several CLI processes may connect at once; the server queues their queries onto the one PGlite session.
    socketServer = new PGLiteSocketServer({ db: client, path: socketPath, maxConnections: 16 });
    await socketServer.start();
  }
  const db = drizzle(client, { schema }) as unknown as Database['db'];
  return {
    kind: 'embedded',
    db,
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      try {
        await socketServer?.stop();
        await client.close();
      } catch (error) {
        logger.warn({ err: error }, 'error while closing the embedded database');
      } finally {
        releaseLock();
      }
    },
  };
}

/** The owner takes the lock before its socket is up; a process arriving in between waits briefly. */
async function waitForSocket(path: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The process owning the embedded database has not opened ${path}; is it still starting?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
