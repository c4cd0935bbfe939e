import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

/** What the owner of an embedded data directory writes into its lock file. */
export interface LockInfo {
  pid: number;
  /**
   * When the owner process started (Linux: clock ticks since boot, from /proc). With the pid it
   * names one process for ever; a pid alone is reused, after a reboot or in a new container.
   */
  startTime?: string;
  /** Directory holding the PostgreSQL-protocol socket a second process may use. */
  socketDir: string;
  socketPort: number;
}

export type LockResult =
  | {
      acquired: true;
      release(): void /** The stale lock that was taken over, if any. */;
      replaced?: LockInfo;
    }
  | { acquired: false; owner: LockInfo };

/**
 * PGlite does not lock its data directory, and two processes opening it lose
 * writes. The first process takes this lock with O_EXCL. A lock whose owner is
 * gone is taken over: its pid is dead, or now belongs to another process (the
 * start time differs), or, where start times are unknown, nothing answers on
 * the owner's socket.
 */
export async function acquireLock(lockPath: string, info: Omit<LockInfo, 'startTime'>): Promise<LockResult> {
  const mine: LockInfo = { ...info, startTime: processStartTime(info.pid) };
  let replaced: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return { acquired: true, release: () => releaseLock(lockPath, mine), replaced };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(lockPath);
      if (owner && owner.pid !== mine.pid && (await isHeldBy(owner))) return { acquired: false, owner };
      replaced = owner;
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/** Whether the process named in a lock is still the one that wrote it. */
async function isHeldBy(owner: LockInfo): Promise<boolean> {
  if (!isAlive(owner.pid)) return false;
  const actual = processStartTime(owner.pid);
  if (owner.startTime !== undefined && actual !== undefined) return owner.startTime === actual;
  // No /proc, or a lock written before start times were recorded: a live owner serves its socket.
  return canConnect(join(owner.socketDir, `.s.PGSQL.${owner.socketPort}`));
}

function releaseLock(lockPath: string, mine: LockInfo): void {
  const current = readLock(lockPath);
  if (current?.pid === mine.pid && current.startTime === mine.startTime) rmSync(lockPath, { force: true });
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
    return Number.isInteger(parsed.pid) ? parsed : undefined;
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

/** Field 22 of /proc/<pid>/stat; `undefined` where there is no /proc (macOS) or no such process. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function canConnect(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
