import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, processStartTime } from '../../src/db/embedded-lock.js';
import { openEmbedded } from '../../src/db/index.js';
import { migratedImage } from '../helpers/pglite-template.js';

const onLinux = existsSync('/proc/self/stat');

/** The embedded store's lock must not be fooled by a recycled pid, nor take over from a live owner. */
describe('the embedded database lock', () => {
  let stranger: ChildProcess; // a live process that has nothing to do with us
  let dir: string;
  let lockPath: string;
  const mine = () => ({ pid: process.pid, socketDir: dir, socketPort: 5432 });
  const writeLock = (info: object) => writeFileSync(lockPath, JSON.stringify(info));

  beforeAll(() => {
    stranger = spawn('sleep', ['600'], { stdio: 'ignore' });
  });
  afterAll(() => {
    stranger.kill();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'milmed-lock-'));
    lockPath = join(dir, 'pglite.lock');
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('takes over a lock naming a live, unrelated process, and says which', async () => {
    writeLock({ pid: stranger.pid, startTime: '1', socketDir: dir, socketPort: 5432 });
    const lock = await acquireLock(lockPath, mine());
    expect(lock).toMatchObject({ acquired: true, replaced: { pid: stranger.pid } });
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    if (lock.acquired) lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over an old lock without a start time when nothing answers on its socket', async () => {
    writeLock({ pid: stranger.pid, socketDir: dir, socketPort: 5432 });
    writeFileSync(join(dir, '.s.PGSQL.5432'), ''); // a socket file left behind, with no server
    expect(await acquireLock(lockPath, mine())).toMatchObject({ acquired: true });
  });

  it.runIf(onLinux)('leaves a lock to the live process that wrote it', async () => {
    const owner = {
      pid: stranger.pid!,
      startTime: processStartTime(stranger.pid!),
      socketDir: dir,
      socketPort: 5432,
    };
    writeLock(owner);
    expect(await acquireLock(lockPath, mine())).toEqual({ acquired: false, owner });
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual(owner);
  });

  it('does not block start-up: the embedded database opens over a stale lock, with a warning', async () => {
    writeLock({ pid: stranger.pid, startTime: '1', socketDir: dir, socketPort: 5432 });
    const warnings: string[] = [];
    const logger = {
      info() {},
      error() {},
      warn: (_obj: object, msg?: string) => void warnings.push(msg ?? ''),
    };
    // The data directory starts from the test image (the sources have no built template): no initdb here.
    const database = await openEmbedded({ dataDir: dir, loadDataDir: await migratedImage() }, logger);
    try {
      expect(database.kind).toBe('embedded');
      await database.ping();
      expect(warnings).toEqual([expect.stringMatching(/took over a stale embedded database lock/)]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
