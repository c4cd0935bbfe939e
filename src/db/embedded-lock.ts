import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** What the owner of an embedded data directory writes into its lock file. */
export interface LockInfo {
  pid: number;
  /** Directory holding the PostgreSQL-protocol socket a second process may use. */
  socketDir: string;
  socketPort: number;
}

export type LockResult = { acquired: true; release(): void } | { acquired: false; owner: LockInfo };

/**
 * PGlite does not lock its data directory, and two processes opening it lose
 * writes. The first process takes this lock with O_EXCL; a lock left by a dead
 * process is taken over.
 */
export function acquireLock(lockPath: string, info: LockInfo): LockResult {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return { acquired: true, release: () => releaseLock(lockPath, info.pid) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(lockPath);
      if (owner && owner.pid !== info.pid && isAlive(owner.pid)) return { acquired: false, owner };
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function releaseLock(lockPath: string, pid: number): void {
  if (readLock(lockPath)?.pid === pid) rmSync(lockPath, { force: true });
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
