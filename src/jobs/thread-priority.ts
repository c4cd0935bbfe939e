import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority (nice 10) so that bulk generation in a worker thread
 * yields the CPU to the HTTP event loop whenever both want it. Linux only: there `/proc/thread-self` names
 * this thread's id, and a thread id may stand for a pid in `setpriority`. Elsewhere, or if refused, the
 * thread keeps its normal priority; returns whether it was lowered.
 */
export function lowerThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
